package org.automlzero.execute;

/**
 * The vector and matrix ops of the interpreter, one static method each, over the flat array of a
 * {@link Memory}: {@code a}, {@code b} and {@code o} are the offsets of the inputs and of the output
 * ({@link CompiledAlgorithm}'s), {@code t} that of the scratch area, {@code f} the features size F. Semantics
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
 * read what they have already written; the products compute into the scratch area first. Stateless
 * and allocation-free; thread-safe as long as callers do not share the arrays.
 */
final class Kernels {
  private Kernels() {}

  /** Copies example features {@code [from, from + f)} of {@code features} into v0, at {@code v0}. */
  static void loadFeatures(double[] features, int from, double[] mem, int v0, int f) {
    // The one place where the size is chosen at run time, once per example, not per instruction.
    switch (f) {
      case 2 -> copy(features, from, mem, v0, 2);
      case 4 -> copy(features, from, mem, v0, 4);
      case 8 -> copy(features, from, mem, v0, 8);
      case 16 -> copy(features, from, mem, v0, 16);
      default -> copy(features, from, mem, v0, f);
    }
  }

  private static void copy(double[] features, int from, double[] mem, int v0, int f) {
    for (int j = 0; j < f; j++) {
      mem[v0 + j] = features[from + j];
    }
  }

  /** VECTOR_HEAVYSIDE: 0 at 0. */
  static void vectorHeaviside(double[] mem, int a, int o, int f) {
    for (int j = 0; j < f; j++) {
      mem[o + j] = mem[a + j] > 0 ? 1.0 : 0.0;
    }
  }

  /** MATRIX_HEAVYSIDE: 0 at 0. */
  static void matrixHeaviside(double[] mem, int a, int o, int f) {
    final int ff = f * f;
    for (int j = 0; j < ff; j++) {
      mem[o + j] = mem[a + j] > 0 ? 1.0 : 0.0;
    }
  }

  /** SCALAR_VECTOR_PRODUCT, {@code x} being the scalar input. */
  static void scalarVectorProduct(double x, double[] mem, int b, int o, int f) {
    for (int j = 0; j < f; j++) {
      mem[o + j] = mem[b + j] * x;
    }
  }

  /** SCALAR_BROADCAST. */
  static void scalarBroadcast(double x, double[] mem, int o, int f) {
    for (int j = 0; j < f; j++) {
      mem[o + j] = x;
    }
  }

  static void vectorReciprocal(double[] mem, int a, int o, int f) {
    for (int j = 0; j < f; j++) {
      mem[o + j] = 1.0 / mem[a + j];
    }
  }

  static double vectorNorm(double[] mem, int a, int f) {
    double sum = 0;
    for (int j = 0; j < f; j++) {
      sum += mem[a + j] * mem[a + j];
    }
    return Math.sqrt(sum);
  }

  static void vectorAbs(double[] mem, int a, int o, int f) {
    for (int j = 0; j < f; j++) {
      mem[o + j] = Math.abs(mem[a + j]);
    }
  }

  static void vectorSum(double[] mem, int a, int b, int o, int f) {
    for (int j = 0; j < f; j++) {
      mem[o + j] = mem[a + j] + mem[b + j];
    }
  }

  static void vectorDiff(double[] mem, int a, int b, int o, int f) {
    for (int j = 0; j < f; j++) {
      mem[o + j] = mem[a + j] - mem[b + j];
    }
  }

  static void vectorProduct(double[] mem, int a, int b, int o, int f) {
    for (int j = 0; j < f; j++) {
      mem[o + j] = mem[a + j] * mem[b + j];
    }
  }

  static void vectorDivision(double[] mem, int a, int b, int o, int f) {
    for (int j = 0; j < f; j++) {
      mem[o + j] = mem[a + j] / mem[b + j];
    }
  }

  static double vectorInnerProduct(double[] mem, int a, int b, int f) {
    double sum = 0;
    for (int j = 0; j < f; j++) {
      sum += mem[a + j] * mem[b + j];
    }
    return sum;
  }

  /** VECTOR_OUTER_PRODUCT: M(r, c) = a(r) b(c). */
  static void vectorOuterProduct(double[] mem, int a, int b, int o, int f) {
    for (int r = 0; r < f; r++) {
      final double x = mem[a + r];
      final int row = o + r * f;
      for (int c = 0; c < f; c++) {
        mem[row + c] = x * mem[b + c];
      }
    }
  }

