package org.automlzero.task;

/**
 * Per-feature standardization fitted on one split and applied to all, like scikit-learn's
 * {@code StandardScaler}: subtract the mean, divide by the population standard deviation; a
 * (numerically) constant feature keeps scale 1 so that it becomes 0 rather than NaN or huge.
 * Immutable after {@link #fit}.
 */
final class Standardizer {
  private final double[] mean;
  private final double[] scale;

  private Standardizer(double[] mean, double[] scale) {
    this.mean = mean;
    this.scale = scale;
  }

  /** Fits on the first {@code rows} rows of the row-major {@code data} of {@code f} columns. */
  static Standardizer fit(double[] data, int rows, int f) {
    if (rows < 1) {
      throw new IllegalArgumentException("cannot fit a standardizer on " + rows + " rows");
    }
    double[] mean = new double[f];
    for (int i = 0; i < rows; i++) {
      for (int j = 0; j < f; j++) {
        mean[j] += data[i * f + j];
      }
    }
    for (int j = 0; j < f; j++) {
      mean[j] /= rows;
    }
    double[] var = new double[f];
    for (int i = 0; i < rows; i++) {
      for (int j = 0; j < f; j++) {
        double c = data[i * f + j] - mean[j];
        var[j] += c * c;
      }
    }
    double[] scale = new double[f];
    for (int j = 0; j < f; j++) {
      double std = Math.sqrt(var[j] / rows);
      scale[j] = std > 1e-12 * Math.max(1.0, Math.abs(mean[j])) ? std : 1.0;
    }
    return new Standardizer(mean, scale);
  }

  /** Standardizes every row of the row-major {@code data} of F columns, in place. */
  void applyInPlace(double[] data) {
    int f = mean.length;
    for (int i = 0; i < data.length; i++) {
      int j = i % f;
      data[i] = (data[i] - mean[j]) / scale[j];
    }
  }

  double mean(int j) {
    return mean[j];
  }

  double scale(int j) {
    return scale[j];
  }
}
