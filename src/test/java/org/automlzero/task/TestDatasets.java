package org.automlzero.task;

import org.automlzero.random.Rng;

/** Synthetic labelled datasets for tests: class c has mean c in every feature, plus N(0,1) noise. */
final class TestDatasets {
  private TestDatasets() {}

  static LabeledDataset gaussianClasses(int numClasses, int perClass, int d, long seed) {
    Rng rng = new Rng(seed);
    int n = numClasses * perClass;
    double[] x = new double[n * d];
    int[] y = new int[n];
    for (int i = 0; i < n; i++) {
      y[i] = i % numClasses;
      for (int j = 0; j < d; j++) {
        x[i * d + j] = y[i] + rng.nextGaussian();
      }
    }
    return new LabeledDataset("synthetic", x, y, d);
  }
}
