package org.automlzero.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Config errors of the Spark job end it before Spark starts, with status 2 and nothing written. */
class JobSettingsTest {
  @TempDir Path dir;

  private String runWith(String... overrides) throws Exception {
    Path config = TestConfigs.write(dir, "small.conf", TestConfigs.SMALL);
    List<String> args = new ArrayList<>(List.of(config.toString(), "run.output=\"" + dir.resolve("runs") + "\""));
    args.addAll(List.of(overrides));
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int status = SearchJob.run(args.toArray(String[]::new), new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8), null);
    assertEquals(2, status, "status; stderr: " + err);
    assertFalse(Files.exists(dir.resolve("runs")), "a bad config must write nothing");
    // A stopped session may stay registered as active (Spark 3.5 does not clear it on stop).
    scala.Option<SparkSession> active = SparkSession.getActiveSession();
    assertTrue(active.isEmpty() || active.get().sparkContext().isStopped(), "a bad config must not start Spark");
    return err.toString(StandardCharsets.UTF_8);
  }

  @Test
  void configWithoutStopLimitIsRefused() throws Exception {
    assertTrue(runWith("stop.max_epochs=0").contains("stop: max_epochs, max_individuals"));
  }

  @Test
  void zeroIslandsAreRefused() throws Exception {
    assertTrue(runWith("islands.count=0").contains("islands.count"));
  }

  @Test
  void unknownTopologyIsRefused() throws Exception {
    assertTrue(runWith("islands.migration.topology=star").contains("islands.migration.topology"));
  }

  @Test
  void unknownKeyIsRefused() throws Exception {
    assertTrue(runWith("islands.size=3").contains("islands.size"));
  }

  @Test
  void badRunNameIsRefused() throws Exception {
    assertTrue(runWith("run.name=\"a/b\"").contains("run.name"));
  }

  @Test
  void missingConfigFileIsRefused() {
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int status = SearchJob.run(new String[] {dir.resolve("nope.conf").toString()}, System.out,
        new PrintStream(err, true, StandardCharsets.UTF_8), null);
    assertEquals(2, status);
    assertTrue(err.toString(StandardCharsets.UTF_8).contains("nope.conf"));
  }

  @Test
  void testOnlyFaultsAreOffByDefaultAndIgnoredWhenResuming() throws Exception {
    Path file = TestConfigs.write(dir, "small.conf", TestConfigs.SMALL);
    JobSettings plain = JobSettings.read(org.automlzero.config.ExperimentConfig.load(file, List.of()), file);
    assertEquals(FaultInjection.NONE, plain.faults());
    JobSettings faulty = JobSettings.read(org.automlzero.config.ExperimentConfig.load(file,
        List.of("testing.fail_first_attempts=true", "testing.stall_before_commit=2")), file);
    assertEquals(new FaultInjection(true, -1, -1, 2), faulty.faults());
    assertTrue(faulty.faults().failsFirstAttempt(1, 3) && !faulty.faults().failsFirstAttempt(1, 2));
    assertEquals(null, SearchJob.difference("seed = 7\ntesting { stall_in_epoch = 1 }", "seed = 7"));
    assertTrue(runWith("testing.stall_in_epoch=-2").contains("testing.stall_in_epoch"));
  }

  @Test
  void stopReasonsAndFraction() {
    StopLimits limits = new StopLimits(10, 1000, 0, 0.99);
    assertEquals(null, limits.reason(3, 300, 5, 0.5));
    assertTrue(limits.reason(10, 300, 5, 0.5).contains("max_epochs"));
    assertTrue(limits.reason(3, 1000, 5, 0.5).contains("max_individuals"));
    assertTrue(limits.reason(3, 300, 5, 0.995).contains("sufficient_fitness"));
    assertEquals(0.5, limits.fractionDone(5, 100, 1), 1e-12);
  }
}