  /** SCALAR_MATRIX_PRODUCT, {@code x} being the scalar input. */
  static void scalarMatrixProduct(double x, double[] mem, int b, int o, int f) {
    final int ff = f * f;
    for (int j = 0; j < ff; j++) {
      mem[o + j] = mem[b + j] * x;
    }
  }

  static void matrixReciprocal(double[] mem, int a, int o, int f) {
    final int ff = f * f;
    for (int j = 0; j < ff; j++) {
      mem[o + j] = 1.0 / mem[a + j];
    }
  }

  /** MATRIX_VECTOR_PRODUCT: into scratch, since the output may be the input vector. */
  static void matrixVectorProduct(double[] mem, int a, int b, int o, int t, int f) {
    for (int r = 0; r < f; r++) {
      final int row = a + r * f;
      double sum = 0;
      for (int c = 0; c < f; c++) {
        sum += mem[row + c] * mem[b + c];
      }
      mem[t + r] = sum;
    }
    System.arraycopy(mem, t, mem, o, f);
  }

  /** VECTOR_COLUMN_BROADCAST: every column is the vector, M(r, c) = v(r). */
  static void vectorColumnBroadcast(double[] mem, int a, int o, int f) {
    for (int r = 0; r < f; r++) {
      final double x = mem[a + r];
      final int row = o + r * f;
      for (int c = 0; c < f; c++) {
        mem[row + c] = x;
      }
    }
  }

  /** VECTOR_ROW_BROADCAST: every row is the vector, M(r, c) = v(c). */
  static void vectorRowBroadcast(double[] mem, int a, int o, int f) {
    for (int r = 0; r < f; r++) {
      System.arraycopy(mem, a, mem, o + r * f, f);
    }
  }

  /** MATRIX_NORM (Frobenius). */
  static double matrixNorm(double[] mem, int a, int f) {
    final int ff = f * f;
    double sum = 0;
    for (int j = 0; j < ff; j++) {
      sum += mem[a + j] * mem[a + j];
    }
    return Math.sqrt(sum);
  }

  static void matrixColumnNorm(double[] mem, int a, int o, int f) {
    for (int c = 0; c < f; c++) {
      double sum = 0;
      for (int r = 0; r < f; r++) {
        final double x = mem[a + r * f + c];
        sum += x * x;
      }
      mem[o + c] = Math.sqrt(sum);
    }
  }

  static void matrixRowNorm(double[] mem, int a, int o, int f) {
    for (int r = 0; r < f; r++) {
      final int row = a + r * f;
      double sum = 0;
      for (int c = 0; c < f; c++) {
        sum += mem[row + c] * mem[row + c];
      }
      mem[o + r] = Math.sqrt(sum);
    }
  }

  /** MATRIX_TRANSPOSE, in place when out == in. */
  static void matrixTranspose(double[] mem, int a, int o, int f) {
    if (o == a) {
      for (int r = 0; r < f; r++) {
        for (int c = r + 1; c < f; c++) {
          final double x = mem[o + r * f + c];
          mem[o + r * f + c] = mem[o + c * f + r];
          mem[o + c * f + r] = x;
        }
      }
    } else {
      for (int r = 0; r < f; r++) {
        for (int c = 0; c < f; c++) {
          mem[o + r * f + c] = mem[a + c * f + r];
        }
      }
    }
  }

  static void matrixAbs(double[] mem, int a, int o, int f) {
    final int ff = f * f;
    for (int j = 0; j < ff; j++) {
      mem[o + j] = Math.abs(mem[a + j]);
    }
  }

  static void matrixSum(double[] mem, int a, int b, int o, int f) {
    final int ff = f * f;
    for (int j = 0; j < ff; j++) {
      mem[o + j] = mem[a + j] + mem[b + j];
    }
  }

  static void matrixDiff(double[] mem, int a, int b, int o, int f) {
    final int ff = f * f;
    for (int j = 0; j < ff; j++) {
      mem[o + j] = mem[a + j] - mem[b + j];
    }
  }

  /** MATRIX_PRODUCT: elementwise. */
  static void matrixProduct(double[] mem, int a, int b, int o, int f) {
    final int ff = f * f;
    for (int j = 0; j < ff; j++) {
      mem[o + j] = mem[a + j] * mem[b + j];
    }
  }

