package org.automlzero.task;

import org.automlzero.random.AbslGaussian;
import org.automlzero.random.Mt19937;

/**
 * The creators of the two synthetic regressions, generating the reference's own tasks to the bit
 * ({@code task_util.h}, semantics page section 7.3). Each has two {@code std::mt19937} streams,
 * seeded with the data seed and the param seed plus a salt in {@code uint32} arithmetic (so the sum
 * wraps mod 2^32; seeds beyond 32 bits keep their low 32 bits). Every number is an
 * {@code absl::Gaussian<double>(0, 1)} draw:
 * <ul>
 *   <li>features from the data stream: every train vector, then every valid vector, each vector's
 *       entries in order;
 *   <li>the linear teacher w ~ N(0,1)^F from the weights stream;
 *   <li>the 2-layer teacher from the weights stream: first W (F x F, row by row), then rows 0 and
 *       2 of W are zeroed, then v ~ N(0,1)^F, then entries 0 and 2 of v are zeroed.
 * </ul>
 * No bias, no noise. The labels are the teachers' Predict, {@code LinearModel}'s {@code dot(w, x)}
 * and {@code UnitTestNeuralNetNoBiasNoGradient}'s {@code dot(relu(W x), v)}, with the sums in the
 * order in which the reference's Eigen computes them ({@link #eigenDot},
 * {@link #eigenMatrixRowTimesVector}).
 *
 * <p>Stateless.
 */
final class RegressionTasks {
  // The reference's seed offsets (task_util.h).
  static final long LINEAR_DATA_SALT = 939723201L;
  static final long LINEAR_WEIGHTS_SALT = 997958712L;
  static final long NN_DATA_SALT = 865546086L;
  static final long NN_WEIGHTS_SALT = 174299604L;

  private RegressionTasks() {}

  static Task linear(TaskSpec spec, int index, long dataSeed, long paramSeed) {
    int f = spec.featuresSize();
    Mt19937 data = new Mt19937(dataSeed + LINEAR_DATA_SALT);
    double[] train = gaussians(data, spec.numTrainExamples() * f);
    double[] valid = gaussians(data, spec.numValidExamples() * f);
    double[] w = linearWeights(paramSeed, f);
    return TaskGenerator.assemble(spec, index, dataSeed,
        train, linearLabels(w, train, f), valid, linearLabels(w, valid, f));
  }

  static Task neuralNet(TaskSpec spec, int index, long dataSeed, long paramSeed) {
    int f = spec.featuresSize();
    Mt19937 data = new Mt19937(dataSeed + NN_DATA_SALT);
    double[] train = gaussians(data, spec.numTrainExamples() * f);
    double[] valid = gaussians(data, spec.numValidExamples() * f);
    double[][] wv = neuralNetWeights(paramSeed, f);
    return TaskGenerator.assemble(spec, index, dataSeed,
        train, neuralNetLabels(wv[0], wv[1], train, f), valid, neuralNetLabels(wv[0], wv[1], valid, f));
  }

  /** The linear teacher w ~ N(0,1)^F. */
  static double[] linearWeights(long paramSeed, int f) {
    return gaussians(new Mt19937(paramSeed + LINEAR_WEIGHTS_SALT), f);
  }

  /** The 2-layer teacher: {W (F x F row-major, rows 0 and 2 zero), v (entries 0 and 2 zero)}. */
  static double[][] neuralNetWeights(long paramSeed, int f) {
    Mt19937 gen = new Mt19937(paramSeed + NN_WEIGHTS_SALT);
    double[] w = gaussians(gen, f * f);
    for (int j = 0; j < f; j++) {
      w[j] = 0;
      w[2 * f + j] = 0;
    }
    double[] v = gaussians(gen, f);
    v[0] = 0;
    v[2] = 0;
    return new double[][] {w, v};
  }

  static double[] linearLabels(double[] w, double[] features, int f) {
    int n = features.length / f;
    double[] labels = new double[n];
    for (int i = 0; i < n; i++) {
      labels[i] = eigenDot(w, 0, features, i * f, f);
    }
    return labels;
  }

  static double[] neuralNetLabels(double[] w, double[] v, double[] features, int f) {
    int n = features.length / f;
    double[] labels = new double[n];
    double[] hidden = new double[f];
    for (int i = 0; i < n; i++) {
      for (int r = 0; r < f; r++) {
        hidden[r] = Math.max(eigenMatrixRowTimesVector(w, r * f, features, i * f, f), 0.0);
      }
      labels[i] = eigenDot(hidden, 0, v, 0, f);
    }
    return labels;
  }

  /**
   * {@code sum_j a[aOff + j] * b[bOff + j]} in the order of Eigen's fully unrolled, SSE2-vectorized
   * reduction, which is how the reference (built with {@code bazel -c opt}: SSE2, no FMA) computes
   * {@code Vector<F>::dot} for its feature sizes: the products go into packets of two lanes,
   * entries 2k and 2k+1; the packets are added as a balanced tree (the first half of them, rounded
   * down, then the rest), then the two lanes of the result, and an odd last entry comes after.
   * For F = 4 this is {@code (p0 + p2) + (p1 + p3)}. It differs from a left-to-right sum in the
   * last bits only. Measured against Eigen 3.4 for F = 2..32 (see {@code ReferenceTasksTest}).
   */
  static double eigenDot(double[] a, int aOff, double[] b, int bOff, int f) {
    int packets = f / 2;
    if (packets == 0) {
      return a[aOff] * b[bOff];
    }
    double sum = lane(a, aOff, b, bOff, 0, 0, packets) + lane(a, aOff, b, bOff, 1, 0, packets);
    if (f % 2 != 0) {
      sum += a[aOff + f - 1] * b[bOff + f - 1];
    }
    return sum;
  }

  /**
   * Row r of a row-major {@code Matrix<F> * Vector<F>} (the row at {@code aOff}) as Eigen sums it.
   * Below F = 8 (Eigen's {@code EIGEN_CACHEFRIENDLY_PRODUCT_THRESHOLD}) the product is evaluated
   * coefficient by coefficient with {@link #eigenDot}'s order; from F = 8 on it is Eigen's
   * matrix-vector kernel, whose two lanes are running sums from left to right (entries 0, 2, 4, ...
   * and 1, 3, 5, ...), added at the end, then an odd last entry.
   */
  static double eigenMatrixRowTimesVector(double[] a, int aOff, double[] b, int bOff, int f) {
    if (f < 8) {
      return eigenDot(a, aOff, b, bOff, f);
    }
    double even = 0;
    double odd = 0;
    for (int j = 0; j + 1 < f; j += 2) {
      even += a[aOff + j] * b[bOff + j];
      odd += a[aOff + j + 1] * b[bOff + j + 1];
    }
    double sum = even + odd;
    if (f % 2 != 0) {
      sum += a[aOff + f - 1] * b[bOff + f - 1];
    }
    return sum;
  }

  /** One lane of the tree sum of packets {@code first .. first + count - 1}. */
  private static double lane(double[] a, int aOff, double[] b, int bOff, int lane, int first, int count) {
    if (count == 1) {
      int j = 2 * first + lane;
      return a[aOff + j] * b[bOff + j];
    }
    int half = count / 2;
    return lane(a, aOff, b, bOff, lane, first, half) + lane(a, aOff, b, bOff, lane, first + half, count - half);
  }

  static double[] gaussians(Mt19937 gen, int n) {
    double[] out = new double[n];
    for (int i = 0; i < n; i++) {
      out[i] = AbslGaussian.next(gen, 0.0, 1.0);
    }
    return out;
  }
}
