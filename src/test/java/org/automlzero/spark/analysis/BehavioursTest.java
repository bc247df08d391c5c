package org.automlzero.spark.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import com.typesafe.config.ConfigFactory;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.automlzero.config.ExperimentConfig;
import org.automlzero.evaluate.BehaviourHash;
import org.automlzero.program.ProgramText;
import org.automlzero.search.ExperimentSpec;
import org.automlzero.spark.TestConfigs;
import org.automlzero.task.TaskGenerator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The FEC hashes of the members of two runs the job writes (seeds 1 and 2). */
class BehavioursTest {
  static SparkSession spark;

  @BeforeAll
  static void register() throws Exception {
    spark = SmallRuns.session("BehavioursTest");
    List<RunFolders.Run> runs = RunViews.register(spark, SmallRuns.shared(spark).toString());
    Behaviours.register(spark, runs);
  }

  @AfterAll
  static void stop() {
    spark.stop();
  }

  @Test
  void everyMemberHasExactlyOneHash() {
    long members = SmallRuns.count(spark, "SELECT count(*) FROM population");
    assertEquals(360, members);
    assertEquals(members, SmallRuns.count(spark, "SELECT count(*) FROM behaviours"));
    assertEquals(members, SmallRuns.count(spark, "SELECT count(*) FROM population p JOIN behaviours b"
        + " ON p.run = b.run AND p.epoch = b.epoch AND p.island = b.island AND p.id = b.id"));
  }

  @Test
  void theHashIsTheOneTheSearchsCacheComputesFromTheRunsConfig() {
    Row member = spark.sql("SELECT p.program, b.fec_hash FROM population p JOIN behaviours b"
        + " ON p.run = b.run AND p.epoch = b.epoch AND p.island = b.island AND p.id = b.id"
        + " WHERE p.run = 'b' ORDER BY p.epoch DESC, p.island, p.slot LIMIT 1").first();
    // Run b is TestConfigs.SMALL with seed 2 (SmallRuns), its tasks generated here without Spark.
    ExperimentSpec spec = ExperimentConfig.read(
        ExperimentConfig.resolve(ConfigFactory.parseString(TestConfigs.SMALL + "seed = 2\n")), Path.of(""));
    BehaviourHash hash = new BehaviourHash(new TaskGenerator().generate(spec.searchTasks()), spec.space(),
        spec.fec(), spec.maxAbsError());
    assertEquals(hash.of(ProgramText.parse(member.getString(0), spec.space())), member.getLong(1));
  }

  @Test
  void behavioursAreFewerThanProgramsAndSameProgramsShareOne() {
    List<Row> perEpoch = spark.sql("""
        SELECT p.run, p.epoch, count(DISTINCT p.program) AS programs, count(DISTINCT b.fec_hash) AS behaviours,
               count(DISTINCT p.program, b.fec_hash) AS pairs
        FROM population p JOIN behaviours b
          ON p.run = b.run AND p.epoch = b.epoch AND p.island = b.island AND p.id = b.id
        GROUP BY p.run, p.epoch""").collectAsList();
    assertEquals(6, perEpoch.size());
    boolean fewer = false;
    for (Row row : perEpoch) {
      long programs = row.getLong(2);
      long behaviours = row.getLong(3);
      assertEquals(programs, row.getLong(4), "one program, one hash: " + row);
      assertTrue(behaviours <= programs && behaviours > 1, row.toString());
      fewer |= behaviours < programs;
    }
    assertTrue(fewer, "programs that differ only in code without effect share a behaviour: " + perEpoch);
  }
}
