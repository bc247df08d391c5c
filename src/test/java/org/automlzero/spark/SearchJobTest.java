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
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.automlzero.program.Algorithm;
import org.automlzero.program.ProgramText;
import org.automlzero.search.Individual;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The job end to end in local mode on a small config (3 islands, population 20, 3 epochs of 70
 * individuals per island, migration after every epoch): the stored Parquet read back with Spark
 * SQL, identical results for local[1] with 1 partition and local[2] with 4 partitions (and with 3
 * partitions, the default, in the resumed run), the same again when every epoch starts from the
 * stored rows instead of the cached results, and an exact resume. One method, since the determinism check needs two sessions one after the other.
 */
class SearchJobTest {
  @TempDir Path dir;

  private static SparkSession session(String master) {
    return SparkSession.builder().master(master).appName("SearchJobTest")
        .config("spark.ui.enabled", "false").config("spark.sql.shuffle.partitions", "4")
        .config("spark.driver.host", "127.0.0.1").getOrCreate();
  }

  private String run(SparkSession spark, String name, String... overrides) throws Exception {
    Path config = TestConfigs.write(dir, "small.conf", TestConfigs.SMALL);
    List<String> args = new ArrayList<>(List.of(config.toString(), "run.output=\"" + dir.resolve("runs") + "\"",
        "run.name=" + name));
    args.addAll(List.of(overrides));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int status = SearchJob.run(args.toArray(String[]::new), new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8), spark);
    assertEquals(0, status, "stderr: " + err);
    return out.toString(StandardCharsets.UTF_8);
  }

  /** The job's steps as {@link SearchJob#run} takes them, with a lineage of one epoch. */
  private void runFromStoredRows(SparkSession spark, String name) throws Exception {
    Path file = TestConfigs.write(dir, "small.conf", TestConfigs.SMALL);
    com.typesafe.config.Config config = org.automlzero.config.ExperimentConfig.load(file,
        List.of("run.output=\"" + dir.resolve("runs") + "\"", "run.name=" + name));
    JobPlan plan = SearchJob.plan(config, file);
    RunStore store = new RunStore(plan.settings().output(), plan.settings().runName(),
        spark.sparkContext().hadoopConfiguration());
    SearchJob.prepare(store, config.root().render(), true);
    IslandSearch.Outcome outcome = new IslandSearch(spark, plan, store, line -> { }, 1).run();
    new FinalStages(spark, plan, store).run(outcome);
  }

  private String runDir(String name) {
    return dir.resolve("runs").resolve(name).toString();
  }

  /** Every population row of a run, as comparable text, in (epoch, island, slot) order. */
  static List<String> populations(SparkSession spark, String run) {
    List<String> rows = new ArrayList<>();
    for (Row row : spark.read().parquet(run + "/population")
        .selectExpr("epoch", "island", "slot", "id", "parent_id", "fitness", "task_fitness", "program")
        .orderBy("epoch", "island", "slot").collectAsList()) {
      rows.add(row.toString());
    }
    return rows;
  }

  static List<String> results(SparkSession spark, String run) {
    List<String> rows = new ArrayList<>();
    for (Row row : spark.read().parquet(run + "/results").orderBy("kind", "name").collectAsList()) {
      rows.add(row.toString());
    }
    return rows;
  }

  @Test
  void searchRunsEndToEndDeterministicallyAndResumesExactly() throws Exception {
    SparkSession one = session("local[1]");
    List<String> populationOne;
    List<String> resultsOne;
    try {
      String output = run(one, "one", "islands.partitions=1");
      assertTrue(output.contains("epoch=2,"), output);
      assertTrue(output.contains("Final evaluation fitness (on unseen data)"), output);
      populationOne = populations(one, runDir("one"));
      resultsOne = results(one, runDir("one"));
    } finally {
      one.stop();
    }

    SparkSession spark = session("local[2]");
    try {
      run(spark, "p4", "islands.partitions=4");
      assertEquals(populationOne, populations(spark, runDir("p4")), "local[1], 1 partition vs local[2], 4");
      assertEquals(resultsOne, results(spark, runDir("p4")));

      checkStoredRun(spark, runDir("p4"));

      // Every epoch after the first started from the previous epoch's stored rows instead of its
      // cached results (what a run does every IslandSearch.LINEAGE_EPOCHS epochs): the same run.
      runFromStoredRows(spark, "stored");
      assertEquals(populationOne, populations(spark, runDir("stored")), "evolving cached vs stored islands");
      assertEquals(resultsOne, results(spark, runDir("stored")));

      // Exact resume: stop after 2 epochs, leave a half-written epoch 2 behind, continue to 3.
      run(spark, "resumed", "stop.max_epochs=2");
      Path junk = Path.of(runDir("resumed"), "population", "epoch=2");
      Files.createDirectories(junk);
      Files.writeString(junk.resolve("part-garbage.parquet"), "not parquet");
      String resumed = run(spark, "resumed");
      assertTrue(resumed.contains("resuming"), resumed);
      assertFalse(resumed.contains("epoch=1,"), "committed epochs are not rerun: " + resumed);
      assertEquals(populationOne, populations(spark, runDir("resumed")));
      assertEquals(resultsOne, results(spark, runDir("resumed")));

      // Another configuration against an existing run is refused (status 2), start_over replaces it.
      Path config = TestConfigs.write(dir, "small.conf", TestConfigs.SMALL);
      ByteArrayOutputStream err = new ByteArrayOutputStream();
      int status = SearchJob.run(new String[] {config.toString(), "run.output=\"" + dir.resolve("runs") + "\"",
          "run.name=resumed", "seed=8"}, System.out, new PrintStream(err, true, StandardCharsets.UTF_8), spark);
      assertEquals(2, status);
      assertTrue(err.toString(StandardCharsets.UTF_8).contains("seed was 7, is now 8"), err.toString());
    } finally {
      spark.stop();
    }
  }

  private void checkStoredRun(SparkSession spark, String run) throws Exception {
    // The documented schema.
    Dataset<Row> population = spark.read().parquet(run + "/population");
    for (String column : List.of("epoch", "island", "slot", "age_rank", "id", "parent_id", "born", "born_epoch",
        "fitness", "task_fitness", "mutation", "setup", "predict", "learn", "program")) {
      assertTrue(List.of(population.columns()).contains(column), "population column " + column);
    }
    assertEquals("array<struct<op:string,in1:int,in2:int,out:int,activation:double,data0:float,data1:float,"
        + "data2:float>>", population.schema().apply("learn").dataType().simpleString());
    assertEquals(3L * 3 * 20, population.count());
    Dataset<Row> progress = spark.read().parquet(run + "/progress");
    assertEquals(9, progress.count());
    for (int epoch = 0; epoch < 3; epoch++) {
      assertTrue(Files.exists(Path.of(run, "_committed", "epoch=" + epoch)));
    }
    assertTrue(Files.exists(Path.of(run, "run.conf")));
    assertTrue(Files.readString(Path.of(run, FinalStages.SUMMARY)).contains("Winner"));
    assertEquals(List.of("baseline", "baseline", "candidate", "candidate", "winner"),
        spark.read().parquet(run + "/results").orderBy("kind").selectExpr("kind").as(
            org.apache.spark.sql.Encoders.STRING()).collectAsList());

    // The run's best-ever fitness never decreases from epoch to epoch.
    population.createOrReplaceTempView("population");
    progress.createOrReplaceTempView("progress");
    double previous = -1;
    for (Row row : spark.sql("SELECT epoch, max(best_ever_fitness) AS best FROM progress GROUP BY epoch ORDER BY epoch")
        .collectAsList()) {
      assertTrue(row.getDouble(1) >= previous, "best-ever fitness decreased at epoch " + row.getInt(0));
      previous = row.getDouble(1);
    }
    // Each island's best member is at most the run's best-ever (best-ever counts every individual).
    assertEquals(0L, spark.sql("SELECT p.epoch FROM population p JOIN (SELECT epoch, max(best_ever_fitness) AS b"
        + " FROM progress GROUP BY epoch) q ON p.epoch = q.epoch WHERE p.fitness > q.b").count());

    // Every stored program text parses back to the stored instructions.
    List<Row> rows = population.orderBy("epoch", "island", "slot").collectAsList();
    for (Row row : rows) {
      Algorithm stored = PopulationCodec.algorithm(row);
      assertEquals(stored, ProgramText.parse(row.getString(row.fieldIndex("program"))));
    }

    // Lineage: only epoch snapshots are stored, so a parent can be checked as follows. A parent born
    // before the child's epoch was alive at its start, hence in the previous epoch's snapshot (of
    // some island: migrants keep their ids). A parent born in the child's epoch on the child's
    // island has a smaller individual number, at least the island's count at the previous epoch's end.
    Map<Integer, Set<Long>> idsByEpoch = new TreeMap<>();
    for (Row row : rows) {
      idsByEpoch.computeIfAbsent(row.getInt(row.fieldIndex("epoch")), e -> new HashSet<>())
          .add(row.getLong(row.fieldIndex("id")));
    }
    Map<String, Long> individualsAtEnd = new HashMap<>();
    for (Row row : progress.collectAsList()) {
      individualsAtEnd.put(row.getInt(row.fieldIndex("epoch")) + "/" + row.getInt(row.fieldIndex("island")),
          row.getLong(row.fieldIndex("individuals")));
    }
    int checked = 0;
    for (Row row : rows) {
      long parent = row.getLong(row.fieldIndex("parent_id"));
      String mutation = row.getString(row.fieldIndex("mutation"));
      if (parent == -1) {
        assertTrue(mutation.startsWith("INIT") || mutation.startsWith("RANDOM"), mutation);
        continue;
      }
      int bornEpoch = row.getInt(row.fieldIndex("born_epoch"));
      long id = row.getLong(row.fieldIndex("id"));
      int island = Individual.island(id);
      long before = bornEpoch == 0 ? 0 : individualsAtEnd.get((bornEpoch - 1) + "/" + island);
      long parentNumber = parent & ((1L << Individual.NUMBER_BITS) - 1);
      boolean sameEpochSameIsland = Individual.island(parent) == island && parentNumber >= before
          && parentNumber < row.getLong(row.fieldIndex("born"));
      boolean inPreviousSnapshot = bornEpoch > 0 && idsByEpoch.get(bornEpoch - 1).contains(parent);
      assertTrue(sameEpochSameIsland || inPreviousSnapshot, "parent " + parent + " of " + id);
      checked++;
    }
    assertTrue(checked > 0);
  }
}
