package org.automlzero.task;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class StandardizerTest {

  @Test
  void fitsOnFirstRowsAndAppliesToAll() {
    // Column 0: train 1, 3 (mean 2, std 1); column 1: train 10, 30 (mean 20, std 10).
    double[] data = {1, 10, 3, 30, 5, 40};
    Standardizer s = Standardizer.fit(data, 2, 2);
    assertEquals(2, s.mean(0));
    assertEquals(10, s.scale(1));
    s.applyInPlace(data);
    assertArrayEquals(new double[] {-1, -1, 1, 1, 3, 2}, data, 1e-12);
  }

  @Test
  void constantFeatureBecomesZero() {
    double[] data = {7, 1, 7, 2, 7, 3};
    Standardizer.fit(data, 3, 2).applyInPlace(data);
    assertEquals(0.0, data[0]);
    assertEquals(0.0, data[2]);
  }

  @Test
  void nearlyConstantFeatureIsNotBlownUp() {
    double[] data = {0.1, 0.1, 0.1, 0.1 + 1e-17};
    Standardizer.fit(data, 4, 1).applyInPlace(data);
    for (double v : data) {
      assertEquals(0.0, v, 1e-12);
    }
  }
}
