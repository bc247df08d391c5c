package org.automlzero.execute;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.automlzero.program.AddressSpace;
import org.automlzero.program.Algorithm;
import org.automlzero.program.Instruction;
import org.automlzero.program.Op;
import org.automlzero.random.Rng;
import org.junit.jupiter.api.Test;

/**
 * The edge semantics of single ops that the random oracle of {@link OpOracleTest} may not hit:
 * heaviside at zero, the NaN conventions of min and max, IEEE division and logarithms, which entry
 * the const-set ops write, and the range, statistics and reproducibility of the random-set ops
 * (reference semantics page, section 2.2).
 */
class InterpreterTest {
  private static final AddressSpace SPACE = new AddressSpace(5, 4, 3);
  private static final double NAN = Double.NaN;

  @Test
  void heavisideIsOneAtZeroForScalarsOnly() {
    Memory memory = new Memory(SPACE, 4);
    memory.setScalar(2, 0.0);
    memory.setScalar(3, -0.0);
    double[] entries = {0.0, -0.0, 2.0, -3.0};
    for (int i = 0; i < 4; i++) {
      memory.setVector(1, i, entries[i]);
      memory.setMatrix(1, i, i, entries[i]);
    }
    run(memory, null,
        Instruction.of(Op.SCALAR_HEAVYSIDE, 2, 2),
        Instruction.of(Op.SCALAR_HEAVYSIDE, 3, 3),
        Instruction.of(Op.VECTOR_HEAVYSIDE, 1, 2),
        Instruction.of(Op.MATRIX_HEAVYSIDE, 1, 2));
    assertEquals(1.0, memory.scalar(2), "heaviside(0) for scalars");
    assertEquals(1.0, memory.scalar(3), "heaviside(-0) for scalars");
    double[] expected = {0, 0, 1, 0};
    for (int i = 0; i < 4; i++) {
      assertEquals(expected[i], memory.vector(2, i), "vector entry " + entries[i]);
      assertEquals(expected[i], memory.matrix(2, i, i), "matrix entry " + entries[i]);
      // Off the diagonal the matrix held zeros, which heaviside also maps to 0.
      assertEquals(0.0, memory.matrix(2, i, (i + 1) % 4));
    }
  }

  @Test
  void minAndMaxFollowTheReferenceConventionsForNaN() {
    // Scalar and vector: std::min(a, b) = b < a ? b : a and std::max(a, b) = a < b ? b : a, so a
    // NaN in the first operand wins and a NaN in the second loses. Matrix: a < b ? a : b and
    // a > b ? a : b, so a NaN in the first operand loses and one in the second wins.
    assertEquals(NAN, scalarOp(Op.SCALAR_MIN, NAN, 1.0));
    assertEquals(1.0, scalarOp(Op.SCALAR_MIN, 1.0, NAN));
    assertEquals(NAN, scalarOp(Op.SCALAR_MAX, NAN, 1.0));
    assertEquals(1.0, scalarOp(Op.SCALAR_MAX, 1.0, NAN));
    assertEquals(NAN, vectorOp(Op.VECTOR_MIN, NAN, 1.0));
    assertEquals(1.0, vectorOp(Op.VECTOR_MIN, 1.0, NAN));
    assertEquals(NAN, vectorOp(Op.VECTOR_MAX, NAN, 1.0));
    assertEquals(1.0, vectorOp(Op.VECTOR_MAX, 1.0, NAN));
    assertEquals(1.0, matrixOp(Op.MATRIX_MIN, NAN, 1.0));
    assertEquals(NAN, matrixOp(Op.MATRIX_MIN, 1.0, NAN));
    assertEquals(1.0, matrixOp(Op.MATRIX_MAX, NAN, 1.0));
    assertEquals(NAN, matrixOp(Op.MATRIX_MAX, 1.0, NAN));
    // Ordinary values.
    assertEquals(-2.0, scalarOp(Op.SCALAR_MIN, 3.0, -2.0));
    assertEquals(3.0, scalarOp(Op.SCALAR_MAX, 3.0, -2.0));
    assertEquals(-2.0, vectorOp(Op.VECTOR_MIN, -2.0, 3.0));
    assertEquals(3.0, vectorOp(Op.VECTOR_MAX, -2.0, 3.0));
    assertEquals(-2.0, matrixOp(Op.MATRIX_MIN, 3.0, -2.0));
    assertEquals(3.0, matrixOp(Op.MATRIX_MAX, 3.0, -2.0));
  }

