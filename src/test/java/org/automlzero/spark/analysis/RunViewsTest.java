package org.automlzero.spark.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.automlzero.program.Op;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The views over two runs the job writes (seeds 1 and 2), read back through Spark SQL. */
class RunViewsTest {
  @TempDir static Path scratch;
  static Path output;
  static SparkSession spark;

  @BeforeAll
  static void writeRuns() throws Exception {
    spark = SmallRuns.session("RunViewsTest");
    output = SmallRuns.shared(spark);
  }

  @AfterAll
  static void stop() {
    spark.stop();
  }

  private static long count(String query) {
    return SmallRuns.count(spark, query);
  }

  @Test
  void folderOfRunsGivesEveryRowOfEachRunWithItsName() {
    List<RunFolders.Run> runs = RunViews.register(spark, output.toString());
    assertEquals(List.of("a", "b"), runs.stream().map(RunFolders.Run::name).toList());
    // 2 runs x 3 epochs (0..2) x 3 islands x 20 members; progress one row per island per epoch.
    assertEquals(360, count("SELECT count(*) FROM population"));
    assertEquals(180, count("SELECT count(*) FROM population WHERE run = 'a'"));
    assertEquals(18, count("SELECT count(*) FROM progress"));
    assertEquals(List.of("run", "epoch"), List.of(spark.table("population").columns()).subList(0, 2));
    assertEquals(1, count("SELECT count(*) FROM results WHERE run = 'b' AND kind = 'winner'"));
    assertEquals(2, count("SELECT count(DISTINCT run) FROM results"));
  }

  @Test
  void instructionsExplodeEveryComponentInOrder() {
    RunViews.register(spark, output.toString());
    long expected = count("SELECT sum(size(setup) + size(predict) + size(learn)) FROM population");
    assertTrue(expected > 360, "programs are not empty");
    assertEquals(expected, count("SELECT count(*) FROM instructions"));
    // Positions run 0..n-1 within each component of each stored individual.
    assertEquals(0, count("""
        SELECT count(*) FROM (
          SELECT run, epoch, island, slot, component, count(*) AS n, max(position) AS last, min(position) AS first
          FROM instructions GROUP BY run, epoch, island, slot, component)
        WHERE first <> 0 OR last <> n - 1"""));
    // The same instruction as the array element it came from.
    assertEquals(0, count("""
        SELECT count(*) FROM instructions i JOIN population p
          ON i.run = p.run AND i.epoch = p.epoch AND i.island = p.island AND i.slot = p.slot
        WHERE i.component = 'learn' AND p.learn[i.position].op <> i.op"""));
    Set<String> ops = new TreeSet<>();
    for (Row row : spark.sql("SELECT DISTINCT op FROM instructions").collectAsList()) {
      ops.add(row.getString(0));
    }
    Set<String> allowed = Set.of("scalar_const_set", "vector_inner_product", "scalar_diff", "scalar_product",
        "scalar_vector_product", "vector_sum", Op.NO_OP.name().toLowerCase(java.util.Locale.ROOT));
    assertTrue(allowed.containsAll(ops), "ops " + ops);
    assertEquals(Set.of("setup", "predict", "learn"),
        new TreeSet<>(spark.sql("SELECT DISTINCT component FROM instructions").as(
            org.apache.spark.sql.Encoders.STRING()).collectAsList()));
  }

  @Test
  void oneRunFolderIsOneRunAndUncommittedEpochsAreLeftOut() throws Exception {
    Path copy = scratch.resolve("copies").resolve("c");
    SmallRuns.copyTree(output.resolve("a"), copy);
    Files.delete(copy.resolve("_committed").resolve("epoch=2"));
    List<RunFolders.Run> runs = RunViews.register(spark, copy.toString());
    assertEquals(List.of("c"), runs.stream().map(RunFolders.Run::name).toList());
    assertEquals(1, spark.sql("SELECT max(epoch) FROM population").first().getInt(0));
    assertEquals(1, spark.sql("SELECT max(epoch) FROM progress").first().getInt(0));
    assertEquals(120, count("SELECT count(*) FROM population"));
  }

  @Test
  void aFolderWithoutRunsIsRefusedNamingIt() throws Exception {
    Path empty = Files.createDirectories(scratch.resolve("empty"));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> RunViews.register(spark, empty.toString()));
    assertTrue(e.getMessage().contains(empty.toString()), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> RunViews.register(spark, output.resolve("nope").toString()));
  }

  @Test
  void birthsHoldTheAncestryOfEveryStoredMemberAndLeaveOutLinesThatDiedOut() {
    RunViews.register(spark, output.toString());
    // 3 islands x 70 individuals per epoch x 3 epochs, per run: only those whose line survives its
    // epoch are kept; ids unique within a run.
    long births = count("SELECT count(*) FROM births WHERE run = 'a'");
    assertTrue(births > 0 && births < 630, births + " of 630 individuals");
    assertEquals(births, count("SELECT count(DISTINCT id) FROM births WHERE run = 'a'"));
    assertEquals(0, count("""
        SELECT count(*) FROM population p LEFT ANTI JOIN births b ON p.run = b.run AND p.id = b.id"""));
    // Every parent was born before its child (and is itself in births).
    assertEquals(0, count("""
        SELECT count(*) FROM births c LEFT ANTI JOIN births p ON c.run = p.run AND c.parent_id = p.id
        WHERE c.parent_id >= 0"""));
  }

  @Test
  void lineageGoesBackToAnInitialAlgorithmOneParentAtATime() {
    RunViews.register(spark, output.toString());
    Row winner = spark.sql("SELECT id, search_fitness FROM results WHERE run = 'b' AND kind = 'winner'").first();
    List<Row> chain = Lineage.of(spark, "b", winner.getLong(0)).collectAsList();
    assertTrue(chain.size() > 1, "the winner of 210 individuals per island is not an initial algorithm");
    Row first = chain.get(0);
    assertEquals(-1L, first.getLong(first.fieldIndex("parent_id")));
    assertTrue(first.getString(first.fieldIndex("mutation")).startsWith("INIT"), first.toString());
    assertTrue(first.getBoolean(first.fieldIndex("complete")));
    for (int i = 1; i < chain.size(); i++) {
      Row row = chain.get(i);
      assertEquals(chain.get(i - 1).getLong(1), row.getLong(row.fieldIndex("parent_id")));
      assertEquals(row.getDouble(row.fieldIndex("fitness")) - chain.get(i - 1).getDouble(5),
          row.getDouble(row.fieldIndex("gain")), 1e-12);
    }
    Row last = chain.get(chain.size() - 1);
    assertEquals(winner.getLong(0), last.getLong(last.fieldIndex("id")));
    assertEquals(winner.getDouble(1), last.getDouble(last.fieldIndex("fitness")));
  }

  @Test
  void finalTaskFitnessCombinesToEachFinalistsFinalFitness() {
    RunViews.register(spark, output.toString());
    List<Row> perTask = org.automlzero.spark.FinalTaskFitness.of(spark, output.resolve("a").toString())
        .groupBy("name").agg(org.apache.spark.sql.functions.avg("fitness"), org.apache.spark.sql.functions.count("task"))
        .collectAsList();
    assertEquals(3, perTask.size(), "the winner and two baselines");
    for (Row row : perTask) {
      double stored = spark.sql("SELECT final_fitness FROM results WHERE run = 'a' AND name = '"
          + row.getString(0) + "'").first().getDouble(0);
      assertEquals(2L, row.getLong(2), "two final tasks");
      assertEquals(stored, row.getDouble(1), 1e-12, row.getString(0));
    }
  }
}
