package org.automlzero.evaluate;

import org.automlzero.program.Algorithm;

/**
 * The reference's train budget ({@code train_budget.cc}): an algorithm whose compute cost for
 * {@code N} training examples exceeds {@code thresholdFactor} times a baseline algorithm's gets no
 * training examples at all, hence fitness 0. Costs come from {@link ComputeCost}. Immutable.
 */
public final class TrainBudget {
  private final double baselineSetup;
  private final double baselinePerExample;
  private final double thresholdFactor;

  /** @param baseline the baseline algorithm, padded as the search's initial algorithms are */
  public TrainBudget(Algorithm baseline, double thresholdFactor) {
    if (!(thresholdFactor > 0)) {
      throw new IllegalArgumentException("threshold factor is " + thresholdFactor + ", must be > 0");
    }
    this.baselineSetup = ComputeCost.of(baseline.setup());
    this.baselinePerExample = ComputeCost.of(baseline.predict()) + ComputeCost.of(baseline.learn());
    this.thresholdFactor = thresholdFactor;
  }

  /** {@code numExamples} if {@code algorithm} fits the budget for that many examples, else 0. */
  public long trainExamples(Algorithm algorithm, long numExamples) {
    double perExample = ComputeCost.of(algorithm.predict()) + ComputeCost.of(algorithm.learn());
    if (perExample <= 0) {
      // The reference CHECKs a positive train cost; empty Predict and Learn cannot learn anyway.
      throw new IllegalArgumentException("an algorithm with empty Predict and Learn has no train cost");
    }
    double cost = ComputeCost.of(algorithm.setup()) + numExamples * perExample;
    double limit = thresholdFactor * (baselineSetup + numExamples * baselinePerExample);
    return cost <= limit ? numExamples : 0;
  }
}
