package org.automlzero.evaluate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class FitnessCombinationTest {
  @Test
  void meanIsTheArithmeticMeanAsInTheReferenceTest() {
    assertEquals(0.5, FitnessCombination.MEAN.combine(new double[] {0.4, 0.2, 0.6, 0.8}, 4), 1e-15);
  }

  @Test
  void medianIsTheMiddleElementAsInTheReferenceTest() {
    assertEquals(0.12, FitnessCombination.MEDIAN.combine(new double[] {0.9, 0.12, 0.13, 0.1, 0.11}, 5));
  }

  @Test
  void medianOfAnEvenCountIsTheUpperMiddleLikeNthElement() {
    assertEquals(0.3, FitnessCombination.MEDIAN.combine(new double[] {0.4, 0.1, 0.3, 0.2}, 4));
  }

  @Test
  void combiningOnlyReadsTheFirstNValues() {
    assertEquals(0.2, FitnessCombination.MEAN.combine(new double[] {0.1, 0.3, 99}, 2), 1e-15);
  }

  @Test
  void nothingToCombineIsAnError() {
    assertThrows(IllegalArgumentException.class, () -> FitnessCombination.MEAN.combine(new double[0], 0));
  }
}
