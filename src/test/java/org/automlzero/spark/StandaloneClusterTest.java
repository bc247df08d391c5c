package org.automlzero.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real Spark standalone cluster on 127.0.0.1: a master and two one-core workers, each a separate
 * JVM from the build's Spark jars, the small search submitted through {@code ./submit.sh --master
 * spark://...} (client mode), and its populations and winner identical to the same config in local
 * mode. The executors write the run's Parquet to a local folder, which is shared here because all
 * of them run on this machine.
 */
class StandaloneClusterTest {
  @TempDir Path dir;

  @Test
  void searchOnStandaloneClusterEqualsLocalMode() throws Exception {
    ClusterRuns.requireBuild();
    // Workers start executors from $SPARK_HOME/jars; SPARK_SCALA_VERSION spares them looking for a
    // Spark build tree.
    Path sparkHome = Files.createDirectories(dir.resolve("spark-home"));
    Files.createSymbolicLink(sparkHome.resolve("jars"), ClusterRuns.SPARK_JARS);
    Map<String, String> env = Map.of("SPARK_HOME", sparkHome.toString(), "SPARK_SCALA_VERSION", "2.13",
        "SPARK_LOCAL_IP", "127.0.0.1");
    int port = ClusterRuns.freePort();
    String master = "spark://127.0.0.1:" + port;
    Path output = dir.resolve("runs");

    Process masterProcess = null;
    List<Process> workers = new ArrayList<>();
    try {
      Path masterLog = dir.resolve("master.log");
      masterProcess = ClusterRuns.start(daemon("org.apache.spark.deploy.master.Master",
          "--host", "127.0.0.1", "--port", Integer.toString(port), "--webui-port", "0"), env, masterLog);
      ClusterRuns.awaitLines(masterLog, "I have been elected leader", 1, masterProcess, Duration.ofMinutes(3));
      for (int i = 0; i < 2; i++) {
        Path work = Files.createDirectories(dir.resolve("worker" + i));
        workers.add(ClusterRuns.start(daemon("org.apache.spark.deploy.worker.Worker", "--host", "127.0.0.1",
            "--cores", "1", "--memory", "1g", "--work-dir", work.toString(), "--webui-port", "0", master),
            env, dir.resolve("worker" + i + ".log")));
      }
      for (int i = 0; i < 2; i++) {
        ClusterRuns.awaitLines(dir.resolve("worker" + i + ".log"), "Successfully registered with master", 1,
            workers.get(i), Duration.ofMinutes(3));
      }

      List<String> args = new ArrayList<>(List.of("--master", master, "--conf", "spark.driver.host=127.0.0.1",
          "--conf", "spark.ui.enabled=false", "--executor-memory", "512m", "--driver-memory", "1g"));
      args.addAll(ClusterRuns.jobArgs(dir, output, "standalone"));
      Path log = dir.resolve("submit.log");
      long start = System.nanoTime();
      int status = ClusterRuns.submit(args, Map.of("SPARK_LOCAL_IP", "127.0.0.1"), log, Duration.ofMinutes(10));
      assertEquals(0, status, ClusterRuns.tail(log));
      System.out.printf("StandaloneClusterTest: the job took %.1f s on the cluster%n", (System.nanoTime() - start) / 1e9);
      assertTrue(Files.readString(log).contains("Winner"), ClusterRuns.tail(log));
      // The work ran on the cluster: each worker launched an executor of the application.
      for (int i = 0; i < 2; i++) {
        try (Stream<Path> apps = Files.list(dir.resolve("worker" + i))) {
          assertTrue(apps.anyMatch(app -> app.getFileName().toString().startsWith("app-")),
              "worker " + i + " ran no executor:\n" + ClusterRuns.tail(dir.resolve("worker" + i + ".log")));
        }
      }
    } finally {
      workers.forEach(ClusterRuns::stop);
      ClusterRuns.stop(masterProcess);
    }

    SparkSession spark = ClusterRuns.localSession();
    try {
      ClusterRuns.runLocally(spark, dir, output, "local");
      ClusterRuns.assertSameRun(spark, output.resolve("local"), output.resolve("standalone"));
    } finally {
      spark.stop();
    }
  }

  private static List<String> daemon(String mainClass, String... args) {
    List<String> command = new ArrayList<>(List.of(ClusterRuns.java(), "-Xmx512m"));
    command.addAll(ClusterRuns.sparkJvmFlags());
    command.addAll(List.of("-cp", ClusterRuns.SPARK_JARS + "/*", mainClass));
    command.addAll(List.of(args));
    return command;
  }
}