  @Test
  void reluZeroesNegativesAndKeepsNaN() {
    Memory memory = new Memory(SPACE, 4);
    double[] entries = {-1.5, 2.5, NAN, -0.0};
    for (int i = 0; i < 4; i++) {
      memory.setVector(1, i, entries[i]);
    }
    run(memory, null, Instruction.of(Op.VECTOR_RELU, 1, 2));
    assertEquals(0.0, memory.vector(2, 0));
    assertEquals(2.5, memory.vector(2, 1));
    assertEquals(NAN, memory.vector(2, 2));
    assertEquals(-0.0, memory.vector(2, 3), "x < 0 ? 0 : x keeps -0");
  }

  @Test
  void divisionByZeroAndLogarithmsFollowIeee() {
    assertEquals(Double.POSITIVE_INFINITY, scalarOp(Op.SCALAR_DIVISION, 1.0, 0.0));
    assertEquals(Double.NEGATIVE_INFINITY, scalarOp(Op.SCALAR_DIVISION, 1.0, -0.0));
    assertEquals(NAN, scalarOp(Op.SCALAR_DIVISION, 0.0, 0.0));
    assertEquals(Double.POSITIVE_INFINITY, scalarOp(Op.SCALAR_RECIPROCAL, 0.0, 0.0));
    assertEquals(Double.NEGATIVE_INFINITY, vectorOp(Op.VECTOR_DIVISION, -1.0, 0.0));
    assertEquals(NAN, matrixOp(Op.MATRIX_DIVISION, 0.0, 0.0));
    assertEquals(NAN, scalarOp(Op.SCALAR_LOG, -1.0, 0.0));
    assertEquals(Double.NEGATIVE_INFINITY, scalarOp(Op.SCALAR_LOG, 0.0, 0.0));
    assertEquals(NAN, scalarOp(Op.SCALAR_ARCSIN, 1.5, 0.0));
    assertEquals(NAN, scalarOp(Op.SCALAR_ARCCOS, -1.5, 0.0));
    assertEquals(Double.POSITIVE_INFINITY, scalarOp(Op.SCALAR_EXP, 1000.0, 0.0));
  }

  @Test
  void constSetWritesOnlyTheIndexedEntry() {
    for (int f : new int[] {2, 3, 4, 8, 16}) {
      for (int index = 0; index < f; index++) {
        Memory memory = new Memory(SPACE, f);
        // Any fraction in the index's bin selects it: the start, the middle and the end of the bin.
        float[] fractions = {(float) index / f, Instruction.indexToFraction(index, f),
            Math.nextDown((float) (index + 1) / f)};
        for (float fraction : fractions) {
          assertEquals(index, Instruction.fractionToIndex(fraction, f), "fraction " + fraction + " at F=" + f);
          memory.wipe();
          run(memory, null,
              Instruction.vectorConst(2, fraction, 0.75f),
              Instruction.matrixConst(1, fraction, Instruction.indexToFraction(f - 1 - index, f), -0.5f));
          for (int i = 0; i < f; i++) {
            assertEquals(i == index ? 0.75 : 0.0, memory.vector(2, i));
            for (int j = 0; j < f; j++) {
              assertEquals(i == index && j == f - 1 - index ? -0.5 : 0.0, memory.matrix(1, i, j));
            }
          }
        }
      }
    }
  }

