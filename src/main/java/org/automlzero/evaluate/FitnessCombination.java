package org.automlzero.evaluate;

import java.util.Arrays;

/** How per-task fitnesses become one fitness (reference {@code CombineFitnesses}). */
public enum FitnessCombination {
  /** The arithmetic mean (the reference's default). */
  MEAN,
  /** The element at index n/2 after sorting: the upper median for an even count, as {@code nth_element}. */
  MEDIAN;

  /** Combines the first {@code n} values of {@code fitnesses}; MEDIAN reorders them. */
  public double combine(double[] fitnesses, int n) {
    if (n < 1) {
      throw new IllegalArgumentException("no fitness to combine");
    }
    if (this == MEAN) {
      double sum = 0;
      for (int i = 0; i < n; i++) {
        sum += fitnesses[i];
      }
      return sum / n;
    }
    Arrays.sort(fitnesses, 0, n);
    return fitnesses[n / 2];
  }
}
