package org.automlzero.search;

import java.util.List;
import java.util.Objects;
import org.automlzero.evaluate.FecSpec;
import org.automlzero.evaluate.FitnessCombination;
import org.automlzero.program.AddressSpace;
import org.automlzero.program.Algorithm;
import org.automlzero.task.TaskSpec;

/**
 * Everything one search experiment needs, the reference's {@code SearchExperimentSpec} plus the
 * driver's flags ({@code run_search_experiment.cc}): the memory, the search/select/final tasks,
 * the population search, the initial algorithms, the mutator, the evaluation settings and the
 * budgets. Immutable; read from HOCON by {@code org.automlzero.config.ExperimentConfig}.
 *
 * @param seed the run's seed; every random stream derives from it
 * @param fec the cache settings, or null to run without a cache
 * @param budgetBaseline the train budget's baseline algorithm, or null for no train budget
 * @param maxTrainSteps train steps per experiment, checked between sweeps (reference semantics)
 * @param maxExperiments experiments to run at most; 0 for no limit (then sufficientFitness stops)
 * @param sufficientFitness stop once the best select fitness is strictly above this
 * @param randomizeTaskSeeds draw fresh search and select task seeds for every experiment
 */
public record ExperimentSpec(
    long seed,
    AddressSpace space,
    List<TaskSpec> searchTasks,
    List<TaskSpec> selectTasks,
    List<TaskSpec> finalTasks,
    EvolutionParameters evolution,
    InitialAlgorithms initial,
    Mutator mutator,
    FitnessCombination combination,
    double maxAbsError,
    FecSpec fec,
    Algorithm budgetBaseline,
    double budgetThresholdFactor,
    long maxTrainSteps,
    long progressEvery,
    int maxExperiments,
    double sufficientFitness,
    boolean randomizeTaskSeeds) {

  public ExperimentSpec {
    Objects.requireNonNull(space, "space");
    searchTasks = List.copyOf(searchTasks);
    selectTasks = List.copyOf(selectTasks);
    finalTasks = List.copyOf(finalTasks);
    Objects.requireNonNull(evolution, "evolution");
    Objects.requireNonNull(initial, "initial");
    Objects.requireNonNull(mutator, "mutator");
    Objects.requireNonNull(combination, "combination");
    if (searchTasks.isEmpty() || selectTasks.isEmpty() || finalTasks.isEmpty()) {
      throw new IllegalArgumentException("search, select and final tasks must each list at least one spec");
    }
    if (!(maxAbsError > 0)) {
      throw new IllegalArgumentException("maxAbsError is " + maxAbsError + ", must be > 0");
    }
    if (maxTrainSteps < 1 || progressEvery < 1 || maxExperiments < 0) {
      throw new IllegalArgumentException("maxTrainSteps and progressEvery must be >= 1, maxExperiments >= 0");
    }
    if (maxExperiments == 0 && !(sufficientFitness < 1)) {
      throw new IllegalArgumentException(
          "maxExperiments is 0 (no limit), so sufficientFitness must be below 1 or the run never ends");
    }
    if (budgetBaseline != null && !(budgetThresholdFactor > 0)) {
      throw new IllegalArgumentException("budgetThresholdFactor is " + budgetThresholdFactor + ", must be > 0");
    }
    if (evolution.tournamentSize() > evolution.populationSize()) {
      throw new IllegalArgumentException("tournament size " + evolution.tournamentSize()
          + " is larger than the population size " + evolution.populationSize());
    }
  }
}