  @Test
  void scalarConstSetKeepsTheFullDoubleConstant() {
    Memory memory = new Memory(SPACE, 2);
    run(memory, null, Instruction.scalarConst(3, 0.1));
    assertEquals(0.1, memory.scalar(3), 0.0);
  }

  @Test
  void uniformSetStaysWithinItsHalfOpenRange() {
    Rng rng = new Rng(42);
    Memory memory = new Memory(SPACE, 16);
    float lo = -0.25f;
    float hi = 0.5f;
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    for (int k = 0; k < 200; k++) {
      run(memory, rng,
          Instruction.randomSet(Op.SCALAR_UNIFORM_SET, 1, lo, hi),
          Instruction.randomSet(Op.VECTOR_UNIFORM_SET, 1, lo, hi),
          Instruction.randomSet(Op.MATRIX_UNIFORM_SET, 0, lo, hi));
      for (double x : allValues(memory, 1, 1, 0)) {
        assertTrue(x >= lo && x < hi, x + " outside [" + lo + ", " + hi + ")");
        min = Math.min(min, x);
        max = Math.max(max, x);
      }
    }
    // 200 * (1 + 16 + 256) draws cover the range to within a tiny fraction at both ends.
    assertTrue(min < lo + 0.01 && max > hi - 0.01, "range covered: " + min + " .. " + max);
  }

  @Test
  void uniformSetNeverRoundsUpToItsUpperBound() {
    // lo + (hi - lo) u with the largest u below 1, 1 - 2^-53, rounds to hi for [1, 3) and
    // [0.25, 0.75): absl's Uniform rejects such a draw, and the result must stay below hi.
    long seed = seedWhoseFirstLongIsAllOnes();
    assertEquals(1.0 - 0x1.0p-53, new Rng(seed).nextDouble(), "test premise: the seed's first draw");
    for (float[] range : new float[][] {{1f, 3f}, {0.25f, 0.75f}}) {
      Memory memory = new Memory(SPACE, 2);
      run(memory, new Rng(seed), Instruction.randomSet(Op.SCALAR_UNIFORM_SET, 2, range[0], range[1]));
      run(memory, new Rng(seed), Instruction.randomSet(Op.VECTOR_UNIFORM_SET, 2, range[0], range[1]));
      run(memory, new Rng(seed), Instruction.randomSet(Op.MATRIX_UNIFORM_SET, 2, range[0], range[1]));
      assertTrue(memory.scalar(2) < range[1], "scalar " + memory.scalar(2) + " for range " + range[1]);
      assertTrue(memory.vector(2, 0) < range[1], "vector " + memory.vector(2, 0));
      assertTrue(memory.matrix(2, 0, 0) < range[1], "matrix " + memory.matrix(2, 0, 0));
      assertTrue(memory.scalar(2) >= range[0]);
    }
  }

  @Test
  void uniformSetGivesLoForAnEmptyOrInvertedRange() {
    Memory memory = new Memory(SPACE, 4);
    Rng rng = new Rng(3);
    run(memory, rng,
        Instruction.randomSet(Op.SCALAR_UNIFORM_SET, 2, 0.5f, -0.5f),
        Instruction.randomSet(Op.VECTOR_UNIFORM_SET, 2, 0.5f, 0.5f),
        Instruction.randomSet(Op.MATRIX_UNIFORM_SET, 2, 0.25f, -1f));
    assertEquals(0.5, memory.scalar(2));
    for (int i = 0; i < 4; i++) {
      assertEquals(0.5, memory.vector(2, i));
      for (int j = 0; j < 4; j++) {
        assertEquals(0.25, memory.matrix(2, i, j));
      }
    }
  }

