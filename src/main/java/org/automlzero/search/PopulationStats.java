package org.automlzero.search;

import java.util.List;
import java.util.Objects;

/**
 * The reference's {@code PopulationStats}: mean and standard deviation of the fitnesses, and the
 * best individual (the first in slot order on ties, as the reference's {@code GetBest}). The
 * standard deviation is the population one, with the variance clamped at 0 against rounding.
 * Immutable.
 */
public record PopulationStats(int size, double mean, double stdev, Individual best) {

  public PopulationStats {
    Objects.requireNonNull(best, "best");
    if (size < 1) {
      throw new IllegalArgumentException("size is " + size + ", must be >= 1");
    }
  }

  /** The stats of a non-empty population, in slot order. */
  public static PopulationStats of(List<Individual> members) {
    if (members.isEmpty()) {
      throw new IllegalArgumentException("no stats of an empty population");
    }
    double sum = 0;
    double sumOfSquares = 0;
    Individual best = members.get(0);
    for (Individual member : members) {
      double fitness = member.fitness();
      sum += fitness;
      sumOfSquares += fitness * fitness;
      if (fitness > best.fitness()) {
        best = member;
      }
    }
    int size = members.size();
    double mean = sum / size;
    double variance = Math.max(0, sumOfSquares / size - mean * mean);
    return new PopulationStats(size, mean, Math.sqrt(variance), best);
  }
}
