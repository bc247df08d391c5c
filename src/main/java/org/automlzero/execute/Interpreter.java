package org.automlzero.execute;

import org.automlzero.random.Rng;

/**
 * Runs a {@link CompiledAlgorithm} on a {@link Memory}: the op semantics of the reference
 * ({@code executor.h}, semantics page section 2.2) as one indexed loop over a switch.
 *
 * <p>This is the hot loop of the whole search: it allocates nothing, boxes nothing and throws
 * nothing; NaN and infinity flow through as IEEE arithmetic gives them and are caught by early
 * stopping. Every op is alias-safe: ops whose output element depends on more than the same element
 * of its inputs (matrix-vector and matrix-matrix products, transpose) never read what they have
 * already written.
 *
 * <p>A whole training epoch or validation pass runs in one call of {@link #pass}: the control
 * instructions that close Predict and Learn ({@link #PREDICT_END}, {@link #LEARN_END}) check the
 * prediction and move to the next example inside the loop, so the loop never returns between
 * examples. The pass's state (examples, position, loss) lives in this object's fields.
 *
 * <p>Mutable and not thread-safe: one per worker, owned by an {@link Executor}.
 */
public final class Interpreter {
  /** Closes Predict: check (train) or score (validation) the prediction in s1. */
  static final int PREDICT_END = 100;
  /** Closes Learn: go on with the next training example. */
  static final int LEARN_END = 101;

  // The state of the current pass, set by the executor.
  Rng rng;
  boolean validating;
  boolean accuracy;
  double maxAbsError;
  double[] features;
  double[] labels;
  /** The order of the training examples; validation runs in dataset order. */
  int[] order;
  int step;
  int steps;
  /** The example of the current step. */
  int example;
  double loss;
  /** True when the pass ended on a NaN or too large error rather than after its last step. */
  boolean stopped;
  long trainSteps;
  ErrorRecord record;

  private final Memory memory;

  Interpreter(Memory memory) {
    this.memory = memory;
  }

  Memory memory() {
    return memory;
  }

  /** Runs instructions {@code [from, to)} of {@code p} (no control instructions among them). */
  public static void run(CompiledAlgorithm p, int from, int to, Memory memory, Rng rng) {
    Interpreter interpreter = new Interpreter(memory);
    interpreter.rng = rng;
    interpreter.execute(p, from, to);
  }

  /**
   * Runs {@code steps} examples from the current features: Predict (and Learn when training) for
   * each, starting at step 0 with its example already loaded into v0 and s0 cleared.
   */
  void pass(CompiledAlgorithm p) {
    stopped = false;
    execute(p, p.setupEnd, Integer.MAX_VALUE);
  }

  /** Loads example {@code example} of the pass into v0 and clears s0 (labels are hidden in Predict). */
  void load(int example) {
    final int f = memory.featuresSize;
    final double[] v = memory.vectors;
    final double[] x = features;
    final int from = example * f;
    for (int j = 0; j < f; j++) {
      v[j] = x[from + j];
    }
    memory.scalars[0] = 0.0;
    this.example = example;
  }

