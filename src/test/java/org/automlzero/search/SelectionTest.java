package org.automlzero.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import org.automlzero.program.Algorithm;
import org.automlzero.random.Rng;
import org.junit.jupiter.api.Test;

class SelectionTest {
  private static final int DRAWS = 100_000;

  static List<Individual> population(double... fitnesses) {
    List<Individual> members = new ArrayList<>();
    for (int i = 0; i < fitnesses.length; i++) {
      members.add(new Individual(i, Algorithm.noOp(0, 0, 0), fitnesses[i], -1, "INIT", i, 0));
    }
    return members;
  }

  @Test
  void tiesGoToTheFirstDrawn() {
    List<Individual> members = population(0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5);
    for (long seed = 1; seed <= 500; seed++) {
      Rng replica = new Rng(seed);
      assertEquals(replica.nextInt(members.size()), Selection.tournament(members, 4, new Rng(seed)));
    }
  }

  @Test
  void theFittestDrawnWinsAndEqualBestKeepTheFirst() {
    List<Individual> members = population(0.1, 0.9, 0.3, 0.9, 0.2);
    for (long seed = 1; seed <= 500; seed++) {
      Rng replica = new Rng(seed);
      int expected = -1;
      for (int t = 0; t < 3; t++) {
        int drawn = replica.nextInt(members.size());
        if (expected < 0 || members.get(drawn).fitness() > members.get(expected).fitness()) {
          expected = drawn;
        }
      }
      assertEquals(expected, Selection.tournament(members, 3, new Rng(seed)));
    }
  }

  @Test
  void selectionPressureMatchesDrawingWithReplacement() {
    // With T draws with replacement from P distinct fitnesses, the member of rank r (1 = best)
    // wins with probability (1 - (r-1)/P)^T - (1 - r/P)^T; for r = 1 that is 1 - (1 - 1/P)^T.
    int populationSize = 20;
    for (int tournamentSize : new int[] {1, 5, 30}) {
      double[] fitnesses = new double[populationSize];
      for (int i = 0; i < populationSize; i++) {
        fitnesses[i] = ((i * 7) % populationSize) / (double) populationSize; // a permutation of ranks
      }
      List<Individual> members = population(fitnesses);
      int[] wins = new int[populationSize];
      Rng rng = new Rng(tournamentSize);
      for (int i = 0; i < DRAWS; i++) {
        wins[Selection.tournament(members, tournamentSize, rng)]++;
      }
      for (int slot = 0; slot < populationSize; slot++) {
        int rank = populationSize - (int) Math.round(fitnesses[slot] * populationSize);
        double expected = Math.pow(1 - (rank - 1.0) / populationSize, tournamentSize)
            - Math.pow(1 - rank / (double) populationSize, tournamentSize);
        assertEquals(expected, wins[slot] / (double) DRAWS, 0.006, "T=" + tournamentSize + " rank " + rank);
      }
    }
  }

  @Test
  void theWorstIsTheLeastFitFirstOnTies() {
    assertEquals(2, Selection.worst(population(0.4, 0.3, 0.1, 0.9, 0.1)));
    assertEquals(0, Selection.worst(population(0.2, 0.2)));
  }

  @Test
  void rejectsEmptyPopulationsAndTournaments() {
    assertThrows(IllegalArgumentException.class, () -> Selection.tournament(List.of(), 3, new Rng(1)));
    assertThrows(IllegalArgumentException.class, () -> Selection.tournament(population(1), 0, new Rng(1)));
    assertThrows(IllegalArgumentException.class, () -> Selection.worst(List.of()));
  }
}
