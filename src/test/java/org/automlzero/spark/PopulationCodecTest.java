package org.automlzero.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.Config;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;
import org.automlzero.config.ExperimentConfig;
import org.automlzero.evaluate.Evaluator;
import org.automlzero.program.ProgramText;
import org.automlzero.random.Rng;
import org.automlzero.search.ExperimentSpec;
import org.automlzero.search.Individual;
import org.automlzero.search.PopulationState;
import org.automlzero.search.RegularizedEvolution;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Population rows and progress rows rebuild the exact island state; migration rules. No Spark session. */
class PopulationCodecTest {
  @TempDir Path dir;
  private JobPlan plan;

  @BeforeEach
  void setUp() throws Exception {
    Path file = TestConfigs.write(dir, "small.conf", TestConfigs.SMALL);
    Config config = ExperimentConfig.load(file, List.of());
    plan = SearchJob.plan(config, file);
  }

  private IslandResult epoch(int island, int epoch, IslandResult previous, List<Row> migrants) {
    long seed = Streams.islandSeed(plan.seed(), island);
    IslandState start = PopulationCodec.decode(island, seed, epoch, previous == null ? null : previous.progress(),
        previous == null ? List.of() : previous.population());
    return IslandEpoch.run(plan, epoch, start, migrants);
  }

  @Test
  void resultsEstimateTheirSizeWithinAFactorOfTwoOfSparksWalk() {
    IslandResult result = epoch(0, 1, epoch(0, 0, null, List.of()), List.of());
    long walked = org.apache.spark.util.SizeEstimator.estimate(new Object[] {
        result.population(), result.progress(), result.best(), result.births()});
    assertEquals(70, result.births().size(), "every individual of the epoch");
    long estimated = result.estimatedSize();
    assertTrue(estimated > walked / 2 && estimated < walked * 2, "estimated " + estimated + ", walked " + walked);
  }

  @Test
  void rowsRebuildTheStateThatPlainEvolutionReaches() {
    IslandResult first = epoch(1, 0, null, List.of());
    IslandResult second = epoch(1, 1, first, List.of());
    IslandState decoded = PopulationCodec.decode(1, Streams.islandSeed(plan.seed(), 1), 1, second.progress(),
        second.population());

    ExperimentSpec spec = plan.spec();
    Evaluator evaluator = new Evaluator(plan.searchTasks(), spec.space(), spec.combination(), spec.maxAbsError(),
        new Rng(0), spec.fec().newCache(), null);
    RegularizedEvolution evolution = new RegularizedEvolution(spec.evolution(), spec.initial(), spec.mutator(),
        evaluator::evaluate);
    PopulationState expected = evolution.advance(
        PopulationState.start(1, Streams.islandSeed(plan.seed(), 1)), 70).withEpoch(1);
    expected = evolution.advance(expected, 70);
    assertEquals(expected, decoded.population());
    assertEquals(140, decoded.population().individuals());
    assertEquals(10, PopulationCodec.decode(1, Streams.islandSeed(plan.seed(), 1), 0, first.progress(),
        first.population()).population().sweepPosition(), "20 initial + 50 children stop mid-sweep");
  }

  @Test
  void aSerializedPlanRebuildsTheSameSearch() throws Exception {
    assertSameAfterSerialization(plan);
    Path program = TestConfigs.write(dir, "linear.txt", ProgramText.print(
        org.automlzero.program.HandWrittenAlgorithms.linearModel(0.01)));
    Path file = dir.resolve("small.conf");
    JobPlan given = SearchJob.plan(ExperimentConfig.load(file, List.of("search.initial_population=given_algorithm",
        "search.initial_program=\"" + program + "\"")), file);
    assertSameAfterSerialization(given);
  }

