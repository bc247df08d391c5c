package org.automlzero.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * What the real-cluster tests share: the small search they submit, the same search in local mode
 * as the reference, {@code ./submit.sh} and Spark's own daemons as child processes of the test, and
 * stopping a process with everything it started. The application jar and {@code target/spark-jars}
 * are made by the build before the tests run (see pom.xml), so submit.sh runs no Maven here.
 */
final class ClusterRuns {
  private ClusterRuns() {}

  /** The repository: Surefire runs the tests in the project's base directory. */
  static final Path ROOT = Path.of("").toAbsolutePath();
  /** This build's (Surefire says which: the default one or a profile's, such as spark-3.5). */
  static final Path SPARK_JARS = Path.of(System.getProperty("automlzero.spark.jars",
      ROOT.resolve("target/spark-jars").toString()));
  static final Path CLUSTER_JAR = Path.of(System.getProperty("automlzero.cluster.jar",
      ROOT.resolve("target/automl-zero-spark-0.1.0-SNAPSHOT-cluster.jar").toString()));
  /** submit.sh's SPARK_LINE for this build: 4 or 3.5. */
  static final String SPARK_LINE = System.getProperty("automlzero.spark.line", "4");

  /** Two islands, two epochs of 40 individuals each, migration in between: a few seconds of search. */
  static final List<String> OVERRIDES = List.of("islands.count=2", "islands.individuals_per_epoch=40",
      "stop.max_epochs=2");

  /** The config file and the key=value arguments of the small search, writing to {@code output/name}. */
  static List<String> jobArgs(Path dir, Path output, String name) throws IOException {
    List<String> args = new ArrayList<>();
    args.add(TestConfigs.write(dir, "small.conf", TestConfigs.SMALL).toString());
    args.addAll(OVERRIDES);
    args.add("run.output=\"" + output + "\"");
    args.add("run.name=" + name);
    return args;
  }

  /**
   * Checks that the build made what submit.sh would otherwise build with Maven: the jars of the
   * Spark this test runs on (the default build's, or the spark-3.5 profile's in its own folder).
   */
  static void requireBuild() {
    String version = org.apache.spark.package$.MODULE$.SPARK_VERSION();
    assertEquals(SPARK_LINE.equals("3.5"), version.startsWith("3.5."), "SPARK_LINE " + SPARK_LINE + " on Spark " + version);
    assertTrue(Files.isRegularFile(CLUSTER_JAR) && Files.isDirectory(SPARK_JARS),
        "run through Maven (mvn test): the build makes " + CLUSTER_JAR + " and " + SPARK_JARS
            + " before the tests");
  }

