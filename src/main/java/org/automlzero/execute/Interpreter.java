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
    p.checkFits(memory);
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
    Kernels.loadFeatures(features, example * f, memory.data, memory.vectorBase, f);
    memory.data[0] = 0.0;
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
    final int[] code = p.code;
    final double[] constants = p.constants;
    final double[] mem = memory.data;
    final int v0 = memory.vectorBase;
    final int f = memory.featuresSize;
    // The pass's state in locals, written back on the way out: fields would be reloaded around
    // every instruction, since the ops store to arrays the JIT cannot tell apart from them.
    final boolean validating = this.validating;
    final boolean accuracy = this.accuracy;
    final double maxAbsError = this.maxAbsError;
    final double[] features = this.features;
    final double[] labels = this.labels;
    final int[] order = this.order;
    final int steps = this.steps;
    final int predictFrom = p.setupEnd;
    final int predictTo = p.predictEnd;
    final int learnFrom = p.predictEnd;
    final int learnTo = p.learnEnd;
    boolean inPredict = true;
    int step = this.step;
    int example = this.example;
    double loss = this.loss;
    while (true) {
      for (int i = from; i < to; i++) {
        final int pc = i << 2;
        final int a = code[pc + 1];
        final int b = code[pc + 2];
        final int o = code[pc + 3];
        switch (code[pc]) {
          case 1 -> mem[o] = mem[a] + mem[b]; // SCALAR_SUM
          case 2 -> mem[o] = mem[a] - mem[b]; // SCALAR_DIFF
          case 3 -> mem[o] = mem[a] * mem[b]; // SCALAR_PRODUCT
          case 4 -> mem[o] = mem[a] / mem[b]; // SCALAR_DIVISION
          case 5 -> mem[o] = Math.abs(mem[a]); // SCALAR_ABS
          case 6 -> mem[o] = 1.0 / mem[a]; // SCALAR_RECIPROCAL
          case 7 -> mem[o] = Math.sin(mem[a]); // SCALAR_SIN
          case 8 -> mem[o] = Math.cos(mem[a]); // SCALAR_COS
          case 9 -> mem[o] = Math.tan(mem[a]); // SCALAR_TAN
          case 10 -> mem[o] = Math.asin(mem[a]); // SCALAR_ARCSIN
          case 11 -> mem[o] = Math.acos(mem[a]); // SCALAR_ARCCOS
          case 12 -> mem[o] = Math.atan(mem[a]); // SCALAR_ARCTAN
          case 13 -> mem[o] = Math.exp(mem[a]); // SCALAR_EXP
          case 14 -> mem[o] = Math.log(mem[a]); // SCALAR_LOG
          case 15 -> mem[o] = mem[a] >= 0 ? 1.0 : 0.0; // SCALAR_HEAVYSIDE: 1 at 0
          case 44 -> { // SCALAR_MIN as std::min(a, b)
            final double x = mem[a];
            final double y = mem[b];
            mem[o] = y < x ? y : x;
          }
          case 47 -> { // SCALAR_MAX as std::max(a, b)
            final double x = mem[a];
            final double y = mem[b];
            mem[o] = x < y ? y : x;
          }
          case 56 -> mem[o] = constants[2 * i]; // SCALAR_CONST_SET
          case 57 -> mem[o] = constants[2 * i]; // VECTOR_CONST_SET: the offset already names the entry
          case 58 -> mem[o] = constants[2 * i]; // MATRIX_CONST_SET: the offset already names the entry
          case 59 -> mem[o] = uniform(this.rng, constants[2 * i], constants[2 * i + 1]); // SCALAR_UNIFORM_SET
          case 60 -> { // VECTOR_UNIFORM_SET
            final double lo = constants[2 * i];
            final double hi = constants[2 * i + 1];
            for (int j = 0; j < f; j++) {
              mem[o + j] = uniform(this.rng, lo, hi);
            }
          }
          case 61 -> { // MATRIX_UNIFORM_SET, row by row
            final double lo = constants[2 * i];
            final double hi = constants[2 * i + 1];
            for (int j = 0, ff = f * f; j < ff; j++) {
              mem[o + j] = uniform(this.rng, lo, hi);
            }
          }
          case 62 -> mem[o] = constants[2 * i] + constants[2 * i + 1] * this.rng.nextGaussian(); // SCALAR_GAUSSIAN_SET
          case 63 -> { // VECTOR_GAUSSIAN_SET
            final double mean = constants[2 * i];
            final double stdev = constants[2 * i + 1];
            for (int j = 0; j < f; j++) {
              mem[o + j] = mean + stdev * this.rng.nextGaussian();
            }
          }
          case 64 -> { // MATRIX_GAUSSIAN_SET
            final double mean = constants[2 * i];
            final double stdev = constants[2 * i + 1];
            for (int j = 0, ff = f * f; j < ff; j++) {
              mem[o + j] = mean + stdev * this.rng.nextGaussian();
            }
          }
          case 16 -> Kernels.vectorHeaviside(mem, a, o, f); // VECTOR_HEAVYSIDE
          case 16 + F2 -> Kernels.vectorHeaviside(mem, a, o, 2);
          case 16 + F4 -> Kernels.vectorHeaviside(mem, a, o, 4);
          case 16 + F8 -> Kernels.vectorHeaviside(mem, a, o, 8);
          case 16 + F16 -> Kernels.vectorHeaviside(mem, a, o, 16);
          case 17 -> Kernels.matrixHeaviside(mem, a, o, f); // MATRIX_HEAVYSIDE
          case 17 + F2 -> Kernels.matrixHeaviside(mem, a, o, 2);
          case 17 + F4 -> Kernels.matrixHeaviside(mem, a, o, 4);
          case 17 + F8 -> Kernels.matrixHeaviside(mem, a, o, 8);
          case 17 + F16 -> Kernels.matrixHeaviside(mem, a, o, 16);
          case 18 -> Kernels.scalarVectorProduct(mem[a], mem, b, o, f); // SCALAR_VECTOR_PRODUCT
          case 18 + F2 -> Kernels.scalarVectorProduct(mem[a], mem, b, o, 2);
          case 18 + F4 -> Kernels.scalarVectorProduct(mem[a], mem, b, o, 4);
          case 18 + F8 -> Kernels.scalarVectorProduct(mem[a], mem, b, o, 8);
          case 18 + F16 -> Kernels.scalarVectorProduct(mem[a], mem, b, o, 16);
          case 19 -> Kernels.scalarBroadcast(mem[a], mem, o, f); // SCALAR_BROADCAST
          case 19 + F2 -> Kernels.scalarBroadcast(mem[a], mem, o, 2);
          case 19 + F4 -> Kernels.scalarBroadcast(mem[a], mem, o, 4);
          case 19 + F8 -> Kernels.scalarBroadcast(mem[a], mem, o, 8);
          case 19 + F16 -> Kernels.scalarBroadcast(mem[a], mem, o, 16);
          case 20 -> Kernels.vectorReciprocal(mem, a, o, f); // VECTOR_RECIPROCAL
          case 20 + F2 -> Kernels.vectorReciprocal(mem, a, o, 2);
          case 20 + F4 -> Kernels.vectorReciprocal(mem, a, o, 4);
          case 20 + F8 -> Kernels.vectorReciprocal(mem, a, o, 8);
          case 20 + F16 -> Kernels.vectorReciprocal(mem, a, o, 16);
          case 21 -> mem[o] = Kernels.vectorNorm(mem, a, f); // VECTOR_NORM
          case 21 + F2 -> mem[o] = Kernels.vectorNorm(mem, a, 2);
          case 21 + F4 -> mem[o] = Kernels.vectorNorm(mem, a, 4);
          case 21 + F8 -> mem[o] = Kernels.vectorNorm(mem, a, 8);
          case 21 + F16 -> mem[o] = Kernels.vectorNorm(mem, a, 16);
          case 22 -> Kernels.vectorAbs(mem, a, o, f); // VECTOR_ABS
          case 22 + F2 -> Kernels.vectorAbs(mem, a, o, 2);
          case 22 + F4 -> Kernels.vectorAbs(mem, a, o, 4);
          case 22 + F8 -> Kernels.vectorAbs(mem, a, o, 8);
          case 22 + F16 -> Kernels.vectorAbs(mem, a, o, 16);
          case 23 -> Kernels.vectorSum(mem, a, b, o, f); // VECTOR_SUM
          case 23 + F2 -> Kernels.vectorSum(mem, a, b, o, 2);
          case 23 + F4 -> Kernels.vectorSum(mem, a, b, o, 4);
          case 23 + F8 -> Kernels.vectorSum(mem, a, b, o, 8);
          case 23 + F16 -> Kernels.vectorSum(mem, a, b, o, 16);
          case 24 -> Kernels.vectorDiff(mem, a, b, o, f); // VECTOR_DIFF
          case 24 + F2 -> Kernels.vectorDiff(mem, a, b, o, 2);
          case 24 + F4 -> Kernels.vectorDiff(mem, a, b, o, 4);
          case 24 + F8 -> Kernels.vectorDiff(mem, a, b, o, 8);
          case 24 + F16 -> Kernels.vectorDiff(mem, a, b, o, 16);
          case 25 -> Kernels.vectorProduct(mem, a, b, o, f); // VECTOR_PRODUCT
          case 25 + F2 -> Kernels.vectorProduct(mem, a, b, o, 2);
          case 25 + F4 -> Kernels.vectorProduct(mem, a, b, o, 4);
          case 25 + F8 -> Kernels.vectorProduct(mem, a, b, o, 8);
          case 25 + F16 -> Kernels.vectorProduct(mem, a, b, o, 16);
          case 26 -> Kernels.vectorDivision(mem, a, b, o, f); // VECTOR_DIVISION
          case 26 + F2 -> Kernels.vectorDivision(mem, a, b, o, 2);
          case 26 + F4 -> Kernels.vectorDivision(mem, a, b, o, 4);
          case 26 + F8 -> Kernels.vectorDivision(mem, a, b, o, 8);
          case 26 + F16 -> Kernels.vectorDivision(mem, a, b, o, 16);
          case 27 -> mem[o] = Kernels.vectorInnerProduct(mem, a, b, f); // VECTOR_INNER_PRODUCT
          case 27 + F2 -> mem[o] = Kernels.vectorInnerProduct(mem, a, b, 2);
          case 27 + F4 -> mem[o] = Kernels.vectorInnerProduct(mem, a, b, 4);
          case 27 + F8 -> mem[o] = Kernels.vectorInnerProduct(mem, a, b, 8);
          case 27 + F16 -> mem[o] = Kernels.vectorInnerProduct(mem, a, b, 16);
          case 28 -> Kernels.vectorOuterProduct(mem, a, b, o, f); // VECTOR_OUTER_PRODUCT
          case 28 + F2 -> Kernels.vectorOuterProduct(mem, a, b, o, 2);
          case 28 + F4 -> Kernels.vectorOuterProduct(mem, a, b, o, 4);
          case 28 + F8 -> Kernels.vectorOuterProduct(mem, a, b, o, 8);
          case 28 + F16 -> Kernels.vectorOuterProduct(mem, a, b, o, 16);
          case 29 -> Kernels.scalarMatrixProduct(mem[a], mem, b, o, f); // SCALAR_MATRIX_PRODUCT
          case 29 + F2 -> Kernels.scalarMatrixProduct(mem[a], mem, b, o, 2);
          case 29 + F4 -> Kernels.scalarMatrixProduct(mem[a], mem, b, o, 4);
          case 29 + F8 -> Kernels.scalarMatrixProduct(mem[a], mem, b, o, 8);
          case 29 + F16 -> Kernels.scalarMatrixProduct(mem[a], mem, b, o, 16);
          case 30 -> Kernels.matrixReciprocal(mem, a, o, f); // MATRIX_RECIPROCAL
          case 30 + F2 -> Kernels.matrixReciprocal(mem, a, o, 2);
          case 30 + F4 -> Kernels.matrixReciprocal(mem, a, o, 4);
          case 30 + F8 -> Kernels.matrixReciprocal(mem, a, o, 8);
          case 30 + F16 -> Kernels.matrixReciprocal(mem, a, o, 16);
          case 31 -> Kernels.matrixVectorProduct(mem, a, b, o, memory.scratchBase, f); // MATRIX_VECTOR_PRODUCT
          case 31 + F2 -> Kernels.matrixVectorProduct(mem, a, b, o, memory.scratchBase, 2);
          case 31 + F4 -> Kernels.matrixVectorProduct(mem, a, b, o, memory.scratchBase, 4);
          case 31 + F8 -> Kernels.matrixVectorProduct(mem, a, b, o, memory.scratchBase, 8);
          case 31 + F16 -> Kernels.matrixVectorProduct(mem, a, b, o, memory.scratchBase, 16);
          case 32 -> Kernels.vectorColumnBroadcast(mem, a, o, f); // VECTOR_COLUMN_BROADCAST
          case 32 + F2 -> Kernels.vectorColumnBroadcast(mem, a, o, 2);
          case 32 + F4 -> Kernels.vectorColumnBroadcast(mem, a, o, 4);
          case 32 + F8 -> Kernels.vectorColumnBroadcast(mem, a, o, 8);
          case 32 + F16 -> Kernels.vectorColumnBroadcast(mem, a, o, 16);
          case 33 -> Kernels.vectorRowBroadcast(mem, a, o, f); // VECTOR_ROW_BROADCAST
          case 33 + F2 -> Kernels.vectorRowBroadcast(mem, a, o, 2);
          case 33 + F4 -> Kernels.vectorRowBroadcast(mem, a, o, 4);
          case 33 + F8 -> Kernels.vectorRowBroadcast(mem, a, o, 8);
          case 33 + F16 -> Kernels.vectorRowBroadcast(mem, a, o, 16);
          case 34 -> mem[o] = Kernels.matrixNorm(mem, a, f); // MATRIX_NORM
          case 34 + F2 -> mem[o] = Kernels.matrixNorm(mem, a, 2);
          case 34 + F4 -> mem[o] = Kernels.matrixNorm(mem, a, 4);
          case 34 + F8 -> mem[o] = Kernels.matrixNorm(mem, a, 8);
          case 34 + F16 -> mem[o] = Kernels.matrixNorm(mem, a, 16);
          case 35 -> Kernels.matrixColumnNorm(mem, a, o, f); // MATRIX_COLUMN_NORM
          case 35 + F2 -> Kernels.matrixColumnNorm(mem, a, o, 2);
          case 35 + F4 -> Kernels.matrixColumnNorm(mem, a, o, 4);
          case 35 + F8 -> Kernels.matrixColumnNorm(mem, a, o, 8);
          case 35 + F16 -> Kernels.matrixColumnNorm(mem, a, o, 16);
          case 36 -> Kernels.matrixRowNorm(mem, a, o, f); // MATRIX_ROW_NORM
          case 36 + F2 -> Kernels.matrixRowNorm(mem, a, o, 2);
          case 36 + F4 -> Kernels.matrixRowNorm(mem, a, o, 4);
          case 36 + F8 -> Kernels.matrixRowNorm(mem, a, o, 8);
          case 36 + F16 -> Kernels.matrixRowNorm(mem, a, o, 16);
          case 37 -> Kernels.matrixTranspose(mem, a, o, f); // MATRIX_TRANSPOSE
          case 37 + F2 -> Kernels.matrixTranspose(mem, a, o, 2);
          case 37 + F4 -> Kernels.matrixTranspose(mem, a, o, 4);
          case 37 + F8 -> Kernels.matrixTranspose(mem, a, o, 8);
          case 37 + F16 -> Kernels.matrixTranspose(mem, a, o, 16);
          case 38 -> Kernels.matrixAbs(mem, a, o, f); // MATRIX_ABS
          case 38 + F2 -> Kernels.matrixAbs(mem, a, o, 2);
          case 38 + F4 -> Kernels.matrixAbs(mem, a, o, 4);
          case 38 + F8 -> Kernels.matrixAbs(mem, a, o, 8);
          case 38 + F16 -> Kernels.matrixAbs(mem, a, o, 16);
          case 39 -> Kernels.matrixSum(mem, a, b, o, f); // MATRIX_SUM
          case 39 + F2 -> Kernels.matrixSum(mem, a, b, o, 2);
          case 39 + F4 -> Kernels.matrixSum(mem, a, b, o, 4);
          case 39 + F8 -> Kernels.matrixSum(mem, a, b, o, 8);
          case 39 + F16 -> Kernels.matrixSum(mem, a, b, o, 16);
          case 40 -> Kernels.matrixDiff(mem, a, b, o, f); // MATRIX_DIFF
          case 40 + F2 -> Kernels.matrixDiff(mem, a, b, o, 2);
          case 40 + F4 -> Kernels.matrixDiff(mem, a, b, o, 4);
          case 40 + F8 -> Kernels.matrixDiff(mem, a, b, o, 8);
          case 40 + F16 -> Kernels.matrixDiff(mem, a, b, o, 16);
          case 41 -> Kernels.matrixProduct(mem, a, b, o, f); // MATRIX_PRODUCT
          case 41 + F2 -> Kernels.matrixProduct(mem, a, b, o, 2);
          case 41 + F4 -> Kernels.matrixProduct(mem, a, b, o, 4);
          case 41 + F8 -> Kernels.matrixProduct(mem, a, b, o, 8);
          case 41 + F16 -> Kernels.matrixProduct(mem, a, b, o, 16);
          case 42 -> Kernels.matrixDivision(mem, a, b, o, f); // MATRIX_DIVISION
          case 42 + F2 -> Kernels.matrixDivision(mem, a, b, o, 2);
          case 42 + F4 -> Kernels.matrixDivision(mem, a, b, o, 4);
          case 42 + F8 -> Kernels.matrixDivision(mem, a, b, o, 8);
          case 42 + F16 -> Kernels.matrixDivision(mem, a, b, o, 16);
          case 43 -> Kernels.matrixMatrixProduct(mem, a, b, o, memory.scratchBase, f); // MATRIX_MATRIX_PRODUCT
          case 43 + F2 -> Kernels.matrixMatrixProduct(mem, a, b, o, memory.scratchBase, 2);
          case 43 + F4 -> Kernels.matrixMatrixProduct(mem, a, b, o, memory.scratchBase, 4);
          case 43 + F8 -> Kernels.matrixMatrixProduct(mem, a, b, o, memory.scratchBase, 8);
          case 43 + F16 -> Kernels.matrixMatrixProduct(mem, a, b, o, memory.scratchBase, 16);
          case 45 -> Kernels.vectorMin(mem, a, b, o, f); // VECTOR_MIN
          case 45 + F2 -> Kernels.vectorMin(mem, a, b, o, 2);
          case 45 + F4 -> Kernels.vectorMin(mem, a, b, o, 4);
          case 45 + F8 -> Kernels.vectorMin(mem, a, b, o, 8);
          case 45 + F16 -> Kernels.vectorMin(mem, a, b, o, 16);
          case 46 -> Kernels.matrixMin(mem, a, b, o, f); // MATRIX_MIN
          case 46 + F2 -> Kernels.matrixMin(mem, a, b, o, 2);
          case 46 + F4 -> Kernels.matrixMin(mem, a, b, o, 4);
          case 46 + F8 -> Kernels.matrixMin(mem, a, b, o, 8);
          case 46 + F16 -> Kernels.matrixMin(mem, a, b, o, 16);
          case 48 -> Kernels.vectorMax(mem, a, b, o, f); // VECTOR_MAX
          case 48 + F2 -> Kernels.vectorMax(mem, a, b, o, 2);
          case 48 + F4 -> Kernels.vectorMax(mem, a, b, o, 4);
          case 48 + F8 -> Kernels.vectorMax(mem, a, b, o, 8);
          case 48 + F16 -> Kernels.vectorMax(mem, a, b, o, 16);
          case 49 -> Kernels.matrixMax(mem, a, b, o, f); // MATRIX_MAX
          case 49 + F2 -> Kernels.matrixMax(mem, a, b, o, 2);
          case 49 + F4 -> Kernels.matrixMax(mem, a, b, o, 4);
          case 49 + F8 -> Kernels.matrixMax(mem, a, b, o, 8);
          case 49 + F16 -> Kernels.matrixMax(mem, a, b, o, 16);
          case 50 -> mem[o] = Kernels.vectorMean(mem, a, f); // VECTOR_MEAN
          case 50 + F2 -> mem[o] = Kernels.vectorMean(mem, a, 2);
          case 50 + F4 -> mem[o] = Kernels.vectorMean(mem, a, 4);
          case 50 + F8 -> mem[o] = Kernels.vectorMean(mem, a, 8);
          case 50 + F16 -> mem[o] = Kernels.vectorMean(mem, a, 16);
          case 51 -> mem[o] = Kernels.matrixMean(mem, a, f); // MATRIX_MEAN
          case 51 + F2 -> mem[o] = Kernels.matrixMean(mem, a, 2);
          case 51 + F4 -> mem[o] = Kernels.matrixMean(mem, a, 4);
          case 51 + F8 -> mem[o] = Kernels.matrixMean(mem, a, 8);
          case 51 + F16 -> mem[o] = Kernels.matrixMean(mem, a, 16);
          case 52 -> Kernels.matrixRowMean(mem, a, o, f); // MATRIX_ROW_MEAN
          case 52 + F2 -> Kernels.matrixRowMean(mem, a, o, 2);
          case 52 + F4 -> Kernels.matrixRowMean(mem, a, o, 4);
          case 52 + F8 -> Kernels.matrixRowMean(mem, a, o, 8);
          case 52 + F16 -> Kernels.matrixRowMean(mem, a, o, 16);
          case 53 -> Kernels.matrixRowStDev(mem, a, o, f); // MATRIX_ROW_ST_DEV
          case 53 + F2 -> Kernels.matrixRowStDev(mem, a, o, 2);
          case 53 + F4 -> Kernels.matrixRowStDev(mem, a, o, 4);
          case 53 + F8 -> Kernels.matrixRowStDev(mem, a, o, 8);
          case 53 + F16 -> Kernels.matrixRowStDev(mem, a, o, 16);
          case 54 -> mem[o] = Kernels.vectorStDev(mem, a, f); // VECTOR_ST_DEV
          case 54 + F2 -> mem[o] = Kernels.vectorStDev(mem, a, 2);
          case 54 + F4 -> mem[o] = Kernels.vectorStDev(mem, a, 4);
          case 54 + F8 -> mem[o] = Kernels.vectorStDev(mem, a, 8);
          case 54 + F16 -> mem[o] = Kernels.vectorStDev(mem, a, 16);
          case 55 -> mem[o] = Kernels.matrixStDev(mem, a, f); // MATRIX_ST_DEV
          case 55 + F2 -> mem[o] = Kernels.matrixStDev(mem, a, 2);
          case 55 + F4 -> mem[o] = Kernels.matrixStDev(mem, a, 4);
          case 55 + F8 -> mem[o] = Kernels.matrixStDev(mem, a, 8);
          case 55 + F16 -> mem[o] = Kernels.matrixStDev(mem, a, 16);
          case 65 -> Kernels.vectorRelu(mem, a, o, f); // VECTOR_RELU
          case 65 + F2 -> Kernels.vectorRelu(mem, a, o, 2);
          case 65 + F4 -> Kernels.vectorRelu(mem, a, o, 4);
          case 65 + F8 -> Kernels.vectorRelu(mem, a, o, 8);
          case 65 + F16 -> Kernels.vectorRelu(mem, a, o, 16);

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
            final double probability = Executor.sigmoid(mem[1]);
            if (probability > 1.0 || probability < 0.0) {
              error = Double.POSITIVE_INFINITY;
            } else {
              // A NaN probability is not > 0.5: it predicts class 0, as in the reference.
              error = (labels[example] > 0.5) == (probability > 0.5) ? 0.0 : 1.0;
            }
            loss += error;
          } else {
            error = labels[example] - mem[1];
            loss += error * error;
          }
          final double absError = Math.abs(error);
          if (Double.isNaN(absError) || absError > maxAbsError) {
            stopped = true;
            break;
          }
          final ErrorRecord record = this.record;
          if (record != null && record.validCount < ErrorRecord.CAPACITY) {
            record.valid[record.validCount++] = absError;
          }
          if (++step == steps) {
            break;
          }
          example = step;
          Kernels.loadFeatures(features, example * f, mem, v0, f);
          mem[0] = 0.0;
        } else {
          if (accuracy) {
            mem[1] = Executor.sigmoid(mem[1]);
          }
          final double label = labels[example];
          final double error = Math.abs(label - mem[1]);
          if (Double.isNaN(error) || error > maxAbsError) {
            stopped = true;
            break;
          }
          final ErrorRecord record = this.record;
          if (record != null && record.trainCount < ErrorRecord.CAPACITY) {
            record.train[record.trainCount++] = error;
          }
          // v0 is never an output (the compiler checks), so it still holds the features for Learn.
          mem[0] = label;
          from = learnFrom;
          to = learnTo;
          inPredict = false;
        }
      } else { // the end of Learn: the next training example
        if (++step == steps) {
          break;
        }
        example = order[step];
        Kernels.loadFeatures(features, example * f, mem, v0, f);
        mem[0] = 0.0;
        from = predictFrom;
        to = predictTo;
        inPredict = true;
      }
    }
    this.step = step;
    this.example = example;
    this.loss = loss;
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
