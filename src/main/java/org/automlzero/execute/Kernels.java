package org.automlzero.execute;

/**
 * The vector and matrix ops of the interpreter, one static method each, over the flat memory
 * arrays of a {@link Memory}: {@code a}, {@code b} and {@code o} are the offsets of the inputs and
 * of the output (already multiplied by F or F x F), {@code f} is the features size F. Semantics
 * from the reference ({@code executor.h}, semantics page section 2.2). The scalar ops, the entry
 * sets and the stochastic ops stay in the {@link Interpreter}'s switch.
 *
 * <p>Why a class of its own: the interpreter calls each kernel once with its variable F and once
 * per specialised size ({@link CompiledAlgorithm#SPECIALISED_SIZES}) with F a literal. The JIT
 * inlines these small methods into the interpreter's loop, so that in a specialised call every
 * loop has a compile-time-constant trip count and is unrolled without the pre- and post-loops a
 * loop of unknown small trip count needs (worth about 5-20% of a whole evaluation at F=4;
 * BENCHMARKS.md). One body per op serves every size, so the sizes cannot drift apart.
 *
 * <p>Every kernel is alias-safe: outputs may be inputs. Those whose output entry depends on more
 * than the same entry of their inputs (matrix-vector and matrix-matrix products, transpose) never
 * read what they have already written; the products compute into {@code scratch} first. Stateless
 * and allocation-free; thread-safe as long as callers do not share the arrays.
 */
final class Kernels {
  private Kernels() {}

  /** Copies example features {@code [from, from + f)} of {@code features} into v0. */
  static void loadFeatures(double[] features, int from, double[] v, int f) {
    // The one place where the size is chosen at run time, once per example, not per instruction.
    switch (f) {
      case 2 -> copy(features, from, v, 2);
      case 4 -> copy(features, from, v, 4);
      case 8 -> copy(features, from, v, 8);
      case 16 -> copy(features, from, v, 16);
      default -> copy(features, from, v, f);
    }
  }

  private static void copy(double[] features, int from, double[] v, int f) {
    for (int j = 0; j < f; j++) {
      v[j] = features[from + j];
    }
  }

  /** VECTOR_HEAVYSIDE: 0 at 0. */
  static void vectorHeaviside(double[] v, int a, int o, int f) {
    for (int j = 0; j < f; j++) {
      v[o + j] = v[a + j] > 0 ? 1.0 : 0.0;
    }
  }

  /** MATRIX_HEAVYSIDE: 0 at 0. */
  static void matrixHeaviside(double[] m, int a, int o, int f) {
    final int ff = f * f;
    for (int j = 0; j < ff; j++) {
      m[o + j] = m[a + j] > 0 ? 1.0 : 0.0;
    }
  }

  /** SCALAR_VECTOR_PRODUCT, {@code x} being the scalar input. */
  static void scalarVectorProduct(double x, double[] v, int b, int o, int f) {
    for (int j = 0; j < f; j++) {
      v[o + j] = v[b + j] * x;
    }
  }

  /** SCALAR_BROADCAST. */
  static void scalarBroadcast(double x, double[] v, int o, int f) {
    for (int j = 0; j < f; j++) {
      v[o + j] = x;
    }
  }

  static void vectorReciprocal(double[] v, int a, int o, int f) {
    for (int j = 0; j < f; j++) {
      v[o + j] = 1.0 / v[a + j];
    }
  }

  static double vectorNorm(double[] v, int a, int f) {
    double sum = 0;
    for (int j = 0; j < f; j++) {
      sum += v[a + j] * v[a + j];
    }
    return Math.sqrt(sum);
  }

  static void vectorAbs(double[] v, int a, int o, int f) {
    for (int j = 0; j < f; j++) {
      v[o + j] = Math.abs(v[a + j]);
    }
  }

  static void vectorSum(double[] v, int a, int b, int o, int f) {
    for (int j = 0; j < f; j++) {
      v[o + j] = v[a + j] + v[b + j];
    }
  }

  static void vectorDiff(double[] v, int a, int b, int o, int f) {
    for (int j = 0; j < f; j++) {
      v[o + j] = v[a + j] - v[b + j];
    }
  }

  static void vectorProduct(double[] v, int a, int b, int o, int f) {
    for (int j = 0; j < f; j++) {
      v[o + j] = v[a + j] * v[b + j];
    }
  }

  static void vectorDivision(double[] v, int a, int b, int o, int f) {
    for (int j = 0; j < f; j++) {
      v[o + j] = v[a + j] / v[b + j];
    }
  }

