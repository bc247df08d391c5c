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
    return spark.sql(query).first().getLong(0);
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
}