  void execute(CompiledAlgorithm p, int from, int to) {
    final Rng rng = this.rng;
    final int[] code = p.code;
    final double[] constants = p.constants;
    final double[] s = memory.scalars;
    final double[] v = memory.vectors;
    final double[] m = memory.matrices;
    final double[] t = memory.scratch;
    final int f = memory.featuresSize;
    final int ff = f * f;
    for (int i = from; i < to; i++) {
      final int pc = i << 2;
      final int a = code[pc + 1];
      final int b = code[pc + 2];
      final int o = code[pc + 3];
      switch (code[pc]) {
        case 1 -> s[o] = s[a] + s[b]; // SCALAR_SUM
        case 2 -> s[o] = s[a] - s[b]; // SCALAR_DIFF
        case 3 -> s[o] = s[a] * s[b]; // SCALAR_PRODUCT
        case 4 -> s[o] = s[a] / s[b]; // SCALAR_DIVISION
        case 5 -> s[o] = Math.abs(s[a]); // SCALAR_ABS
        case 6 -> s[o] = 1.0 / s[a]; // SCALAR_RECIPROCAL
        case 7 -> s[o] = Math.sin(s[a]); // SCALAR_SIN
        case 8 -> s[o] = Math.cos(s[a]); // SCALAR_COS
        case 9 -> s[o] = Math.tan(s[a]); // SCALAR_TAN
        case 10 -> s[o] = Math.asin(s[a]); // SCALAR_ARCSIN
        case 11 -> s[o] = Math.acos(s[a]); // SCALAR_ARCCOS
        case 12 -> s[o] = Math.atan(s[a]); // SCALAR_ARCTAN
        case 13 -> s[o] = Math.exp(s[a]); // SCALAR_EXP
        case 14 -> s[o] = Math.log(s[a]); // SCALAR_LOG
        case 15 -> s[o] = s[a] >= 0 ? 1.0 : 0.0; // SCALAR_HEAVYSIDE: 1 at 0
        case 16 -> { // VECTOR_HEAVYSIDE: 0 at 0
          for (int j = 0; j < f; j++) {
            v[o + j] = v[a + j] > 0 ? 1.0 : 0.0;
          }
        }
        case 17 -> { // MATRIX_HEAVYSIDE: 0 at 0
          for (int j = 0; j < ff; j++) {
            m[o + j] = m[a + j] > 0 ? 1.0 : 0.0;
          }
        }
        case 18 -> { // SCALAR_VECTOR_PRODUCT
          final double x = s[a];
          for (int j = 0; j < f; j++) {
            v[o + j] = v[b + j] * x;
          }
        }
        case 19 -> { // SCALAR_BROADCAST
          final double x = s[a];
          for (int j = 0; j < f; j++) {
            v[o + j] = x;
          }
        }
        case 20 -> { // VECTOR_RECIPROCAL
          for (int j = 0; j < f; j++) {
            v[o + j] = 1.0 / v[a + j];
          }
        }
        case 21 -> { // VECTOR_NORM
          double sum = 0;
          for (int j = 0; j < f; j++) {
            sum += v[a + j] * v[a + j];
          }
          s[o] = Math.sqrt(sum);
        }
        case 22 -> { // VECTOR_ABS
          for (int j = 0; j < f; j++) {
            v[o + j] = Math.abs(v[a + j]);
          }
        }
        case 23 -> { // VECTOR_SUM
          for (int j = 0; j < f; j++) {
            v[o + j] = v[a + j] + v[b + j];
          }
        }
        case 24 -> { // VECTOR_DIFF
          for (int j = 0; j < f; j++) {
            v[o + j] = v[a + j] - v[b + j];
          }
        }
        case 25 -> { // VECTOR_PRODUCT
          for (int j = 0; j < f; j++) {
            v[o + j] = v[a + j] * v[b + j];
          }
        }
        case 26 -> { // VECTOR_DIVISION
          for (int j = 0; j < f; j++) {
            v[o + j] = v[a + j] / v[b + j];
          }
        }
        case 27 -> { // VECTOR_INNER_PRODUCT
          double sum = 0;
          for (int j = 0; j < f; j++) {
            sum += v[a + j] * v[b + j];
          }
          s[o] = sum;
        }
        case 28 -> { // VECTOR_OUTER_PRODUCT: M(r, c) = a(r) b(c)
          for (int r = 0; r < f; r++) {
            final double x = v[a + r];
            final int row = o + r * f;
            for (int c = 0; c < f; c++) {
              m[row + c] = x * v[b + c];
            }
          }
        }
        case 29 -> { // SCALAR_MATRIX_PRODUCT
          final double x = s[a];
          for (int j = 0; j < ff; j++) {
            m[o + j] = m[b + j] * x;
          }
        }
        case 30 -> { // MATRIX_RECIPROCAL
          for (int j = 0; j < ff; j++) {
            m[o + j] = 1.0 / m[a + j];
          }
        }
        case 31 -> { // MATRIX_VECTOR_PRODUCT: into scratch, since out may be the input vector
          for (int r = 0; r < f; r++) {
            final int row = a + r * f;
            double sum = 0;
            for (int c = 0; c < f; c++) {
              sum += m[row + c] * v[b + c];
            }
            t[r] = sum;
          }
          System.arraycopy(t, 0, v, o, f);
        }
        case 32 -> { // VECTOR_COLUMN_BROADCAST: every column is the vector, M(r, c) = v(r)
          for (int r = 0; r < f; r++) {
            final double x = v[a + r];
            final int row = o + r * f;
            for (int c = 0; c < f; c++) {
              m[row + c] = x;
            }
          }
        }
        case 33 -> { // VECTOR_ROW_BROADCAST: every row is the vector, M(r, c) = v(c)
          for (int r = 0; r < f; r++) {
            System.arraycopy(v, a, m, o + r * f, f);
          }
        }
        case 34 -> { // MATRIX_NORM (Frobenius)
          double sum = 0;
          for (int j = 0; j < ff; j++) {
            sum += m[a + j] * m[a + j];
          }
          s[o] = Math.sqrt(sum);
        }
        case 35 -> { // MATRIX_COLUMN_NORM
          for (int c = 0; c < f; c++) {
            double sum = 0;
            for (int r = 0; r < f; r++) {
              final double x = m[a + r * f + c];
              sum += x * x;
            }
            v[o + c] = Math.sqrt(sum);
          }
        }
        case 36 -> { // MATRIX_ROW_NORM
          for (int r = 0; r < f; r++) {
            final int row = a + r * f;
            double sum = 0;
            for (int c = 0; c < f; c++) {
              sum += m[row + c] * m[row + c];
            }
            v[o + r] = Math.sqrt(sum);
          }
        }
        case 37 -> { // MATRIX_TRANSPOSE, in place when out == in
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
        case 38 -> { // MATRIX_ABS
          for (int j = 0; j < ff; j++) {
            m[o + j] = Math.abs(m[a + j]);
          }
        }
        case 39 -> { // MATRIX_SUM
          for (int j = 0; j < ff; j++) {
            m[o + j] = m[a + j] + m[b + j];
          }
        }
        case 40 -> { // MATRIX_DIFF
          for (int j = 0; j < ff; j++) {
            m[o + j] = m[a + j] - m[b + j];
          }
        }
        case 41 -> { // MATRIX_PRODUCT (elementwise)
          for (int j = 0; j < ff; j++) {
            m[o + j] = m[a + j] * m[b + j];
          }
        }
        case 42 -> { // MATRIX_DIVISION
          for (int j = 0; j < ff; j++) {
            m[o + j] = m[a + j] / m[b + j];
          }
        }
        case 43 -> { // MATRIX_MATRIX_PRODUCT: into scratch, since out may be either input
          for (int j = 0; j < ff; j++) {
            t[j] = 0;
          }
          for (int r = 0; r < f; r++) {
            for (int k = 0; k < f; k++) {
              final double x = m[a + r * f + k];
              final int rowB = b + k * f;
              final int rowT = r * f;
              for (int c = 0; c < f; c++) {
                t[rowT + c] += x * m[rowB + c];
              }
            }
          }
          System.arraycopy(t, 0, m, o, ff);
        }
        case 44 -> { // SCALAR_MIN as std::min(a, b)
          final double x = s[a];
          final double y = s[b];
          s[o] = y < x ? y : x;
        }
        case 45 -> { // VECTOR_MIN as Eigen's array min, std::min per entry
          for (int j = 0; j < f; j++) {
            final double x = v[a + j];
            final double y = v[b + j];
            v[o + j] = y < x ? y : x;
          }
        }
        case 46 -> { // MATRIX_MIN: a < b ? a : b
          for (int j = 0; j < ff; j++) {
            final double x = m[a + j];
            final double y = m[b + j];
            m[o + j] = x < y ? x : y;
          }
        }
        case 47 -> { // SCALAR_MAX as std::max(a, b)
          final double x = s[a];
          final double y = s[b];
          s[o] = x < y ? y : x;
        }
        case 48 -> { // VECTOR_MAX as Eigen's array max, std::max per entry
          for (int j = 0; j < f; j++) {
            final double x = v[a + j];
            final double y = v[b + j];
            v[o + j] = x < y ? y : x;
          }
        }
        case 49 -> { // MATRIX_MAX: a > b ? a : b
          for (int j = 0; j < ff; j++) {
            final double x = m[a + j];
            final double y = m[b + j];
            m[o + j] = x > y ? x : y;
          }
        }
        case 50 -> { // VECTOR_MEAN
          double sum = 0;
          for (int j = 0; j < f; j++) {
            sum += v[a + j];
          }
          s[o] = sum / f;
        }
        case 51 -> { // MATRIX_MEAN
          double sum = 0;
          for (int j = 0; j < ff; j++) {
            sum += m[a + j];
          }
          s[o] = sum / ff;
        }
        case 52 -> { // MATRIX_ROW_MEAN
          for (int r = 0; r < f; r++) {
            final int row = a + r * f;
            double sum = 0;
            for (int c = 0; c < f; c++) {
              sum += m[row + c];
            }
            v[o + r] = sum / f;
          }
        }
        case 53 -> { // MATRIX_ROW_ST_DEV: population standard deviation of each row
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
        case 54 -> { // VECTOR_ST_DEV
          double sum = 0;
          double squares = 0;
          for (int j = 0; j < f; j++) {
            final double x = v[a + j];
            sum += x;
            squares += x * x;
          }
          final double mean = sum / f;
          s[o] = Math.sqrt(squares / f - mean * mean);
        }
        case 55 -> { // MATRIX_ST_DEV
          double sum = 0;
          double squares = 0;
          for (int j = 0; j < ff; j++) {
            final double x = m[a + j];
            sum += x;
            squares += x * x;
          }
          final double mean = sum / ff;
          s[o] = Math.sqrt(squares / ff - mean * mean);
        }
        case 56 -> s[o] = constants[2 * i]; // SCALAR_CONST_SET
        case 57 -> v[o] = constants[2 * i]; // VECTOR_CONST_SET: the offset already names the entry
        case 58 -> m[o] = constants[2 * i]; // MATRIX_CONST_SET: the offset already names the entry
        case 59 -> s[o] = uniform(rng, constants[2 * i], constants[2 * i + 1]); // SCALAR_UNIFORM_SET
        case 60 -> { // VECTOR_UNIFORM_SET
          final double lo = constants[2 * i];
          final double hi = constants[2 * i + 1];
          for (int j = 0; j < f; j++) {
            v[o + j] = uniform(rng, lo, hi);
          }
        }
        case 61 -> { // MATRIX_UNIFORM_SET, row by row
          final double lo = constants[2 * i];
          final double hi = constants[2 * i + 1];
          for (int j = 0; j < ff; j++) {
            m[o + j] = uniform(rng, lo, hi);
          }
        }
        case 62 -> s[o] = constants[2 * i] + constants[2 * i + 1] * rng.nextGaussian(); // SCALAR_GAUSSIAN_SET
        case 63 -> { // VECTOR_GAUSSIAN_SET
          final double mean = constants[2 * i];
          final double stdev = constants[2 * i + 1];
          for (int j = 0; j < f; j++) {
            v[o + j] = mean + stdev * rng.nextGaussian();
          }
        }
        case 64 -> { // MATRIX_GAUSSIAN_SET
          final double mean = constants[2 * i];
          final double stdev = constants[2 * i + 1];
          for (int j = 0; j < ff; j++) {
            m[o + j] = mean + stdev * rng.nextGaussian();
          }
        }
        case 65 -> { // VECTOR_RELU: max(x, 0) as std::max(x, 0), so NaN stays NaN
          for (int j = 0; j < f; j++) {
            final double x = v[a + j];
            v[o + j] = x < 0 ? 0.0 : x;
          }
        }
        case PREDICT_END -> {
          if (validating) {
            final double error;
            if (accuracy) {
              final double probability = Executor.sigmoid(s[1]);
              if (probability > 1.0 || probability < 0.0) {
                error = Double.POSITIVE_INFINITY;
              } else {
                // A NaN probability is not > 0.5: it predicts class 0, as in the reference.
                error = (labels[example] > 0.5) == (probability > 0.5) ? 0.0 : 1.0;
              }
              loss += error;
            } else {
              error = labels[example] - s[1];
              loss += error * error;
            }
            final double absError = Math.abs(error);
            if (Double.isNaN(absError) || absError > maxAbsError) {
              stopped = true;
              return;
            }
            if (record != null && record.validCount < ErrorRecord.CAPACITY) {
              record.valid[record.validCount++] = absError;
            }
            if (++step == steps) {
              return;
            }
            load(step);
            i = p.setupEnd - 1;
          } else {
            if (accuracy) {
              s[1] = Executor.sigmoid(s[1]);
            }
            final double label = labels[example];
            final double error = Math.abs(label - s[1]);
            if (Double.isNaN(error) || error > maxAbsError) {
              stopped = true;
              return;
            }
            if (record != null && record.trainCount < ErrorRecord.CAPACITY) {
              record.train[record.trainCount++] = error;
            }
            // v0 is never an output (the compiler checks), so it still holds the features for Learn.
            s[0] = label;
          }
        }
        case LEARN_END -> {
          if (++step == steps) {
            return;
          }
          trainSteps++;
          load(order[step]);
          i = p.setupEnd - 1;
        }
        default -> throw new IllegalStateException("unknown op code " + code[pc]);
      }
    }
  }

  /**
   * absl's {@code Uniform(lo, hi)}: uniform in [lo, hi), and {@code lo} for an empty or inverted range.
   * {@code lo + (hi - lo) u} can round up to {@code hi} for u just below 1 (for [1, 3) with
   * u = 1 - 2^-53, say); absl rejects such a draw, and here it becomes the largest double below hi.
   */
  static double uniform(Rng rng, double lo, double hi) {
    if (!(lo < hi)) {
      return lo;
    }
    final double x = lo + (hi - lo) * rng.nextDouble();
    return x >= hi ? Math.nextDown(hi) : x; // a NaN from an infinite range passes, as in absl
  }
}
