package org.automlzero.evaluate;

import java.util.List;
import org.automlzero.execute.CompiledAlgorithm;
import org.automlzero.execute.Executor;
import org.automlzero.program.AddressSpace;
import org.automlzero.program.Algorithm;
import org.automlzero.program.Liveness;
import org.automlzero.random.Rng;
import org.automlzero.task.Task;

/**
 * The fitness of an algorithm over a list of tasks, combined by mean or median, as the reference's
 * {@code Evaluator} (semantics page section 4.3): each task is executed on all the training examples
 * its epochs hold (or none when the train budget refuses the algorithm), optionally through the
 * functional-equivalence cache, with stochastic ops drawing from one shared generator.
 *
 * <p>By default it compiles each algorithm without its dead code ({@link Liveness}): instructions
 * that cannot change a prediction are skipped, which leaves every fitness the same to the bit.
 * Stochastic ops are always kept ({@link Liveness.StochasticOps#KEEP_ALWAYS}), so that the shared
 * generator advances exactly as it would for the full program and a whole search repeats bit for
 * bit with or without skipping. The train budget still prices the full algorithm, as the
 * reference's does.
 *
 * <p>Mutable and not thread-safe: one per worker thread. It counts every training step it runs,
 * including the cache's probe steps, which is what the search's train-step budget spends.
 */
public final class Evaluator {
  private final List<Task> tasks;
  private final AddressSpace space;
  private final FitnessCombination combination;
  private final double maxAbsError;
  private final Rng rng;
  private final FecCache cache;
  private final TrainBudget budget;
  private final Executor executor;
  private final CompiledAlgorithm compiled = new CompiledAlgorithm();
  private final Liveness liveness;
  private final double[] perTask;
  private final double[] combineScratch;
  private final long[] trainCounts;
  /** Whether all tasks have one features size: then one compiled program serves every task. */
  private final boolean oneFeaturesSize;
  private long evaluations;

  /**
   * An evaluator that skips dead code.
   *
   * @param rng the generator of stochastic ops during full executions (the experiment's main one)
   * @param cache the functional-equivalence cache, or null for none
   * @param budget the train budget, or null for none
   */
  public Evaluator(List<Task> tasks, AddressSpace space, FitnessCombination combination, double maxAbsError,
      Rng rng, FecCache cache, TrainBudget budget) {
    this(tasks, space, combination, maxAbsError, rng, cache, budget, true);
  }

  /**
   * @param rng the generator of stochastic ops during full executions (the experiment's main one)
   * @param cache the functional-equivalence cache, or null for none
   * @param budget the train budget, or null for none
   * @param skipDeadCode whether to compile without the instructions that cannot change a
   *     prediction (same fitness to the bit; false runs every instruction, for benchmarks)
   */
  public Evaluator(List<Task> tasks, AddressSpace space, FitnessCombination combination, double maxAbsError,
      Rng rng, FecCache cache, TrainBudget budget, boolean skipDeadCode) {
    if (tasks.isEmpty()) {
      throw new IllegalArgumentException("an evaluator needs at least one task");
    }
    for (Task task : tasks) {
      if (task.maxTrainExamples() < 10) {
        // The reference CHECKs this too: fewer examples cannot tell algorithms apart.
        throw new IllegalArgumentException("task " + task.index() + " has " + task.maxTrainExamples()
            + " training examples over all epochs, must be >= 10");
      }
    }
    this.tasks = List.copyOf(tasks);
    this.space = space;
    this.combination = combination;
    this.maxAbsError = maxAbsError;
    this.rng = rng;
    this.cache = cache;
    this.budget = budget;
    this.executor = new Executor(space);
    this.liveness = skipDeadCode ? new Liveness(Liveness.StochasticOps.KEEP_ALWAYS) : null;
    this.perTask = new double[tasks.size()];
    this.combineScratch = new double[tasks.size()];
    this.trainCounts = new long[tasks.size()];
    this.oneFeaturesSize = tasks.stream().mapToInt(Task::featuresSize).distinct().count() == 1;
  }