  private static void assertSameAfterSerialization(JobPlan plan) throws Exception {
    java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
    try (java.io.ObjectOutputStream out = new java.io.ObjectOutputStream(bytes)) {
      out.writeObject(plan);
    }
    JobPlan copy;
    try (java.io.ObjectInputStream in = new java.io.ObjectInputStream(
        new java.io.ByteArrayInputStream(bytes.toByteArray()))) {
      copy = (JobPlan) in.readObject();
    }
    long seed = Streams.islandSeed(plan.seed(), 0);
    IslandResult original = IslandEpoch.run(plan, 0, PopulationCodec.decode(0, seed, 0, null, List.of()), List.of());
    IslandResult rebuilt = IslandEpoch.run(copy, 0, PopulationCodec.decode(0, seed, 0, null, List.of()), List.of());
    assertEquals(original.population(), rebuilt.population());
  }

  @Test
  void everyRowCarriesItsProgramTextAndTaskFitness() {
    IslandResult result = epoch(0, 0, null, List.of());
    assertEquals(20, result.population().size());
    for (Row row : result.population()) {
      Individual member = PopulationCodec.individual(row);
      assertEquals(member.algorithm(), ProgramText.parse(row.getString(row.fieldIndex("program"))));
      double[] perTask = PopulationCodec.taskFitness(row);
      assertEquals(2, perTask.length);
      assertEquals(member.fitness(), (perTask[0] + perTask[1]) / 2, 1e-12);
    }
    Row best = result.best().get(0);
    for (Row row : result.population()) {
      assertTrue(row.getDouble(row.fieldIndex("fitness")) <= best.getDouble(best.fieldIndex("fitness")));
    }
  }

  @Test
  void ageRankCountsFromTheNextSlotToBeReplaced() {
    IslandResult first = epoch(2, 0, null, List.of());
    IslandResult second = epoch(2, 1, first, List.of());
    int sweep = second.progress().getInt(second.progress().fieldIndex("sweep_position"));
    for (Row row : second.population()) {
      int slot = row.getInt(row.fieldIndex("slot"));
      assertEquals(Math.floorMod(slot - sweep, 20), row.getInt(row.fieldIndex("age_rank")));
    }
  }

  @Test
  void migrantsReplaceTheOldestAndBecomeTheYoungest() {
    IslandResult a = epoch(0, 0, null, List.of());
    IslandResult b = epoch(1, 0, null, List.of());
    IslandResult b2 = epoch(1, 1, b, List.of());
    IslandState target = PopulationCodec.decode(1, Streams.islandSeed(plan.seed(), 1), 2, b2.progress(),
        b2.population());
    List<Row> migrants = a.best();
    IslandState arrived = Migration.apply(target, migrants, plan.spec().evolution().method(), 20);
    PopulationState before = target.population();
    PopulationState after = arrived.population();
    assertEquals(0, after.sweepPosition());
    assertEquals(before.individuals(), after.individuals());
    assertEquals(before.rngState(), after.rngState());
    List<Individual> expected = new ArrayList<>(before.oldestFirst().subList(migrants.size(), 20));
    for (Row row : migrants) {
      expected.add(PopulationCodec.individual(row));
    }
    assertEquals(expected, after.members());
    assertArrayEquals(PopulationCodec.taskFitness(migrants.get(0)),
        arrived.taskFitnessOf(PopulationCodec.individual(migrants.get(0))));
    // Arriving twice changes nothing: migrants already present are skipped.
    assertEquals(after, Migration.apply(arrived, migrants, plan.spec().evolution().method(), 20).population());
  }

  @Test
  void ringAndRandomTopologiesNeverSendToTheSource() {
    assertArrayEquals(new int[] {1, 2, 0}, Migration.targets(MigrationTopology.RING, 3, 7, 0));
    for (int epoch = 0; epoch < 20; epoch++) {
      int[] targets = Migration.targets(MigrationTopology.RANDOM, 5, 7, epoch);
      assertArrayEquals(targets, Migration.targets(MigrationTopology.RANDOM, 5, 7, epoch));
      for (int i = 0; i < 5; i++) {
        assertNotEquals(i, targets[i]);
      }
    }
  }
}
