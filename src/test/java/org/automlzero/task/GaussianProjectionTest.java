package org.automlzero.task;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.automlzero.random.Rng;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

class GaussianProjectionTest {

  @Test
  void projectionMatchesNaiveTripleLoop() {
    int n = 37;
    int d = 53;
    int f = 16;
    Rng rng = new Rng(11);
    DMatrixRMaj x = new DMatrixRMaj(n, d);
    for (int i = 0; i < n * d; i++) {
      x.data[i] = rng.nextDouble(0, 255);
    }
    DMatrixRMaj r = GaussianProjection.matrix(d, f, new Rng(12));
    DMatrixRMaj y = GaussianProjection.project(x, r);
    double[] naive = new double[n * f];
    for (int i = 0; i < n; i++) {
      for (int k = 0; k < f; k++) {
        double s = 0;
        for (int j = 0; j < d; j++) {
          s += x.get(i, j) * r.get(j, k);
        }
        naive[i * f + k] = s;
      }
    }
    assertArrayEquals(naive, y.data, 1e-9);
  }

  @Test
  void matrixEntriesAreStandardNormal() {
    DMatrixRMaj r = GaussianProjection.matrix(784, 16, new Rng(3));
    double sum = 0;
    double sq = 0;
    for (double v : r.data) {
      sum += v;
      sq += v * v;
    }
    assertEquals(0.0, sum / r.data.length, 0.03);
    assertEquals(1.0, sq / r.data.length, 0.05);
  }
}
