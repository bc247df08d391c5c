package org.automlzero.search;

import java.util.List;
import java.util.function.Consumer;
import org.automlzero.evaluate.Evaluator;
import org.automlzero.evaluate.FecCache;
import org.automlzero.evaluate.TrainBudget;
import org.automlzero.program.Algorithm;
import org.automlzero.random.Rng;
import org.automlzero.random.Seeds;
import org.automlzero.task.Task;
import org.automlzero.task.TaskGenerator;
import org.automlzero.task.TaskSeeds;
import org.automlzero.task.TaskSpec;

/**
 * The reference's experiment driver ({@code run_search_experiment.cc}) on one thread, without
 * Spark: repeat experiments (a fresh population searched until its train-step budget is spent, the
 * best of the final population evaluated on the select tasks) until the best select fitness is
 * sufficient or the experiment count is reached, then evaluate the winner on the unseen final tasks.
 * Progress lines go to the given sink. Not thread-safe; one run per instance.
 */
public final class Experiment {
  private static final long SEARCH_SEEDS = 1;
  private static final long SELECT_SEEDS = 2;
  private static final long POPULATION = 3;
  private static final long SELECT_RNG = 4;
  private static final long FINAL_RNG = 5;

  private final ExperimentSpec spec;
  private final TaskGenerator generator;
  private final Consumer<String> progress;

  /** What the driver found. */
  public record Result(
      Algorithm winner, double searchFitness, double selectFitness, double finalFitness, int experiments,
      long individuals, long hits, long trainSteps, double seconds, double cacheHitRate) {}

  public Experiment(ExperimentSpec spec, TaskGenerator generator, Consumer<String> progress) {
    this.spec = spec;
    this.generator = generator;
    this.progress = progress;
  }

  public Result run() {
    long start = System.nanoTime();
    Algorithm best = null;
    double bestSearch = 0;
    double bestSelect = -1;
    long individuals = 0;
    long hits = 0;
    long trainSteps = 0;
    long cacheHits = 0;
    long cacheLookups = 0;
    int experiment = 0;
    while (spec.maxExperiments() == 0 || experiment < spec.maxExperiments()) {
      List<TaskSpec> searchSpecs = spec.randomizeTaskSeeds()
          ? TaskSeeds.randomize(spec.searchTasks(), Seeds.derive(spec.seed(), SEARCH_SEEDS, experiment))
          : spec.searchTasks();
      FecCache cache = spec.fec() == null ? null : spec.fec().newCache();
      TrainBudget budget = spec.budgetBaseline() == null
          ? null : new TrainBudget(spec.budgetBaseline(), spec.budgetThresholdFactor());
      Evaluator evaluator = new Evaluator(generator.generate(searchSpecs), spec.space(), spec.combination(),
          spec.maxAbsError(), new Rng(0), cache, budget);
      RegularizedEvolution evolution = new RegularizedEvolution(
          spec.evolution(), spec.initial(), spec.mutator(), evaluator::evaluate);
      Progress meter = new Progress(evaluator, start, individuals);
      PopulationState state = evolution.runSweeps(
          PopulationState.start(0, Seeds.derive(spec.seed(), POPULATION, experiment)),
          s -> meter.report(s) || evaluator.trainSteps() >= spec.maxTrainSteps());
      Individual candidate = state.stats().best();
      individuals += state.individuals();
      hits += state.hits();
      trainSteps += evaluator.trainSteps();
      if (cache != null) {
        cacheHits += cache.hits();
        cacheLookups += cache.hits() + cache.misses();
      }

      List<TaskSpec> selectSpecs = spec.randomizeTaskSeeds()
          ? TaskSeeds.randomize(spec.selectTasks(), Seeds.derive(spec.seed(), SELECT_SEEDS, experiment))
          : spec.selectTasks();
      double select = evaluateWithoutCache(candidate.algorithm(), generator.generate(selectSpecs),
          Seeds.derive(spec.seed(), SELECT_RNG, experiment));
      progress.accept(String.format("experiment=%d, search fitness=%.6f, select fitness=%.6f",
          experiment, candidate.fitness(), select));
      if (select >= bestSelect) {
        bestSelect = select;
        bestSearch = candidate.fitness();
        best = candidate.algorithm();
      }
      experiment++;
      if (spec.sufficientFitness() > 0 && bestSelect > spec.sufficientFitness()) {
        break;
      }
    }
    double finalFitness = evaluateWithoutCache(best, generator.generate(spec.finalTasks()),
        Seeds.derive(spec.seed(), FINAL_RNG));
    double seconds = (System.nanoTime() - start) / 1e9;
    return new Result(best, bestSearch, bestSelect, finalFitness, experiment, individuals, hits, trainSteps, seconds,
        cacheLookups == 0 ? 0 : (double) cacheHits / cacheLookups);
  }

  private double evaluateWithoutCache(Algorithm algorithm, List<Task> tasks, long seed) {
    return new Evaluator(tasks, spec.space(), spec.combination(), spec.maxAbsError(), new Rng(seed), null, null)
        .evaluate(algorithm);
  }

  /** Prints the reference's progress line every {@code progressEvery} individuals, at sweep ends. */
  private final class Progress {
    private final Evaluator evaluator;
    private final long start;
    private final long before;
    private long lastReported;

    Progress(Evaluator evaluator, long start, long before) {
      this.evaluator = evaluator;
      this.start = start;
      this.before = before;
    }

    /** Always false: a stop condition's side effect, so that it runs exactly at sweep ends. */
    boolean report(PopulationState state) {
      if (state.individuals() >= lastReported + spec.progressEvery()) {
        lastReported = state.individuals();
        PopulationStats stats = state.stats();
        double seconds = (System.nanoTime() - start) / 1e9;
        FecCache cache = evaluator.cache();
        progress.accept(String.format(
            "indivs=%d, elapsed_secs=%.1f, mean=%.6f, stdev=%.6f, best fit=%.6f, indivs/s=%.0f, cache hit rate=%s%s",
            before + state.individuals(), seconds, stats.mean(), stats.stdev(), stats.best().fitness(),
            (before + state.individuals()) / Math.max(seconds, 1e-9),
            cache == null ? "off" : String.format("%.3f", cache.hitRate()),
            cache == null ? "" : String.format(", probes remembered=%.3f", cache.probesRememberedRate())));
      }
      return false;
    }
  }
}
