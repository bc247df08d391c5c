package org.automlzero.search;

import java.util.List;
import java.util.random.RandomGenerator;

/**
 * Choosing parents and victims in a population (the reference's {@code BestFitnessTournament};
 * the worst member for non-aging evolution). Stateless.
 */
public final class Selection {
  private Selection() {}

  /**
   * The slot of a tournament's winner: {@code size} slots drawn uniformly from [0, population size)
   * with replacement, the fittest winning, ties going to the first drawn (strict {@code >}).
   */
  public static int tournament(List<Individual> members, int size, RandomGenerator rng) {
    if (size < 1 || members.isEmpty()) {
      throw new IllegalArgumentException(
          "a tournament needs a size >= 1 and members, got " + size + " and " + members.size());
    }
    int winner = rng.nextInt(members.size());
    double winnerFitness = members.get(winner).fitness();
    for (int i = 1; i < size; i++) {
      int candidate = rng.nextInt(members.size());
      double fitness = members.get(candidate).fitness();
      if (fitness > winnerFitness) {
        winner = candidate;
        winnerFitness = fitness;
      }
    }
    return winner;
  }

  /** The slot of the least fit member, the first in slot order on ties. */
  public static int worst(List<Individual> members) {
    if (members.isEmpty()) {
      throw new IllegalArgumentException("an empty population has no worst member");
    }
    int worst = 0;
    for (int i = 1; i < members.size(); i++) {
      if (members.get(i).fitness() < members.get(worst).fitness()) {
        worst = i;
      }
    }
    return worst;
  }
}
