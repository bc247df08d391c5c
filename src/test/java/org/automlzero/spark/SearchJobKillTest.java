package org.automlzero.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A job killed with SIGKILL and run again ends exactly as an uninterrupted one (issue 5). The job runs
 * as a process of its own (java with the test classpath and the JVM flags Surefire uses, local[2]),
 * on the small config (3 islands, 3 epochs), and is killed at an exact point that a test-only setting
 * holds it at: in the middle of epoch 1 (one of its evolution tasks hangs after evolving its islands,
 * epoch 0 committed), or between epoch 1's Parquet writes and its commit marker. Rerun with the same
 * command, it resumes after epoch 0, redoes epoch 1 and finishes; every population, progress and
 * result row then equals those of an uninterrupted run made in this JVM. The half-written epoch is
 * cut to half its bytes before the rerun: had anything read it, the rerun would fail.
 */
class SearchJobKillTest {
  /** Generous: the two cores may be shared with other builds. */
  private static final long TIMEOUT_SECONDS = 300;

  @TempDir static Path dir;
  private static SparkSession spark;
  private static List<List<String>> uninterrupted;

  @BeforeAll
  static void runUninterrupted() throws IOException {
    spark = SparkSession.builder().master("local[2]").appName("SearchJobKillTest")
        .config("spark.ui.enabled", "false").config("spark.driver.host", "127.0.0.1").getOrCreate();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int status = SearchJob.run(args("uninterrupted").toArray(String[]::new),
        new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8), spark);
    assertEquals(0, status, "stderr: " + err);
    uninterrupted = StoredRun.of(spark, run("uninterrupted"));
  }

  @AfterAll
  static void stopSpark() {
    if (spark != null) {
      spark.stop();
    }
  }

  private static List<String> args(String name, String... overrides) throws IOException {
    Path config = TestConfigs.write(dir, "small.conf", TestConfigs.SMALL);
    List<String> args = new ArrayList<>(List.of(config.toString(), "run.output=\"" + dir.resolve("runs") + "\"",
        "run.name=" + name));
    args.addAll(List.of(overrides));
    return args;
  }

  private static Path run(String name) {
    return dir.resolve("runs").resolve(name);
  }

  /** The flags Surefire starts this JVM with (pom.xml's spark.jvm.flags), else this JVM's own. */
  private static List<String> jvmFlags() {
    String flags = System.getProperty("automlzero.spark.jvm.flags");
    if (flags != null && !flags.isBlank()) {
      return Arrays.asList(flags.trim().split("\\s+"));
    }
    return ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
        .filter(flag -> flag.startsWith("--add-opens") || flag.startsWith("-XX:+Ignore") || flag.startsWith("-Dio.netty")
            || flag.startsWith("-Djdk.reflect"))
        .toList();
  }

  /** The job as a process of its own: SearchJob's main on local[2], stdout and stderr to files. */
  private static final class Job {
    final Process process;
    final Path out;
    final Path err;

    Job(String name, String attempt, String... overrides) throws IOException {
      Path logs = Files.createDirectories(dir.resolve("logs"));
      Path local = Files.createDirectories(dir.resolve("spark-local"));
      out = logs.resolve(name + "-" + attempt + ".out");
      err = logs.resolve(name + "-" + attempt + ".err");
      List<String> command = new ArrayList<>();
      command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
      command.addAll(jvmFlags());
      command.addAll(List.of("-Xmx1g", "-Dspark.master=local[2]", "-Dspark.ui.enabled=false",
          "-Dspark.driver.host=127.0.0.1", "-Dspark.local.dir=" + local, "-Djava.io.tmpdir=" + local,
          "-cp", System.getProperty("java.class.path"), SearchJob.class.getName()));
      command.addAll(args(name, overrides));
      ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
      builder.environment().put("SPARK_LOCAL_IP", "127.0.0.1");
      process = builder.start();
    }

    String out() {
      return read(out);
    }

    String err() {
      return read(err);
    }

    private static String read(Path file) {
      try {
        return Files.readString(file, StandardCharsets.UTF_8);
      } catch (IOException e) {
        return "(cannot read " + file + ": " + e + ")";
      }
    }

    /** Waits until {@code condition} holds; fails if the process ends first or it takes too long. */
    void awaitWhileRunning(String what, BooleanSupplier condition) throws InterruptedException {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(TIMEOUT_SECONDS);
      while (!condition.getAsBoolean()) {
        if (!process.isAlive()) {
          fail("the job ended (status " + process.exitValue() + ") before " + what + "; stderr:\n" + err());
        }
        if (System.nanoTime() > deadline) {
          fail("no " + what + " after " + TIMEOUT_SECONDS + " s; stderr:\n" + err());
        }
        Thread.sleep(100);
      }
    }

    /** SIGKILL (Process.destroyForcibly on Linux); the status is then 128 + 9. */
    void kill() throws InterruptedException {
      process.destroyForcibly();
      assertTrue(process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS), "the killed job is gone");
      assertEquals(137, process.exitValue(), "ended by SIGKILL");
    }

    /** Waits for the end; the job must succeed. */
    String finish() throws InterruptedException {
      assertTrue(process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS), "the job ends in time; stderr:\n" + err());
      assertEquals(0, process.exitValue(), "stderr:\n" + err());
      return out();
    }

    /** Kills the process if it still runs (the tests' finally). */
    void stop() throws InterruptedException {
      if (process.isAlive()) {
        process.destroyForcibly();
        process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS);
      }
    }
  }

  private static boolean exists(Path run, String relative) {
    return Files.exists(run.resolve(relative));
  }

  /** Reruns {@code name} to the end and checks that it resumed after epoch 0, redid epoch 1, and matches. */
  private static void rerunAndCompare(String name) throws Exception {
    Job rerun = new Job(name, "rerun");
    try {
      String out = rerun.finish();
      assertTrue(out.contains("resuming") && out.contains("after its last committed epoch 0"), out);
      assertFalse(out.contains("epoch=0,"), "the committed epoch 0 is not redone: " + out);
      assertTrue(out.contains("epoch=1,") && out.contains("epoch=2,"), out);
    } finally {
      rerun.stop();
    }
    assertEquals(uninterrupted, StoredRun.of(spark, run(name)), "killed and rerun vs uninterrupted");
  }

  @Test
  void killedInTheMiddleOfAnEpochAndRerunEndsAsAnUninterruptedRun() throws Exception {
    String name = "killed-mid-epoch";
    Path run = run(name);
    Job job = new Job(name, "first", "testing.stall_in_epoch=1");
    try {
      job.awaitWhileRunning("epoch 1's hanging task and epoch 0's commit", () ->
          job.err().contains("stalling on purpose (testing.stall_in_epoch: epoch 1") && exists(run, "_committed/epoch=0"));
      assertTrue(job.out().contains("epoch=0,"));
      job.kill();
    } finally {
      job.stop();
    }
    assertFalse(exists(run, "_committed/epoch=1"), "epoch 1 was not finished when killed");
    rerunAndCompare(name);
  }

  @Test
  void killedBetweenParquetWriteAndCommitMarkerAndRerunEndsAsAnUninterruptedRun() throws Exception {
    String name = "killed-before-commit";
    Path run = run(name);
    Job job = new Job(name, "first", "testing.stall_before_commit=1");
    try {
      job.awaitWhileRunning("epoch 1's writes", () -> job.err().contains("stalling on purpose (testing.stall_before_commit: epoch 1)"));
      job.kill();
    } finally {
      job.stop();
    }
    assertTrue(exists(run, "_committed/epoch=0"));
    assertFalse(exists(run, "_committed/epoch=1"), "epoch 1 has no commit marker");
    assertTrue(exists(run, "population/epoch=1/_SUCCESS") && exists(run, "progress/epoch=1/_SUCCESS"),
        "epoch 1's Parquet was written");

    // Cut every file of the uncommitted epoch to half its bytes: a half-written epoch.
    List<Path> halfWritten = new ArrayList<>();
    for (String folder : List.of("population/epoch=1", "progress/epoch=1")) {
      try (Stream<Path> files = Files.list(run.resolve(folder))) {
        for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".parquet")).toList()) {
          byte[] bytes = Files.readAllBytes(file);
          Files.write(file, Arrays.copyOf(bytes, bytes.length / 2));
          halfWritten.add(file);
        }
      }
    }
    assertFalse(halfWritten.isEmpty());

    rerunAndCompare(name);
    for (Path file : halfWritten) {
      assertFalse(Files.exists(file), "the half-written " + file + " was deleted and epoch 1 written anew");
    }
  }
}