  @Test
  void gaussianSetHasTheRequestedMeanAndStandardDeviation() {
    float mean = -0.3f;
    float stdev = 0.7f;
    Rng rng = new Rng(2020);
    Memory memory = new Memory(SPACE, 16);
    long n = 0;
    double sum = 0;
    double squares = 0;
    for (int k = 0; k < 200; k++) {
      run(memory, rng,
          Instruction.randomSet(Op.SCALAR_GAUSSIAN_SET, 1, mean, stdev),
          Instruction.randomSet(Op.VECTOR_GAUSSIAN_SET, 3, mean, stdev),
          Instruction.randomSet(Op.MATRIX_GAUSSIAN_SET, 2, mean, stdev));
      for (double x : allValues(memory, 1, 3, 2)) {
        n++;
        sum += x;
        squares += x * x;
      }
    }
    double sampleMean = sum / n;
    double sampleStdev = Math.sqrt(squares / n - sampleMean * sampleMean);
    // n = 54,600: the standard error of the mean is stdev / sqrt(n) = 0.003, of the stdev about
    // stdev / sqrt(2n) = 0.0021; allow five of each.
    assertEquals(mean, sampleMean, 5 * stdev / Math.sqrt(n));
    assertEquals(stdev, sampleStdev, 5 * stdev / Math.sqrt(2.0 * n));
  }

  @Test
  void stochasticOpsAreReproducibleFromTheSameSeed() {
    Instruction[] program = {
        Instruction.randomSet(Op.SCALAR_UNIFORM_SET, 1, -1f, 1f),
        Instruction.randomSet(Op.VECTOR_GAUSSIAN_SET, 2, 0f, 1f),
        Instruction.randomSet(Op.MATRIX_UNIFORM_SET, 0, -1f, 1f),
        Instruction.randomSet(Op.MATRIX_GAUSSIAN_SET, 1, 0.5f, 2f),
        Instruction.randomSet(Op.SCALAR_GAUSSIAN_SET, 2, 0f, 1f),
        Instruction.randomSet(Op.VECTOR_UNIFORM_SET, 3, 0f, 1f)};
    Memory first = new Memory(SPACE, 8);
    Memory second = new Memory(SPACE, 8);
    Memory other = new Memory(SPACE, 8);
    run(first, new Rng(99), program);
    run(second, new Rng(99), program);
    run(other, new Rng(100), program);
    assertArrayEquals(first.data, second.data);
    assertNotEquals(first.matrix(0, 0, 0), other.matrix(0, 0, 0));
  }

  @Test
  void runExecutesExactlyTheRequestedSlice() {
    // Setup s2 = 1, Predict s3 = 2, Learn s4 = 3 (NO_OPs dropped): running [setupEnd, predictEnd)
    // runs Predict only.
    Algorithm algorithm = new Algorithm(
        List.of(Instruction.scalarConst(2, 1), Instruction.noOp()),
        List.of(Instruction.noOp(), Instruction.scalarConst(3, 2)),
        List.of(Instruction.scalarConst(4, 3)));
    CompiledAlgorithm compiled = new CompiledAlgorithm().compile(algorithm, SPACE, 2);
    assertEquals(1, compiled.setupEnd);
    assertEquals(2, compiled.predictEnd);
    assertEquals(3, compiled.learnEnd);
    assertEquals(3, compiled.length());
    Memory memory = new Memory(SPACE, 2);
    Interpreter.run(compiled, compiled.setupEnd, compiled.predictEnd, memory, null);
    assertEquals(0.0, memory.scalar(2));
    assertEquals(2.0, memory.scalar(3));
    assertEquals(0.0, memory.scalar(4));
  }

  // ---------------------------------------------------------------------------------------------

  private static void run(Memory memory, Rng rng, Instruction... setup) {
    CompiledAlgorithm compiled = new CompiledAlgorithm()
        .compile(new Algorithm(List.of(setup), List.of(), List.of()), SPACE, memory.featuresSize());
    Interpreter.run(compiled, 0, compiled.setupEnd, memory, rng);
  }

