package org.automlzero.search;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.automlzero.evaluate.Evaluator;
import org.automlzero.evaluate.FecCache;
import org.automlzero.evaluate.FecSpec;
import org.automlzero.evaluate.FitnessCombination;
import org.automlzero.random.Rng;
import org.automlzero.task.Task;
import org.automlzero.task.TaskGenerator;
import org.automlzero.task.TaskSpec;
import org.junit.jupiter.api.Test;

/**
 * The cache's probe memo ({@code ProbeMemo}) changes nothing but the time: a demo search whose
 * evaluator remembers recent programs' probes gives every individual the same fitness, runs the
 * same steps and meets the same cache hits as one that probes every time. The remembering cache
 * also runs the full executions of evaluations that miss on every task side by side
 * ({@code Executor.executeAll}); the probing one runs them task after task, interleaved with the
 * probes and the lookups, as the reference does.
 */
class FecProbeMemoTest {
  private static final int INDIVIDUALS = 12_000;

  private record Run(double[] fitness, long trainSteps, long validSteps, long learnSteps, long hits, long misses,
      long probesRun, long probesRemembered, long sideBySide, PopulationState end) {}

  private static Run search(List<Task> tasks, boolean memoize) {
    FecCache cache = new FecCache(new FecSpec(10, 10, FecSpec.DEFAULT_CACHE_SIZE, 100), memoize);
    Evaluator evaluator = new Evaluator(tasks, Fixtures.SPACE, FitnessCombination.MEAN, 100.0, new Rng(0), cache, null);
    List<Double> values = new ArrayList<>();
    FitnessFunction recording = (algorithm, seed) -> {
      double value = evaluator.evaluate(algorithm, seed);
      values.add(value);
      return value;
    };
    PopulationState end = new RegularizedEvolution(new EvolutionParameters(SearchMethod.REGULARIZED_EVOLUTION, 100, 10,
        0.5), Fixtures.randomInit(), Fixtures.demoMutator(), recording).advance(PopulationState.start(0, 11), INDIVIDUALS);
    return new Run(values.stream().mapToDouble(Double::doubleValue).toArray(), evaluator.trainSteps(),
        evaluator.validSteps(), evaluator.learnSteps(), cache.hits(), cache.misses(), cache.probesRun(),
        cache.probesRemembered(), evaluator.tasksSideBySide(), end);
  }

  @Test
  void rememberingProbesChangesNothingButTheProbesRun() {
    List<Task> tasks = new TaskGenerator().generate(TaskSpec.linearRegression(4, 100, 100, 10), 0);
    Run remembering = search(tasks, true);
    Run probing = search(tasks, false);

    assertEquals(INDIVIDUALS, probing.fitness().length);
    assertArrayEquals(probing.fitness(), remembering.fitness());
    assertEquals(probing.trainSteps(), remembering.trainSteps());
    assertEquals(probing.validSteps(), remembering.validSteps());
    assertEquals(probing.learnSteps(), remembering.learnSteps());
    assertEquals(probing.hits(), remembering.hits());
    assertEquals(probing.misses(), remembering.misses());
    assertEquals(PopulationStateCodec.encode(probing.end()).length, PopulationStateCodec.encode(remembering.end()).length);
    assertArrayEquals(PopulationStateCodec.encode(probing.end()), PopulationStateCodec.encode(remembering.end()));

    // Every evaluation's ten probes either ran or were remembered, and many were remembered: most
    // children of the demo differ from their parent in dead code only.
    assertEquals(10L * INDIVIDUALS, probing.probesRun());
    assertEquals(0, probing.probesRemembered());
    assertEquals(10L * INDIVIDUALS, remembering.probesRun() + remembering.probesRemembered());
    assertTrue(remembering.probesRemembered() > 2L * INDIVIDUALS,
        "probes remembered: " + remembering.probesRemembered() + " of " + 10L * INDIVIDUALS);
    assertEquals(0, probing.sideBySide());
    assertTrue(remembering.sideBySide() > INDIVIDUALS, "tasks run side by side: " + remembering.sideBySide());
    System.out.printf("probe memo: %d of %d evaluations' probes remembered%n",
        remembering.probesRemembered() / 10, INDIVIDUALS);
  }
}
