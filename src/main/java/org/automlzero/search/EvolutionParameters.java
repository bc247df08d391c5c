package org.automlzero.search;

import java.util.Objects;

/**
 * The parameters of one population's search: the method, the population size P and tournament
 * size T (the reference's {@code population_size} and {@code tournament_size}), and the fitness
 * at or above which an individual counts as a hit ({@link PopulationState#hits()}, for the
 * paper's random-search comparisons). Immutable.
 */
public record EvolutionParameters(SearchMethod method, int populationSize, int tournamentSize, double hitThreshold) {

  public EvolutionParameters {
    Objects.requireNonNull(method, "method");
    if (populationSize < 1) {
      throw new IllegalArgumentException("populationSize is " + populationSize + ", must be >= 1");
    }
    if (tournamentSize < 1) {
      throw new IllegalArgumentException("tournamentSize is " + tournamentSize + ", must be >= 1");
    }
    if (Double.isNaN(hitThreshold)) {
      throw new IllegalArgumentException("hitThreshold is NaN");
    }
  }

  /** Parameters that count no hits (the threshold is +infinity). */
  public static EvolutionParameters of(SearchMethod method, int populationSize, int tournamentSize) {
    return new EvolutionParameters(method, populationSize, tournamentSize, Double.POSITIVE_INFINITY);
  }
}