  /** {@code s3 = op(x, y)} with x in s2 and y in s4. */
  private static double scalarOp(Op op, double x, double y) {
    Memory memory = new Memory(SPACE, 2);
    memory.setScalar(2, x);
    memory.setScalar(4, y);
    Instruction instruction = op.arity() == 2 ? Instruction.of(op, 2, 4, 3) : Instruction.of(op, 2, 3);
    run(memory, null, instruction);
    return memory.scalar(3);
  }

  /** Entry 1 of {@code v3 = op(v1, v2)} with x and y at entry 1 of v1 and v2. */
  private static double vectorOp(Op op, double x, double y) {
    Memory memory = new Memory(SPACE, 3);
    memory.setVector(1, 1, x);
    memory.setVector(2, 1, y);
    run(memory, null, Instruction.of(op, 1, 2, 3));
    return memory.vector(3, 1);
  }

  /** Entry (1, 0) of {@code m2 = op(m0, m1)} with x and y at (1, 0) of m0 and m1. */
  private static double matrixOp(Op op, double x, double y) {
    Memory memory = new Memory(SPACE, 3);
    memory.setMatrix(0, 1, 0, x);
    memory.setMatrix(1, 1, 0, y);
    run(memory, null, Instruction.of(op, 0, 1, 2));
    return memory.matrix(2, 1, 0);
  }

  /** Scalar {@code s}, every entry of vector {@code v} and every entry of matrix {@code m}. */
  private static double[] allValues(Memory memory, int s, int v, int m) {
    int f = memory.featuresSize();
    double[] values = new double[1 + f + f * f];
    values[0] = memory.scalar(s);
    for (int i = 0; i < f; i++) {
      values[1 + i] = memory.vector(v, i);
      for (int j = 0; j < f; j++) {
        values[1 + f + i * f + j] = memory.matrix(m, i, j);
      }
    }
    return values;
  }

  /**
   * A seed whose generator's first {@code nextLong} is -1, so that its first {@code nextDouble} is
   * 1 - 2^-53: SplitMix64 returns {@code mix64(seed + gamma)} and mix64 is a bijection, so invert it.
   */
  static long seedWhoseFirstLongIsAllOnes() {
    long z = unXorShift(-1L, 31);
    z *= inverse(0x94d049bb133111ebL);
    z = unXorShift(z, 27);
    z *= inverse(0xbf58476d1ce4e5b9L);
    z = unXorShift(z, 30);
    return z - 0x9e3779b97f4a7c15L;
  }

  private static long unXorShift(long y, int shift) {
    long x = y;
    for (int i = 0; i < 64 / shift + 1; i++) {
      x = y ^ (x >>> shift);
    }
    return x;
  }

  @Test
  void refusesAMemoryLaidOutForAnotherSpaceOrFeaturesSize() {
    // Offsets into one flat array depend on the space and F: a vector op compiled for SPACE would
    // read scalars of a memory with more of them.
    CompiledAlgorithm compiled = new CompiledAlgorithm().compile(
        new Algorithm(List.of(Instruction.of(Op.VECTOR_SUM, 1, 2, 3)), List.of(), List.of()), SPACE, 4);
    Interpreter.run(compiled, 0, compiled.setupEnd, new Memory(SPACE, 4), null);
    assertThrows(IllegalArgumentException.class,
        () -> Interpreter.run(compiled, 0, compiled.setupEnd, new Memory(new AddressSpace(6, 4, 3), 4), null));
    assertThrows(IllegalArgumentException.class,
        () -> Interpreter.run(compiled, 0, compiled.setupEnd, new Memory(SPACE, 8), null));
  }

  /** The inverse of an odd number modulo 2^64, by Newton's iteration. */
  private static long inverse(long odd) {
    long x = odd;
    for (int i = 0; i < 6; i++) {
      x *= 2 - odd * x;
    }
    return x;
  }
}