  static void matrixDivision(double[] mem, int a, int b, int o, int f) {
    final int ff = f * f;
    for (int j = 0; j < ff; j++) {
      mem[o + j] = mem[a + j] / mem[b + j];
    }
  }

  /** MATRIX_MATRIX_PRODUCT: into scratch, since the output may be either input. */
  static void matrixMatrixProduct(double[] mem, int a, int b, int o, int t, int f) {
    final int ff = f * f;
    for (int j = 0; j < ff; j++) {
      mem[t + j] = 0;
    }
    for (int r = 0; r < f; r++) {
      for (int k = 0; k < f; k++) {
        final double x = mem[a + r * f + k];
        final int rowB = b + k * f;
        final int rowT = r * f;
        for (int c = 0; c < f; c++) {
          mem[t + rowT + c] += x * mem[rowB + c];
        }
      }
    }
    System.arraycopy(mem, t, mem, o, ff);
  }

  /** VECTOR_MIN as Eigen's array min, std::min per entry. */
  static void vectorMin(double[] mem, int a, int b, int o, int f) {
    for (int j = 0; j < f; j++) {
      final double x = mem[a + j];
      final double y = mem[b + j];
      mem[o + j] = y < x ? y : x;
    }
  }

  /** MATRIX_MIN: a < b ? a : b. */
  static void matrixMin(double[] mem, int a, int b, int o, int f) {
    final int ff = f * f;
    for (int j = 0; j < ff; j++) {
      final double x = mem[a + j];
      final double y = mem[b + j];
      mem[o + j] = x < y ? x : y;
    }
  }

  /** VECTOR_MAX as Eigen's array max, std::max per entry. */
  static void vectorMax(double[] mem, int a, int b, int o, int f) {
    for (int j = 0; j < f; j++) {
      final double x = mem[a + j];
      final double y = mem[b + j];
      mem[o + j] = x < y ? y : x;
    }
  }

  /** MATRIX_MAX: a > b ? a : b. */
  static void matrixMax(double[] mem, int a, int b, int o, int f) {
    final int ff = f * f;
    for (int j = 0; j < ff; j++) {
      final double x = mem[a + j];
      final double y = mem[b + j];
      mem[o + j] = x > y ? x : y;
    }
  }

  static double vectorMean(double[] mem, int a, int f) {
    double sum = 0;
    for (int j = 0; j < f; j++) {
      sum += mem[a + j];
    }
    return sum / f;
  }

  static double matrixMean(double[] mem, int a, int f) {
    final int ff = f * f;
    double sum = 0;
    for (int j = 0; j < ff; j++) {
      sum += mem[a + j];
    }
    return sum / ff;
  }

  static void matrixRowMean(double[] mem, int a, int o, int f) {
    for (int r = 0; r < f; r++) {
      final int row = a + r * f;
      double sum = 0;
      for (int c = 0; c < f; c++) {
        sum += mem[row + c];
      }
      mem[o + r] = sum / f;
    }
  }

  /** MATRIX_ROW_ST_DEV: the population standard deviation of each row. */
  static void matrixRowStDev(double[] mem, int a, int o, int f) {
    for (int r = 0; r < f; r++) {
      final int row = a + r * f;
      double sum = 0;
      double squares = 0;
      for (int c = 0; c < f; c++) {
        final double x = mem[row + c];
        sum += x;
        squares += x * x;
      }
      final double mean = sum / f;
      mem[o + r] = Math.sqrt(squares / f - mean * mean);
    }
  }

  static double vectorStDev(double[] mem, int a, int f) {
    double sum = 0;
    double squares = 0;
    for (int j = 0; j < f; j++) {
      final double x = mem[a + j];
      sum += x;
      squares += x * x;
    }
    final double mean = sum / f;
    return Math.sqrt(squares / f - mean * mean);
  }

  static double matrixStDev(double[] mem, int a, int f) {
    final int ff = f * f;
    double sum = 0;
    double squares = 0;
    for (int j = 0; j < ff; j++) {
      final double x = mem[a + j];
      sum += x;
      squares += x * x;
    }
    final double mean = sum / ff;
    return Math.sqrt(squares / ff - mean * mean);
  }

  /** VECTOR_RELU: max(x, 0) as std::max(x, 0), so NaN stays NaN. */
  static void vectorRelu(double[] mem, int a, int o, int f) {
    for (int j = 0; j < f; j++) {
      final double x = mem[a + j];
      mem[o + j] = x < 0 ? 0.0 : x;
    }
  }
}
