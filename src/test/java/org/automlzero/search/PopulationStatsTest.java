package org.automlzero.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class PopulationStatsTest {
  @Test
  void meanStdevAndFirstBest() {
    List<Individual> members = SelectionTest.population(0.2, 0.8, 0.4, 0.8);
    PopulationStats stats = PopulationStats.of(members);
    assertEquals(0.55, stats.mean(), 1e-12);
    assertEquals(Math.sqrt((0.04 + 0.64 + 0.16 + 0.64) / 4 - 0.55 * 0.55), stats.stdev(), 1e-12);
    assertSame(members.get(1), stats.best());
    assertEquals(4, stats.size());
  }

  @Test
  void varianceIsClampedSoEqualFitnessesNeverGiveNaN() {
    // The reference computes E[x^2] - E[x]^2, which rounding can make negative.
    int negative = 0;
    for (int k = 1; k < 100; k++) {
      double x = k / 100.0;
      double[] fitnesses = {x, x, x, x, x, x, x};
      double sum = 0;
      double naive = 0;
      for (double f : fitnesses) {
        sum += f;
        naive += f * f;
      }
      double mean = sum / 7;
      if (naive / 7 - mean * mean < 0) {
        negative++;
      }
      double stdev = PopulationStats.of(SelectionTest.population(fitnesses)).stdev();
      assertTrue(stdev >= 0 && stdev < 1e-7, "stdev " + stdev + " at " + x);
    }
    assertTrue(negative > 0, "some case exercises the clamp");
  }

  @Test
  void anEmptyPopulationHasNoStats() {
    assertThrows(IllegalArgumentException.class, () -> PopulationStats.of(List.of()));
  }
}