  /** The small search in local mode, in this JVM: the reference a cluster's run must equal. */
  static void runLocally(SparkSession spark, Path dir, Path output, String name) throws IOException {
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int status = SearchJob.run(jobArgs(dir, output, name).toArray(String[]::new),
        new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8), spark);
    assertEquals(0, status, err.toString(StandardCharsets.UTF_8));
  }

  static SparkSession localSession() {
    return SparkSession.builder().master("local[2]").appName("ClusterRuns")
        .config("spark.ui.enabled", "false").config("spark.driver.host", "127.0.0.1").getOrCreate();
  }

  /** Every population row of every epoch, as comparable text, in (epoch, island, slot) order. */
  static List<String> populations(SparkSession spark, Path run) {
    List<String> rows = new ArrayList<>();
    for (Row row : spark.read().parquet(run.resolve("population").toString())
        .selectExpr("epoch", "island", "slot", "id", "parent_id", "fitness", "task_fitness", "program")
        .orderBy("epoch", "island", "slot").collectAsList()) {
      rows.add(row.toString());
    }
    return rows;
  }

  /** The candidates, the winner and the baselines, every column. */
  static List<String> results(SparkSession spark, Path run) {
    List<String> rows = new ArrayList<>();
    for (Row row : spark.read().parquet(run.resolve("results").toString()).orderBy("kind", "name")
        .collectAsList()) {
      rows.add(row.toString());
    }
    return rows;
  }

  /** Compares a cluster's run with the local reference: populations, results, the printed winner. */
  static void assertSameRun(SparkSession spark, Path expected, Path actual) throws IOException {
    List<String> population = populations(spark, expected);
    assertEquals(2 * 2 * 20, population.size());
    assertEquals(population, populations(spark, actual));
    List<String> results = results(spark, expected);
    assertTrue(results.stream().anyMatch(row -> row.startsWith("[winner,")), results.toString());
    assertEquals(results, results(spark, actual));
    assertEquals(summary(expected), summary(actual));
  }

  /** The run's summary from the best fitness on: before it are the run's folder and its timing. */
  private static String summary(Path run) throws IOException {
    String text = Files.readString(run.resolve(FinalStages.SUMMARY));
    int start = text.indexOf("best search fitness ever");
    assertTrue(start > 0 && text.contains("Winner"), text);
    return text.substring(start);
  }

  /** A port that was free a moment ago on 127.0.0.1. */
  static int freePort() {
    try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The JVM flags Spark needs on Java 17, as this test JVM got them from Surefire's argLine. */
  static List<String> sparkJvmFlags() {
    List<String> flags = new ArrayList<>();
    for (String arg : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
      if (arg.startsWith("--add-opens") || arg.equals("-XX:+IgnoreUnrecognizedVMOptions")
          || arg.startsWith("-Djdk.reflect") || arg.startsWith("-Dio.netty")) {
        flags.add(arg);
      }
    }
    return flags;
  }

  static String java() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  /**
   * Starts a command with its stdout and stderr going to {@code log}, in this environment plus
   * {@code env}. A Spark or Hadoop installation of the machine is left out: the tests run the build's.
   */
  static Process start(List<String> command, Map<String, String> env, Path log) throws IOException {
    ProcessBuilder builder = new ProcessBuilder(command).directory(ROOT.toFile())
        .redirectErrorStream(true).redirectOutput(log.toFile());
    builder.environment().keySet().removeAll(List.of("SPARK_HOME", "SPARK_CONF_DIR", "HADOOP_CONF_DIR",
        "YARN_CONF_DIR"));
    builder.environment().put("SPARK_LINE", SPARK_LINE);
    builder.environment().putAll(env);
    return builder.start();
  }

  /** Runs {@code ./submit.sh args}; returns its exit status after at most {@code timeout}. */
  static int submit(List<String> args, Map<String, String> env, Path log, Duration timeout)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(ROOT.resolve("submit.sh").toString());
    command.addAll(args);
    Process process = start(command, env, log);
    try {
      if (!process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
        fail("submit.sh did not end within " + timeout + "; its output:\n" + tail(log));
      }
      return process.exitValue();
    } finally {
      stop(process);
    }
  }

  /** Waits until {@code log} holds {@code count} lines containing {@code text}. */
  static void awaitLines(Path log, String text, int count, Process process, Duration timeout)
      throws IOException, InterruptedException {
    long end = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < end) {
      if (Files.exists(log) && Files.readAllLines(log).stream().filter(line -> line.contains(text)).count() >= count) {
        return;
      }
      if (!process.isAlive()) {
        fail("process ended (status " + process.exitValue() + ") before logging '" + text + "':\n" + tail(log));
      }
      Thread.sleep(200);
    }
    fail("no '" + text + "' within " + timeout + " in " + log + ":\n" + tail(log));
  }

  static String tail(Path log) throws IOException {
    if (!Files.exists(log)) {
      return "(no output)";
    }
    List<String> lines = Files.readAllLines(log);
    return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
  }

  /**
   * Stops a process and everything it started (a worker's executors, say): SIGTERM to the whole
   * tree, the leaves first, and SIGKILL to whatever is still alive 10 seconds later. Null is ignored.
   */
  static void stop(Process process) {
    if (process == null) {
      return;
    }
    List<ProcessHandle> tree = new ArrayList<>(process.descendants().toList());
    java.util.Collections.reverse(tree);
    tree.add(process.toHandle());
    tree.forEach(ProcessHandle::destroy);
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    for (ProcessHandle handle : tree) {
      try {
        handle.onExit().get(Math.max(0, end - System.nanoTime()), TimeUnit.NANOSECONDS);
      } catch (InterruptedException e) {
        handle.destroyForcibly();
        Thread.currentThread().interrupt();
      } catch (Exception e) {
        handle.destroyForcibly();
      }
    }
  }
}