  static double vectorInnerProduct(double[] v, int a, int b, int f) {
    double sum = 0;
    for (int j = 0; j < f; j++) {
      sum += v[a + j] * v[b + j];
    }
    return sum;
  }

  /** VECTOR_OUTER_PRODUCT: M(r, c) = a(r) b(c). */
  static void vectorOuterProduct(double[] v, int a, int b, double[] m, int o, int f) {
    for (int r = 0; r < f; r++) {
      final double x = v[a + r];
      final int row = o + r * f;
      for (int c = 0; c < f; c++) {
        m[row + c] = x * v[b + c];
      }
    }
  }

  /** SCALAR_MATRIX_PRODUCT, {@code x} being the scalar input. */
  static void scalarMatrixProduct(double x, double[] m, int b, int o, int f) {
    final int ff = f * f;
    for (int j = 0; j < ff; j++) {
      m[o + j] = m[b + j] * x;
    }
  }

  static void matrixReciprocal(double[] m, int a, int o, int f) {
    final int ff = f * f;
    for (int j = 0; j < ff; j++) {
      m[o + j] = 1.0 / m[a + j];
    }
  }

  /** MATRIX_VECTOR_PRODUCT: into scratch, since the output may be the input vector. */
  static void matrixVectorProduct(double[] m, int a, double[] v, int b, int o, double[] scratch, int f) {
    for (int r = 0; r < f; r++) {
      final int row = a + r * f;
      double sum = 0;
      for (int c = 0; c < f; c++) {
        sum += m[row + c] * v[b + c];
      }
      scratch[r] = sum;
    }
    System.arraycopy(scratch, 0, v, o, f);
  }

  /** VECTOR_COLUMN_BROADCAST: every column is the vector, M(r, c) = v(r). */
  static void vectorColumnBroadcast(double[] v, int a, double[] m, int o, int f) {
    for (int r = 0; r < f; r++) {
      final double x = v[a + r];
      final int row = o + r * f;
      for (int c = 0; c < f; c++) {
        m[row + c] = x;
      }
    }
  }

  /** VECTOR_ROW_BROADCAST: every row is the vector, M(r, c) = v(c). */
  static void vectorRowBroadcast(double[] v, int a, double[] m, int o, int f) {
    for (int r = 0; r < f; r++) {
      System.arraycopy(v, a, m, o + r * f, f);
    }
  }

  /** MATRIX_NORM (Frobenius). */
  static double matrixNorm(double[] m, int a, int f) {
    final int ff = f * f;
    double sum = 0;
    for (int j = 0; j < ff; j++) {
      sum += m[a + j] * m[a + j];
    }
    return Math.sqrt(sum);
  }

  static void matrixColumnNorm(double[] m, int a, double[] v, int o, int f) {
    for (int c = 0; c < f; c++) {
      double sum = 0;
      for (int r = 0; r < f; r++) {
        final double x = m[a + r * f + c];
        sum += x * x;
      }
      v[o + c] = Math.sqrt(sum);
    }
  }

  static void matrixRowNorm(double[] m, int a, double[] v, int o, int f) {
    for (int r = 0; r < f; r++) {
      final int row = a + r * f;
      double sum = 0;
      for (int c = 0; c < f; c++) {
        sum += m[row + c] * m[row + c];
      }
      v[o + r] = Math.sqrt(sum);
    }
  }

  /** MATRIX_TRANSPOSE, in place when out == in. */
  static void matrixTranspose(double[] m, int a, int o, int f) {
    if (o == a) {
      for (int r = 0; r < f; r++) {
        for (int c = r + 1; c < f; c++) {
          final double x = m[o + r * f + c];
          m[o + r * f + c] = m[o + c * f + r];
          m[o + c * f + r] = x;
        }
      }
    } else {
      for (int r = 0; r < f; r++) {
        for (int c = 0; c < f; c++) {
          m[o + r * f + c] = m[a + c * f + r];
        }
      }
    }
  }

  static void matrixAbs(double[] m, int a, int o, int f) {
    final int ff = f * f;
    for (int j = 0; j < ff; j++) {
      m[o + j] = Math.abs(m[a + j]);
    }
  }

  static void matrixSum(double[] m, int a, int b, int o, int f) {
    final int ff = f * f;
    for (int j = 0; j < ff; j++) {
      m[o + j] = m[a + j] + m[b + j];
    }
  }

  static void matrixDiff(double[] m, int a, int b, int o, int f) {
    final int ff = f * f;
    for (int j = 0; j < ff; j++) {
      m[o + j] = m[a + j] - m[b + j];
    }
  }

