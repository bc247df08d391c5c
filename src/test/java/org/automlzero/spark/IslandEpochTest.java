package org.automlzero.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.typesafe.config.Config;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.automlzero.config.ExperimentConfig;
import org.automlzero.evaluate.Evaluator;
import org.automlzero.random.Rng;
import org.automlzero.search.ExperimentSpec;
import org.automlzero.search.Individual;
import org.automlzero.search.PopulationState;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The per-task fitness an epoch records for its members and best individual is what evaluating
 * them again gives, whichever search method replaces the members (the recording keeps only the
 * evaluations that can still be members where children replace the oldest). No Spark session.
 */
class IslandEpochTest {
  @TempDir Path dir;

  @ParameterizedTest
  @ValueSource(strings = {"regularized_evolution", "non_aging_evolution", "random_search"})
  void recordsEachKeptIndividualsPerTaskFitness(String method) throws Exception {
    Path file = TestConfigs.write(dir, "small.conf", TestConfigs.SMALL);
    // No cache: a cache hit gives an equivalent program's fitness, which evaluating again need not.
    Config config = ExperimentConfig.load(file, List.of("search.method=" + method, "search.fec.enabled=false"));
    JobPlan plan = SearchJob.plan(config, file);
    ExperimentSpec spec = plan.spec();
    IslandEpoch.Result result = null;
    for (int epoch = 0; epoch < 3; epoch++) {
      IslandState start = PopulationCodec.decode(0, Streams.islandSeed(plan.seed(), 0), epoch,
          result == null ? null : result.progress(), result == null ? List.of() : result.population());
      result = IslandEpoch.run(plan, epoch, start, List.of());
    }
    PopulationState population = result.state().population();
    // 70 individuals per epoch and a population of 20: most of an epoch's births are gone at its end.
    assertEquals(20, population.members().size());
    List<Individual> kept = new ArrayList<>(population.members());
    kept.add(population.best());
    Evaluator evaluator = new Evaluator(plan.searchTasks(), spec.space(), spec.combination(), spec.maxAbsError(),
        new Rng(0), null, null);
    for (Individual individual : kept) {
      double[] recorded = result.state().taskFitnessOf(individual);
      assertEquals(plan.searchTasks().size(), recorded.length, "per-task fitness of " + individual.id());
      long number = individual.born();
      evaluator.evaluate(individual.algorithm(), population.evaluationSeed(number));
      assertArrayEquals(evaluator.lastPerTaskFitness(), recorded, "individual " + number);
    }
  }
}