  /** The combined fitness of {@code algorithm} over all tasks, in [0, 1]. */
  public double evaluate(Algorithm algorithm) {
    evaluations++;
    if (oneFeaturesSize) {
      compiled.compile(algorithm, space, tasks.get(0).featuresSize(), liveness);
      for (int i = 0, n = tasks.size(); i < n; i++) {
        trainCounts[i] = trainExamples(algorithm, tasks.get(i));
      }
      if (cache != null) {
        cache.executeAll(executor, compiled, tasks, trainCounts, rng, maxAbsError, perTask);
      } else { // groups of tasks of one shape side by side
        executor.executeAll(compiled, tasks, trainCounts, rng, maxAbsError, perTask);
      }
      return combined();
    }
    int compiledFor = -1;
    for (int i = 0, n = tasks.size(); i < n; i++) {
      Task task = tasks.get(i);
      if (task.featuresSize() != compiledFor) {
        compiled.compile(algorithm, space, task.featuresSize(), liveness);
        compiledFor = task.featuresSize();
      }
      long numTrain = trainExamples(algorithm, task);
      perTask[i] = cache == null
          ? executor.execute(compiled, task, numTrain, task.numValid(), rng, maxAbsError)
          : cache.execute(executor, compiled, task, numTrain, rng, maxAbsError);
    }
    return combined();
  }

  /** The training examples {@code algorithm} gets on {@code task}: all of them, or what the budget allows. */
  private long trainExamples(Algorithm algorithm, Task task) {
    return budget == null ? task.maxTrainExamples() : budget.trainExamples(algorithm, task.maxTrainExamples());
  }

  /** The tasks' fitness in {@link #perTask} combined. */
  private double combined() {
    System.arraycopy(perTask, 0, combineScratch, 0, perTask.length);
    double fitness = combination.combine(combineScratch, perTask.length);
    if (!(fitness >= 0 && fitness <= 1)) {
      throw new IllegalStateException("combined fitness " + fitness + " is outside [0, 1]");
    }
    return fitness;
  }

  /**
   * As {@link #evaluate(Algorithm)}, with the stochastic ops' generator first reseeded to
   * {@code seed}, so that the fitness depends on the algorithm and the seed only (the search derives
   * one seed per individual, which makes paused and resumed searches exact).
   */
  public double evaluate(Algorithm algorithm, long seed) {
    rng.reseed(seed);
    return evaluate(algorithm);
  }

  /** The fitness of each task from the last {@link #evaluate}, in task order. */
  public double[] lastPerTaskFitness() {
    return perTask.clone();
  }

  /** Copies {@link #lastPerTaskFitness()} into {@code into} from {@code at}, without allocating. */
  public void copyLastPerTaskFitness(double[] into, int at) {
    System.arraycopy(perTask, 0, into, at, perTask.length);
  }

  /** Training steps run so far, including the cache's probe steps. */
  public long trainSteps() {
    return executor.trainStepsCompleted();
  }

  /** Whether this evaluator compiles algorithms without their dead code. */
  public boolean skipsDeadCode() {
    return liveness != null;
  }

  /** Validation steps (Predict only) run so far, including the cache's probe steps. */
  public long validSteps() {
    return executor.validStepsCompleted();
  }

  /** Training steps that ran Learn so far (not stopped early after Predict). */
  public long learnSteps() {
    return executor.learnStepsCompleted();
  }

  /** Task executions run side by side with others so far ({@link Executor#executeAll}). */
  public long tasksSideBySide() {
    return executor.tasksSideBySide();
  }

  /** Algorithms evaluated so far. */
  public long evaluations() {
    return evaluations;
  }

  /** The cache, or null when this evaluator runs without one. */
  public FecCache cache() {
    return cache;
  }

  public List<Task> tasks() {
    return tasks;
  }
}