  /** MATRIX_PRODUCT: elementwise. */
  static void matrixProduct(double[] m, int a, int b, int o, int f) {
    final int ff = f * f;
    for (int j = 0; j < ff; j++) {
      m[o + j] = m[a + j] * m[b + j];
    }
  }

  static void matrixDivision(double[] m, int a, int b, int o, int f) {
    final int ff = f * f;
    for (int j = 0; j < ff; j++) {
      m[o + j] = m[a + j] / m[b + j];
    }
  }

  /** MATRIX_MATRIX_PRODUCT: into scratch, since the output may be either input. */
  static void matrixMatrixProduct(double[] m, int a, int b, int o, double[] scratch, int f) {
    final int ff = f * f;
    for (int j = 0; j < ff; j++) {
      scratch[j] = 0;
    }
    for (int r = 0; r < f; r++) {
      for (int k = 0; k < f; k++) {
        final double x = m[a + r * f + k];
        final int rowB = b + k * f;
        final int rowT = r * f;
        for (int c = 0; c < f; c++) {
          scratch[rowT + c] += x * m[rowB + c];
        }
      }
    }
    System.arraycopy(scratch, 0, m, o, ff);
  }

  /** VECTOR_MIN as Eigen's array min, std::min per entry. */
  static void vectorMin(double[] v, int a, int b, int o, int f) {
    for (int j = 0; j < f; j++) {
      final double x = v[a + j];
      final double y = v[b + j];
      v[o + j] = y < x ? y : x;
    }
  }

  /** MATRIX_MIN: a < b ? a : b. */
  static void matrixMin(double[] m, int a, int b, int o, int f) {
    final int ff = f * f;
    for (int j = 0; j < ff; j++) {
      final double x = m[a + j];
      final double y = m[b + j];
      m[o + j] = x < y ? x : y;
    }
  }

  /** VECTOR_MAX as Eigen's array max, std::max per entry. */
  static void vectorMax(double[] v, int a, int b, int o, int f) {
    for (int j = 0; j < f; j++) {
      final double x = v[a + j];
      final double y = v[b + j];
      v[o + j] = x < y ? y : x;
    }
  }

  /** MATRIX_MAX: a > b ? a : b. */
  static void matrixMax(double[] m, int a, int b, int o, int f) {
    final int ff = f * f;
    for (int j = 0; j < ff; j++) {
      final double x = m[a + j];
      final double y = m[b + j];
      m[o + j] = x > y ? x : y;
    }
  }

  static double vectorMean(double[] v, int a, int f) {
    double sum = 0;
    for (int j = 0; j < f; j++) {
      sum += v[a + j];
    }
    return sum / f;
  }

  static double matrixMean(double[] m, int a, int f) {
    final int ff = f * f;
    double sum = 0;
    for (int j = 0; j < ff; j++) {
      sum += m[a + j];
    }
    return sum / ff;
  }

  static void matrixRowMean(double[] m, int a, double[] v, int o, int f) {
    for (int r = 0; r < f; r++) {
      final int row = a + r * f;
      double sum = 0;
      for (int c = 0; c < f; c++) {
        sum += m[row + c];
      }
      v[o + r] = sum / f;
    }
  }

  /** MATRIX_ROW_ST_DEV: the population standard deviation of each row. */
  static void matrixRowStDev(double[] m, int a, double[] v, int o, int f) {
    for (int r = 0; r < f; r++) {
      final int row = a + r * f;
      double sum = 0;
      double squares = 0;
      for (int c = 0; c < f; c++) {
        final double x = m[row + c];
        sum += x;
        squares += x * x;
      }
      final double mean = sum / f;
      v[o + r] = Math.sqrt(squares / f - mean * mean);
    }
  }

  static double vectorStDev(double[] v, int a, int f) {
    double sum = 0;
    double squares = 0;
    for (int j = 0; j < f; j++) {
      final double x = v[a + j];
      sum += x;
      squares += x * x;
    }
    final double mean = sum / f;
    return Math.sqrt(squares / f - mean * mean);
  }

  static double matrixStDev(double[] m, int a, int f) {
    final int ff = f * f;
    double sum = 0;
    double squares = 0;
    for (int j = 0; j < ff; j++) {
      final double x = m[a + j];
      sum += x;
      squares += x * x;
    }
    final double mean = sum / ff;
    return Math.sqrt(squares / ff - mean * mean);
  }

  /** VECTOR_RELU: max(x, 0) as std::max(x, 0), so NaN stays NaN. */
  static void vectorRelu(double[] v, int a, int o, int f) {
    for (int j = 0; j < f; j++) {
      final double x = v[a + j];
      v[o + j] = x < 0 ? 0.0 : x;
    }
  }
}
