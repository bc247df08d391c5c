package org.automlzero.execute;

import org.automlzero.random.Rng;

/**
 * Runs a {@link CompiledAlgorithm} on a {@link Memory}: the op semantics of the reference
 * ({@code executor.h}, semantics page section 2.2) as one indexed loop over a switch. The scalar
 * ops are written in the switch; the vector and matrix ops are {@link Kernels}, each called with
 * the variable F under its op's code and with F a literal under its codes specialised to F = 2, 4,
 * 8 and 16, which {@link CompiledAlgorithm} chooses once per compilation.
 *
 * <p>This is the hot loop of the whole search: it allocates nothing, boxes nothing and throws
 * nothing; NaN and infinity flow through as IEEE arithmetic gives them and are caught by early
 * stopping. Every op is alias-safe: ops whose output element depends on more than the same element
 * of its inputs (matrix-vector and matrix-matrix products, transpose) never read what they have
 * already written.
 *
 * <p>A whole training epoch or validation pass runs in one call of {@link #pass}: the instruction
 * loop runs Predict's range, then the pass checks the prediction and goes on with Learn's range or
 * the next example, without returning between examples. The instruction loop is a plain counted
 * loop over one range, with the per-example state live only outside it: the JIT keeps the loop
 * counter in a register and spills less around each instruction (the demo search about 19% faster,
 * median of interleaved pairs, than one loop that jumped back at control instructions; the
 * arrays' bounds checks remain).
 * The pass's state (examples, position, loss) lives in this object's fields between calls, and in
 * locals during one.
 *
 * <p>Mutable and not thread-safe: one per worker, owned by an {@link Executor}.
 */
public final class Interpreter {
  /**
   * Added to an op's code, the code of the same op specialised for F = 2, 4, 8 or 16: the kernel
   * runs with F a literal ({@link Kernels}). Op codes of vector and matrix ops lie in [16, 65], so
   * the codes of different sizes never meet.
   */
  static final int F2 = 64;
  static final int F4 = 128;
  static final int F8 = 192;
  static final int F16 = 256;

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

