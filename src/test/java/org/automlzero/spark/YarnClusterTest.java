package org.automlzero.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.yarn.conf.YarnConfiguration;
import org.apache.hadoop.yarn.server.MiniYARNCluster;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real YARN cluster in this JVM (Hadoop's MiniYARNCluster: a resource manager with the FIFO
 * scheduler and one node manager, on localhost), the small search submitted through
 * {@code ./submit.sh --master yarn} in client mode with HADOOP_CONF_DIR naming the cluster's
 * yarn-site.xml, and its populations and winner identical to the same config in local mode. The
 * containers run Spark from the build's jars ({@code spark.yarn.jars=local:...}, no upload) and
 * write the run's Parquet to a local folder, shared because the node manager is this machine.
 */
class YarnClusterTest {
  @TempDir Path dir;

  @Test
  void searchOnYarnEqualsLocalMode() throws Exception {
    ClusterRuns.requireBuild();
    Path output = dir.resolve("runs");
    YarnConfiguration conf = new YarnConfiguration();
    conf.set(YarnConfiguration.RM_SCHEDULER,
        "org.apache.hadoop.yarn.server.resourcemanager.scheduler.fifo.FifoScheduler");
    conf.setInt(YarnConfiguration.RM_SCHEDULER_MINIMUM_ALLOCATION_MB, 256);
    conf.setInt(YarnConfiguration.NM_PMEM_MB, 4096);
    conf.setInt(YarnConfiguration.NM_VCORES, 4);
    conf.setBoolean(YarnConfiguration.NM_PMEM_CHECK_ENABLED, false);
    conf.setBoolean(YarnConfiguration.NM_VMEM_CHECK_ENABLED, false);
    // A full shared disk would otherwise mark the node unhealthy and leave the job waiting.
    conf.setFloat(YarnConfiguration.NM_MAX_PER_DISK_UTILIZATION_PERCENTAGE, 100f);

    // The cluster's work folder (container logs, local dirs) goes under test.build.data.
    String buildData = System.getProperty("test.build.data");
    System.setProperty("test.build.data", dir.resolve("yarn").toString());
    MiniYARNCluster yarn;
    try {
      yarn = new MiniYARNCluster("YarnClusterTest", 1, 1, 1);
    } finally {
      if (buildData == null) {
        System.clearProperty("test.build.data");
      } else {
        System.setProperty("test.build.data", buildData);
      }
    }
    Path log = dir.resolve("submit.log");
    try {
      yarn.init(conf);
      yarn.start();
      assertTrue(yarn.waitForNodeManagersToConnect(120_000), "the node manager did not register");
      Path hadoopConf = Files.createDirectories(dir.resolve("hadoop-conf"));
      try (OutputStream out = Files.newOutputStream(hadoopConf.resolve("yarn-site.xml"))) {
        yarn.getConfig().writeXml(out);
      }

      String javaHome = System.getProperty("java.home");
      List<String> args = new ArrayList<>(List.of("--master", "yarn", "--deploy-mode", "client",
          "--conf", "spark.driver.host=127.0.0.1", "--conf", "spark.ui.enabled=false",
          "--conf", "spark.yarn.jars=local:" + ClusterRuns.SPARK_JARS + "/*",
          "--conf", "spark.yarn.stagingDir=" + dir.resolve("staging").toUri(),
          "--conf", "spark.yarn.am.memory=512m",
          // Containers start $JAVA_HOME/bin/java; a bare CI machine may have no JAVA_HOME at all.
          "--conf", "spark.yarn.appMasterEnv.JAVA_HOME=" + javaHome,
          "--conf", "spark.executorEnv.JAVA_HOME=" + javaHome,
          "--num-executors", "2", "--executor-cores", "1", "--executor-memory", "512m",
          "--driver-memory", "1g"));
      args.addAll(ClusterRuns.jobArgs(dir, output, "yarn"));
      long start = System.nanoTime();
      int status = ClusterRuns.submit(args, Map.of("HADOOP_CONF_DIR", hadoopConf.toString(),
          "SPARK_LOCAL_IP", "127.0.0.1"), log, Duration.ofMinutes(10));
      assertEquals(0, status, () -> failure(log, yarn));
      System.out.printf("YarnClusterTest: the job took %.1f s on YARN%n", (System.nanoTime() - start) / 1e9);
      assertTrue(Files.readString(log).contains("Winner"), ClusterRuns.tail(log));
      // The work ran in YARN containers: the application master's and two executors'.
      assertTrue(containers(yarn).size() >= 3, "containers: " + containers(yarn));
    } finally {
      yarn.stop();
    }

    SparkSession spark = ClusterRuns.localSession();
    try {
      ClusterRuns.runLocally(spark, dir, output, "local");
      ClusterRuns.assertSameRun(spark, output.resolve("local"), output.resolve("yarn"));
    } finally {
      spark.stop();
    }
  }

  /**
   * The container log folders of the node manager (one per container that ran). The node manager
   * deletes its private container folders as containers end, so folders that vanish during the
   * walk are skipped.
   */
  private static List<Path> containers(MiniYARNCluster yarn) throws IOException {
    List<Path> containers = new ArrayList<>();
    Files.walkFileTree(yarn.getTestWorkDir().toPath(), new SimpleFileVisitor<>() {
      @Override
      public FileVisitResult preVisitDirectory(Path folder, BasicFileAttributes attributes) {
        if (folder.getFileName().toString().startsWith("container_") && Files.isRegularFile(folder.resolve("stderr"))) {
          containers.add(folder);
        }
        return FileVisitResult.CONTINUE;
      }

      @Override
      public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
        return skipVanished(e);
      }

      @Override
      public FileVisitResult postVisitDirectory(Path folder, IOException e) throws IOException {
        return e == null ? FileVisitResult.CONTINUE : skipVanished(e);
      }
    });
    return containers;
  }

  private static FileVisitResult skipVanished(IOException e) throws IOException {
    if (e instanceof NoSuchFileException) {
      return FileVisitResult.CONTINUE;
    }
    throw e;
  }

  /** The job's log and the containers' logs, for a failed job (built only then). */
  private static String failure(Path log, MiniYARNCluster yarn) {
    StringBuilder text = new StringBuilder();
    try {
      text.append(ClusterRuns.tail(log));
      for (Path container : containers(yarn)) {
        text.append("\n--- ").append(container).append('\n').append(ClusterRuns.tail(container.resolve("stderr")));
      }
    } catch (IOException e) {
      text.append("\n(cannot read the logs: ").append(e).append(')');
    }
    return text.toString();
  }
}
