package org.automlzero.task;

import org.automlzero.random.Rng;
import org.automlzero.random.Seeds;

/**
 * The creators of the two synthetic regressions (semantics section 7.3): features N(0,1), all train
 * vectors then all valid vectors, from a data generator of the data seed; the teacher's weights from
 * a weights generator of the param seed; no bias, no noise. Labels are computed here directly, the
 * same functions as the reference's {@code LinearModel} and {@code UnitTestNeuralNetNoBiasNoGradient}
 * Predict. Stateless.
 */
final class RegressionTasks {
  // Salts named after the reference's seed offsets (task_util.h), which keep the streams apart.
  static final long LINEAR_DATA_SALT = 939723201L;
  static final long LINEAR_WEIGHTS_SALT = 997958712L;
  static final long NN_DATA_SALT = 865546086L;
  static final long NN_WEIGHTS_SALT = 174299604L;

  private RegressionTasks() {}

  static Task linear(TaskSpec spec, int index, long dataSeed, long paramSeed) {
    int f = spec.featuresSize();
    Rng data = new Rng(Seeds.derive(dataSeed, LINEAR_DATA_SALT));
    double[] train = gaussians(data, spec.numTrainExamples() * f);
    double[] valid = gaussians(data, spec.numValidExamples() * f);
    double[] w = linearWeights(paramSeed, f);
    return TaskGenerator.assemble(spec, index, dataSeed,
        train, linearLabels(w, train, f), valid, linearLabels(w, valid, f));
  }

  static Task neuralNet(TaskSpec spec, int index, long dataSeed, long paramSeed) {
    int f = spec.featuresSize();
    Rng data = new Rng(Seeds.derive(dataSeed, NN_DATA_SALT));
    double[] train = gaussians(data, spec.numTrainExamples() * f);
    double[] valid = gaussians(data, spec.numValidExamples() * f);
    double[][] wv = neuralNetWeights(paramSeed, f);
    return TaskGenerator.assemble(spec, index, dataSeed,
        train, neuralNetLabels(wv[0], wv[1], train, f), valid, neuralNetLabels(wv[0], wv[1], valid, f));
  }

  /** The linear teacher w ~ N(0,1)^F. */
  static double[] linearWeights(long paramSeed, int f) {
    return gaussians(new Rng(Seeds.derive(paramSeed, LINEAR_WEIGHTS_SALT)), f);
  }

  /** The 2-layer teacher: {W (F x F row-major, rows 0 and 2 zero), v (entries 0 and 2 zero)}. */
  static double[][] neuralNetWeights(long paramSeed, int f) {
    Rng rng = new Rng(Seeds.derive(paramSeed, NN_WEIGHTS_SALT));
    double[] w = gaussians(rng, f * f);
    for (int j = 0; j < f; j++) {
      w[j] = 0;
      w[2 * f + j] = 0;
    }
    double[] v = gaussians(rng, f);
    v[0] = 0;
    v[2] = 0;
    return new double[][] {w, v};
  }

  static double[] linearLabels(double[] w, double[] features, int f) {
    int n = features.length / f;
    double[] labels = new double[n];
    for (int i = 0; i < n; i++) {
      double s = 0;
      for (int j = 0; j < f; j++) {
        s += w[j] * features[i * f + j];
      }
      labels[i] = s;
    }
    return labels;
  }

  static double[] neuralNetLabels(double[] w, double[] v, double[] features, int f) {
    int n = features.length / f;
    double[] labels = new double[n];
    for (int i = 0; i < n; i++) {
      double y = 0;
      for (int r = 0; r < f; r++) {
        double h = 0;
        for (int j = 0; j < f; j++) {
          h += w[r * f + j] * features[i * f + j];
        }
        y += v[r] * Math.max(h, 0.0);
      }
      labels[i] = y;
    }
    return labels;
  }

  static double[] gaussians(Rng rng, int n) {
    double[] out = new double[n];
    for (int i = 0; i < n; i++) {
      out[i] = rng.nextGaussian();
    }
    return out;
  }
}