  /** Runs instructions {@code [from, to)} of {@code p} once, on {@code memory}. */
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
    loop(p, p.setupEnd, p.predictEnd, true);
  }

  /** Loads example {@code example} of the pass into v0 and clears s0 (labels are hidden in Predict). */
  void load(int example) {
    final int f = memory.featuresSize;
    Kernels.loadFeatures(features, example * f, memory.vectors, f);
    memory.scalars[0] = 0.0;
    this.example = example;
  }

  void execute(CompiledAlgorithm p, int from, int to) {
    loop(p, from, to, false);
  }

  /**
   * Runs instructions {@code [from, to)}; for a pass, which starts with Predict's range, goes on
   * example after example: at the end of Predict's range the prediction is checked and Learn's range
   * follows (training) or the next example's Predict (validation); at the end of Learn's, the next
   * example's Predict. The instruction loop itself is a plain counted loop over one range.
   */
  // Keep this method under 8,000 bytes of bytecode (javap -c; about 5,700 now): HotSpot never
  // JIT-compiles a larger one (-XX:-DontCompileHugeMethods is not a flag to rely on in clusters).
  private void loop(CompiledAlgorithm p, int from, int to, boolean pass) {
    final Rng rng = this.rng;
    final int[] code = p.code;
    final double[] constants = p.constants;
    final double[] s = memory.scalars;
    final double[] v = memory.vectors;
    final double[] m = memory.matrices;
    final double[] t = memory.scratch;
    final int f = memory.featuresSize;
    final int ff = f * f;
    // The pass's state in locals, written back on the way out: fields would be reloaded around
    // every instruction, since the ops store to arrays the JIT cannot tell apart from them.
    final boolean validating = this.validating;
    final boolean accuracy = this.accuracy;
    final double maxAbsError = this.maxAbsError;
    final double[] features = this.features;
    final double[] labels = this.labels;
    final int[] order = this.order;
    final ErrorRecord record = this.record;
    final int steps = this.steps;
    final int predictFrom = p.setupEnd;
    final int predictTo = p.predictEnd;
    final int learnFrom = p.predictEnd;
    final int learnTo = p.learnEnd;
    boolean inPredict = true;
    int step = this.step;
    int example = this.example;
    double loss = this.loss;
    long trainSteps = this.trainSteps;
    while (true) {
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
          case 44 -> { // SCALAR_MIN as std::min(a, b)
            final double x = s[a];
            final double y = s[b];
            s[o] = y < x ? y : x;
          }
          case 47 -> { // SCALAR_MAX as std::max(a, b)
            final double x = s[a];
            final double y = s[b];
            s[o] = x < y ? y : x;
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
          case 16 -> Kernels.vectorHeaviside(v, a, o, f); // VECTOR_HEAVYSIDE
          case 16 + F2 -> Kernels.vectorHeaviside(v, a, o, 2);
          case 16 + F4 -> Kernels.vectorHeaviside(v, a, o, 4);
          case 16 + F8 -> Kernels.vectorHeaviside(v, a, o, 8);
          case 16 + F16 -> Kernels.vectorHeaviside(v, a, o, 16);
          case 17 -> Kernels.matrixHeaviside(m, a, o, f); // MATRIX_HEAVYSIDE
          case 17 + F2 -> Kernels.matrixHeaviside(m, a, o, 2);
          case 17 + F4 -> Kernels.matrixHeaviside(m, a, o, 4);
          case 17 + F8 -> Kernels.matrixHeaviside(m, a, o, 8);
          case 17 + F16 -> Kernels.matrixHeaviside(m, a, o, 16);
          case 18 -> Kernels.scalarVectorProduct(s[a], v, b, o, f); // SCALAR_VECTOR_PRODUCT
          case 18 + F2 -> Kernels.scalarVectorProduct(s[a], v, b, o, 2);
          case 18 + F4 -> Kernels.scalarVectorProduct(s[a], v, b, o, 4);
          case 18 + F8 -> Kernels.scalarVectorProduct(s[a], v, b, o, 8);
          case 18 + F16 -> Kernels.scalarVectorProduct(s[a], v, b, o, 16);
          case 19 -> Kernels.scalarBroadcast(s[a], v, o, f); // SCALAR_BROADCAST
          case 19 + F2 -> Kernels.scalarBroadcast(s[a], v, o, 2);
          case 19 + F4 -> Kernels.scalarBroadcast(s[a], v, o, 4);
          case 19 + F8 -> Kernels.scalarBroadcast(s[a], v, o, 8);
          case 19 + F16 -> Kernels.scalarBroadcast(s[a], v, o, 16);
          case 20 -> Kernels.vectorReciprocal(v, a, o, f); // VECTOR_RECIPROCAL
          case 20 + F2 -> Kernels.vectorReciprocal(v, a, o, 2);
          case 20 + F4 -> Kernels.vectorReciprocal(v, a, o, 4);
          case 20 + F8 -> Kernels.vectorReciprocal(v, a, o, 8);
          case 20 + F16 -> Kernels.vectorReciprocal(v, a, o, 16);
          case 21 -> s[o] = Kernels.vectorNorm(v, a, f); // VECTOR_NORM
          case 21 + F2 -> s[o] = Kernels.vectorNorm(v, a, 2);
          case 21 + F4 -> s[o] = Kernels.vectorNorm(v, a, 4);
          case 21 + F8 -> s[o] = Kernels.vectorNorm(v, a, 8);
          case 21 + F16 -> s[o] = Kernels.vectorNorm(v, a, 16);
          case 22 -> Kernels.vectorAbs(v, a, o, f); // VECTOR_ABS
          case 22 + F2 -> Kernels.vectorAbs(v, a, o, 2);
          case 22 + F4 -> Kernels.vectorAbs(v, a, o, 4);
          case 22 + F8 -> Kernels.vectorAbs(v, a, o, 8);
          case 22 + F16 -> Kernels.vectorAbs(v, a, o, 16);
          case 23 -> Kernels.vectorSum(v, a, b, o, f); // VECTOR_SUM
          case 23 + F2 -> Kernels.vectorSum(v, a, b, o, 2);
          case 23 + F4 -> Kernels.vectorSum(v, a, b, o, 4);
          case 23 + F8 -> Kernels.vectorSum(v, a, b, o, 8);
          case 23 + F16 -> Kernels.vectorSum(v, a, b, o, 16);
          case 24 -> Kernels.vectorDiff(v, a, b, o, f); // VECTOR_DIFF
          case 24 + F2 -> Kernels.vectorDiff(v, a, b, o, 2);
          case 24 + F4 -> Kernels.vectorDiff(v, a, b, o, 4);
          case 24 + F8 -> Kernels.vectorDiff(v, a, b, o, 8);
          case 24 + F16 -> Kernels.vectorDiff(v, a, b, o, 16);
          case 25 -> Kernels.vectorProduct(v, a, b, o, f); // VECTOR_PRODUCT
          case 25 + F2 -> Kernels.vectorProduct(v, a, b, o, 2);
          case 25 + F4 -> Kernels.vectorProduct(v, a, b, o, 4);
          case 25 + F8 -> Kernels.vectorProduct(v, a, b, o, 8);
          case 25 + F16 -> Kernels.vectorProduct(v, a, b, o, 16);
          case 26 -> Kernels.vectorDivision(v, a, b, o, f); // VECTOR_DIVISION
          case 26 + F2 -> Kernels.vectorDivision(v, a, b, o, 2);
          case 26 + F4 -> Kernels.vectorDivision(v, a, b, o, 4);
          case 26 + F8 -> Kernels.vectorDivision(v, a, b, o, 8);
          case 26 + F16 -> Kernels.vectorDivision(v, a, b, o, 16);
          case 27 -> s[o] = Kernels.vectorInnerProduct(v, a, b, f); // VECTOR_INNER_PRODUCT
          case 27 + F2 -> s[o] = Kernels.vectorInnerProduct(v, a, b, 2);
          case 27 + F4 -> s[o] = Kernels.vectorInnerProduct(v, a, b, 4);
          case 27 + F8 -> s[o] = Kernels.vectorInnerProduct(v, a, b, 8);
          case 27 + F16 -> s[o] = Kernels.vectorInnerProduct(v, a, b, 16);
          case 28 -> Kernels.vectorOuterProduct(v, a, b, m, o, f); // VECTOR_OUTER_PRODUCT
          case 28 + F2 -> Kernels.vectorOuterProduct(v, a, b, m, o, 2);
          case 28 + F4 -> Kernels.vectorOuterProduct(v, a, b, m, o, 4);
          case 28 + F8 -> Kernels.vectorOuterProduct(v, a, b, m, o, 8);
          case 28 + F16 -> Kernels.vectorOuterProduct(v, a, b, m, o, 16);
          case 29 -> Kernels.scalarMatrixProduct(s[a], m, b, o, f); // SCALAR_MATRIX_PRODUCT
          case 29 + F2 -> Kernels.scalarMatrixProduct(s[a], m, b, o, 2);
          case 29 + F4 -> Kernels.scalarMatrixProduct(s[a], m, b, o, 4);
          case 29 + F8 -> Kernels.scalarMatrixProduct(s[a], m, b, o, 8);
          case 29 + F16 -> Kernels.scalarMatrixProduct(s[a], m, b, o, 16);
          case 30 -> Kernels.matrixReciprocal(m, a, o, f); // MATRIX_RECIPROCAL
          case 30 + F2 -> Kernels.matrixReciprocal(m, a, o, 2);
          case 30 + F4 -> Kernels.matrixReciprocal(m, a, o, 4);
          case 30 + F8 -> Kernels.matrixReciprocal(m, a, o, 8);
          case 30 + F16 -> Kernels.matrixReciprocal(m, a, o, 16);
          case 31 -> Kernels.matrixVectorProduct(m, a, v, b, o, t, f); // MATRIX_VECTOR_PRODUCT
          case 31 + F2 -> Kernels.matrixVectorProduct(m, a, v, b, o, t, 2);
          case 31 + F4 -> Kernels.matrixVectorProduct(m, a, v, b, o, t, 4);
          case 31 + F8 -> Kernels.matrixVectorProduct(m, a, v, b, o, t, 8);
          case 31 + F16 -> Kernels.matrixVectorProduct(m, a, v, b, o, t, 16);
          case 32 -> Kernels.vectorColumnBroadcast(v, a, m, o, f); // VECTOR_COLUMN_BROADCAST
          case 32 + F2 -> Kernels.vectorColumnBroadcast(v, a, m, o, 2);
          case 32 + F4 -> Kernels.vectorColumnBroadcast(v, a, m, o, 4);
          case 32 + F8 -> Kernels.vectorColumnBroadcast(v, a, m, o, 8);
          case 32 + F16 -> Kernels.vectorColumnBroadcast(v, a, m, o, 16);
          case 33 -> Kernels.vectorRowBroadcast(v, a, m, o, f); // VECTOR_ROW_BROADCAST
          case 33 + F2 -> Kernels.vectorRowBroadcast(v, a, m, o, 2);
          case 33 + F4 -> Kernels.vectorRowBroadcast(v, a, m, o, 4);
          case 33 + F8 -> Kernels.vectorRowBroadcast(v, a, m, o, 8);
          case 33 + F16 -> Kernels.vectorRowBroadcast(v, a, m, o, 16);
          case 34 -> s[o] = Kernels.matrixNorm(m, a, f); // MATRIX_NORM
          case 34 + F2 -> s[o] = Kernels.matrixNorm(m, a, 2);
          case 34 + F4 -> s[o] = Kernels.matrixNorm(m, a, 4);
          case 34 + F8 -> s[o] = Kernels.matrixNorm(m, a, 8);
          case 34 + F16 -> s[o] = Kernels.matrixNorm(m, a, 16);
          case 35 -> Kernels.matrixColumnNorm(m, a, v, o, f); // MATRIX_COLUMN_NORM
          case 35 + F2 -> Kernels.matrixColumnNorm(m, a, v, o, 2);
          case 35 + F4 -> Kernels.matrixColumnNorm(m, a, v, o, 4);
          case 35 + F8 -> Kernels.matrixColumnNorm(m, a, v, o, 8);
          case 35 + F16 -> Kernels.matrixColumnNorm(m, a, v, o, 16);
          case 36 -> Kernels.matrixRowNorm(m, a, v, o, f); // MATRIX_ROW_NORM
          case 36 + F2 -> Kernels.matrixRowNorm(m, a, v, o, 2);
          case 36 + F4 -> Kernels.matrixRowNorm(m, a, v, o, 4);
          case 36 + F8 -> Kernels.matrixRowNorm(m, a, v, o, 8);
          case 36 + F16 -> Kernels.matrixRowNorm(m, a, v, o, 16);
          case 37 -> Kernels.matrixTranspose(m, a, o, f); // MATRIX_TRANSPOSE
          case 37 + F2 -> Kernels.matrixTranspose(m, a, o, 2);
          case 37 + F4 -> Kernels.matrixTranspose(m, a, o, 4);
          case 37 + F8 -> Kernels.matrixTranspose(m, a, o, 8);
          case 37 + F16 -> Kernels.matrixTranspose(m, a, o, 16);
          case 38 -> Kernels.matrixAbs(m, a, o, f); // MATRIX_ABS
          case 38 + F2 -> Kernels.matrixAbs(m, a, o, 2);
          case 38 + F4 -> Kernels.matrixAbs(m, a, o, 4);
          case 38 + F8 -> Kernels.matrixAbs(m, a, o, 8);
          case 38 + F16 -> Kernels.matrixAbs(m, a, o, 16);
          case 39 -> Kernels.matrixSum(m, a, b, o, f); // MATRIX_SUM
          case 39 + F2 -> Kernels.matrixSum(m, a, b, o, 2);
          case 39 + F4 -> Kernels.matrixSum(m, a, b, o, 4);
          case 39 + F8 -> Kernels.matrixSum(m, a, b, o, 8);
          case 39 + F16 -> Kernels.matrixSum(m, a, b, o, 16);
          case 40 -> Kernels.matrixDiff(m, a, b, o, f); // MATRIX_DIFF
          case 40 + F2 -> Kernels.matrixDiff(m, a, b, o, 2);
          case 40 + F4 -> Kernels.matrixDiff(m, a, b, o, 4);
          case 40 + F8 -> Kernels.matrixDiff(m, a, b, o, 8);
          case 40 + F16 -> Kernels.matrixDiff(m, a, b, o, 16);
          case 41 -> Kernels.matrixProduct(m, a, b, o, f); // MATRIX_PRODUCT
          case 41 + F2 -> Kernels.matrixProduct(m, a, b, o, 2);
          case 41 + F4 -> Kernels.matrixProduct(m, a, b, o, 4);
          case 41 + F8 -> Kernels.matrixProduct(m, a, b, o, 8);
          case 41 + F16 -> Kernels.matrixProduct(m, a, b, o, 16);
          case 42 -> Kernels.matrixDivision(m, a, b, o, f); // MATRIX_DIVISION
          case 42 + F2 -> Kernels.matrixDivision(m, a, b, o, 2);
          case 42 + F4 -> Kernels.matrixDivision(m, a, b, o, 4);
          case 42 + F8 -> Kernels.matrixDivision(m, a, b, o, 8);
          case 42 + F16 -> Kernels.matrixDivision(m, a, b, o, 16);
          case 43 -> Kernels.matrixMatrixProduct(m, a, b, o, t, f); // MATRIX_MATRIX_PRODUCT
          case 43 + F2 -> Kernels.matrixMatrixProduct(m, a, b, o, t, 2);
          case 43 + F4 -> Kernels.matrixMatrixProduct(m, a, b, o, t, 4);
          case 43 + F8 -> Kernels.matrixMatrixProduct(m, a, b, o, t, 8);
          case 43 + F16 -> Kernels.matrixMatrixProduct(m, a, b, o, t, 16);
          case 45 -> Kernels.vectorMin(v, a, b, o, f); // VECTOR_MIN
          case 45 + F2 -> Kernels.vectorMin(v, a, b, o, 2);
          case 45 + F4 -> Kernels.vectorMin(v, a, b, o, 4);
          case 45 + F8 -> Kernels.vectorMin(v, a, b, o, 8);
          case 45 + F16 -> Kernels.vectorMin(v, a, b, o, 16);
          case 46 -> Kernels.matrixMin(m, a, b, o, f); // MATRIX_MIN
          case 46 + F2 -> Kernels.matrixMin(m, a, b, o, 2);
          case 46 + F4 -> Kernels.matrixMin(m, a, b, o, 4);
          case 46 + F8 -> Kernels.matrixMin(m, a, b, o, 8);
          case 46 + F16 -> Kernels.matrixMin(m, a, b, o, 16);
          case 48 -> Kernels.vectorMax(v, a, b, o, f); // VECTOR_MAX
          case 48 + F2 -> Kernels.vectorMax(v, a, b, o, 2);
          case 48 + F4 -> Kernels.vectorMax(v, a, b, o, 4);
          case 48 + F8 -> Kernels.vectorMax(v, a, b, o, 8);
          case 48 + F16 -> Kernels.vectorMax(v, a, b, o, 16);
          case 49 -> Kernels.matrixMax(m, a, b, o, f); // MATRIX_MAX
          case 49 + F2 -> Kernels.matrixMax(m, a, b, o, 2);
          case 49 + F4 -> Kernels.matrixMax(m, a, b, o, 4);
          case 49 + F8 -> Kernels.matrixMax(m, a, b, o, 8);
          case 49 + F16 -> Kernels.matrixMax(m, a, b, o, 16);
          case 50 -> s[o] = Kernels.vectorMean(v, a, f); // VECTOR_MEAN
          case 50 + F2 -> s[o] = Kernels.vectorMean(v, a, 2);
          case 50 + F4 -> s[o] = Kernels.vectorMean(v, a, 4);
          case 50 + F8 -> s[o] = Kernels.vectorMean(v, a, 8);
          case 50 + F16 -> s[o] = Kernels.vectorMean(v, a, 16);
          case 51 -> s[o] = Kernels.matrixMean(m, a, f); // MATRIX_MEAN
          case 51 + F2 -> s[o] = Kernels.matrixMean(m, a, 2);
          case 51 + F4 -> s[o] = Kernels.matrixMean(m, a, 4);
          case 51 + F8 -> s[o] = Kernels.matrixMean(m, a, 8);
          case 51 + F16 -> s[o] = Kernels.matrixMean(m, a, 16);
          case 52 -> Kernels.matrixRowMean(m, a, v, o, f); // MATRIX_ROW_MEAN
          case 52 + F2 -> Kernels.matrixRowMean(m, a, v, o, 2);
          case 52 + F4 -> Kernels.matrixRowMean(m, a, v, o, 4);
          case 52 + F8 -> Kernels.matrixRowMean(m, a, v, o, 8);
          case 52 + F16 -> Kernels.matrixRowMean(m, a, v, o, 16);
          case 53 -> Kernels.matrixRowStDev(m, a, v, o, f); // MATRIX_ROW_ST_DEV
          case 53 + F2 -> Kernels.matrixRowStDev(m, a, v, o, 2);
          case 53 + F4 -> Kernels.matrixRowStDev(m, a, v, o, 4);
          case 53 + F8 -> Kernels.matrixRowStDev(m, a, v, o, 8);
          case 53 + F16 -> Kernels.matrixRowStDev(m, a, v, o, 16);
          case 54 -> s[o] = Kernels.vectorStDev(v, a, f); // VECTOR_ST_DEV
          case 54 + F2 -> s[o] = Kernels.vectorStDev(v, a, 2);
          case 54 + F4 -> s[o] = Kernels.vectorStDev(v, a, 4);
          case 54 + F8 -> s[o] = Kernels.vectorStDev(v, a, 8);
          case 54 + F16 -> s[o] = Kernels.vectorStDev(v, a, 16);
          case 55 -> s[o] = Kernels.matrixStDev(m, a, f); // MATRIX_ST_DEV
          case 55 + F2 -> s[o] = Kernels.matrixStDev(m, a, 2);
          case 55 + F4 -> s[o] = Kernels.matrixStDev(m, a, 4);
          case 55 + F8 -> s[o] = Kernels.matrixStDev(m, a, 8);
          case 55 + F16 -> s[o] = Kernels.matrixStDev(m, a, 16);
          case 65 -> Kernels.vectorRelu(v, a, o, f); // VECTOR_RELU
          case 65 + F2 -> Kernels.vectorRelu(v, a, o, 2);
          case 65 + F4 -> Kernels.vectorRelu(v, a, o, 4);
          case 65 + F8 -> Kernels.vectorRelu(v, a, o, 8);
          case 65 + F16 -> Kernels.vectorRelu(v, a, o, 16);

          default -> throw new IllegalStateException("unknown op code " + code[pc]);
        }
      }
      if (!pass) {
        break;
      }
      if (inPredict) { // the end of Predict: check (train) or score (validation) the prediction in s1
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
            break;
          }
          if (record != null && record.validCount < ErrorRecord.CAPACITY) {
            record.valid[record.validCount++] = absError;
          }
          if (++step == steps) {
            break;
          }
          example = step;
          Kernels.loadFeatures(features, example * f, v, f);
          s[0] = 0.0;
        } else {
          if (accuracy) {
            s[1] = Executor.sigmoid(s[1]);
          }
          final double label = labels[example];
          final double error = Math.abs(label - s[1]);
          if (Double.isNaN(error) || error > maxAbsError) {
            stopped = true;
            break;
          }
          if (record != null && record.trainCount < ErrorRecord.CAPACITY) {
            record.train[record.trainCount++] = error;
          }
          // v0 is never an output (the compiler checks), so it still holds the features for Learn.
          s[0] = label;
          from = learnFrom;
          to = learnTo;
          inPredict = false;
        }
      } else { // the end of Learn: the next training example
        if (++step == steps) {
          break;
        }
        trainSteps++;
        example = order[step];
        Kernels.loadFeatures(features, example * f, v, f);
        s[0] = 0.0;
        from = predictFrom;
        to = predictTo;
        inPredict = true;
      }
    }
    this.step = step;
    this.example = example;
    this.loss = loss;
    this.trainSteps = trainSteps;
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
