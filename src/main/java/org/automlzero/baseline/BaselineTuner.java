package org.automlzero.baseline;

import java.util.ArrayList;
import java.util.List;
import org.automlzero.evaluate.Evaluator;
import org.automlzero.evaluate.FitnessCombination;
import org.automlzero.program.AddressSpace;
import org.automlzero.random.Rng;
import org.automlzero.random.Seeds;
import org.automlzero.task.Task;

/**
 * Random-search tuning of the hand-written baselines on the select tasks, as the single-thread
 * driver scores its candidates there: no cache, no train budget, the stochastic ops (the neural
 * net's Gaussian initialisations) drawing from a generator of (seed, model, trial), so each trial's
 * fitness depends on nothing else and trials can run in any order or place. Stateless.
 */
public final class BaselineTuner {
  static final long TRIAL_SALT = 0x5E1E_C7EDL;
  static final long FINAL_SALT = 0xF1AA_1B45L;

  private BaselineTuner() {}

  /** Every trial of both models, unmeasured, linear model first. */
  public static List<Trial> trials(TuningSpace space, long seed) {
    List<Trial> trials = new ArrayList<>();
    for (BaselineModel model : BaselineModel.values()) {
      List<HyperParameters> candidates = space.candidates(model, seed);
      for (int i = 0; i < candidates.size(); i++) {
        trials.add(new Trial(model, i, candidates.get(i), Double.NaN));
      }
    }
    return trials;
  }

  /** The fitness of {@code trial} on {@code selectTasks}. */
  public static Trial score(Trial trial, List<Task> selectTasks, FitnessCombination combination,
      double maxAbsError, long seed) {
    long streamSeed = Seeds.derive(seed, TRIAL_SALT, trial.model().ordinal(), trial.index());
    return trial.withSelectFitness(fitness(trial, selectTasks, combination, maxAbsError, streamSeed));
  }

  /** The fitness of the (tuned) {@code trial} on {@code finalTasks}, with its own stream. */
  public static double finalFitness(Trial trial, List<Task> finalTasks, FitnessCombination combination,
      double maxAbsError, long seed) {
    return fitness(trial, finalTasks, combination, maxAbsError,
        Seeds.derive(seed, FINAL_SALT, trial.model().ordinal(), trial.index()));
  }

  /** Per-task fitness of {@code trial} on {@code tasks}, with the final stage's stream. */
  public static double[] finalPerTask(Trial trial, List<Task> tasks, FitnessCombination combination,
      double maxAbsError, long seed) {
    Evaluator evaluator = evaluator(trial, tasks, combination, maxAbsError,
        Seeds.derive(seed, FINAL_SALT, trial.model().ordinal(), trial.index()));
    evaluator.evaluate(trial.model().algorithm(trial.parameters()));
    return evaluator.lastPerTaskFitness();
  }

  /** Scores every trial on one thread and returns them in order. */
  public static List<Trial> tune(TuningSpace space, List<Task> selectTasks, FitnessCombination combination,
      double maxAbsError, long seed) {
    List<Trial> scored = new ArrayList<>();
    for (Trial trial : trials(space, seed)) {
      scored.add(score(trial, selectTasks, combination, maxAbsError, seed));
    }
    return scored;
  }

  private static double fitness(Trial trial, List<Task> tasks, FitnessCombination combination,
      double maxAbsError, long streamSeed) {
    return evaluator(trial, tasks, combination, maxAbsError, streamSeed)
        .evaluate(trial.model().algorithm(trial.parameters()));
  }

  private static Evaluator evaluator(Trial trial, List<Task> tasks, FitnessCombination combination,
      double maxAbsError, long streamSeed) {
    AddressSpace space = trial.model().space();
    return new Evaluator(tasks, space, combination, maxAbsError, new Rng(streamSeed), null, null);
  }
}
