package org.automlzero.execute;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.automlzero.program.AddressSpace;
import org.automlzero.program.Algorithm;
import org.automlzero.program.Instruction;
import org.automlzero.program.Kind;
import org.automlzero.program.Op;
import org.automlzero.random.Rng;
import org.ejml.dense.row.NormOps_DDRM;
import org.ejml.simple.SimpleMatrix;
import org.junit.jupiter.api.Test;

/**
 * Every op of the interpreter against an independent oracle: plain loops written here, and EJML
 * for the linear algebra (products, transpose, outer product, norms). One instruction runs on random
 * memory, for several F and for every aliasing pattern its operand kinds allow, and then the whole
 * memory is compared with what the oracle computed from a snapshot taken before the run: the output
 * must be right and nothing else may have changed. Semantics from the reference page, section 2.2.
 */
class OpOracleTest {
  private static final AddressSpace SPACE = new AddressSpace(5, 4, 3);
  private static final int[] SIZES = {2, 3, 4, 8, 16};
  private static final int TRIALS = 6;
  /** Relative tolerance for ops that sum, since the oracle may add in another order. */
  private static final double SUM_TOLERANCE = 1e-12;
  /** Values that exercise IEEE edge cases of the elementwise ops. */
  private static final double[] SPECIALS = {
      0.0, -0.0, 1.0, -1.0, 0.5, -2.0, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY};

  /**
   * Ops whose result sums several products or terms, compared with {@link #SUM_TOLERANCE}. The
   * outer product is exact, but EJML computes it as a one-term sum {@code 0 + a(i) b(j)}, which
   * turns a -0.0 product into 0.0, so its zeros are compared without their sign.
   */
  private static final Set<Op> SUMMING = EnumSet.of(
      Op.VECTOR_OUTER_PRODUCT, Op.VECTOR_NORM, Op.VECTOR_INNER_PRODUCT, Op.MATRIX_VECTOR_PRODUCT, Op.MATRIX_NORM,
      Op.MATRIX_COLUMN_NORM, Op.MATRIX_ROW_NORM, Op.MATRIX_MATRIX_PRODUCT, Op.VECTOR_MEAN,
      Op.MATRIX_MEAN, Op.MATRIX_ROW_MEAN, Op.MATRIX_ROW_ST_DEV, Op.VECTOR_ST_DEV, Op.MATRIX_ST_DEV);

  @Test
  void everyOpMatchesItsOracleOnRandomMemory() {
    SplittableRandom random = new SplittableRandom(20200712L);
    int checked = 0;
    for (Op op : Op.values()) {
      for (int f : SIZES) {
        for (int trial = 0; trial < TRIALS; trial++) {
          boolean specials = trial % 2 == 1;
          for (int[] addresses : addressChoices(op, random)) {
            Instruction instruction = instruction(op, addresses, random);
            Memory memory = randomMemory(f, random, specials);
            checkAgainstOracle(instruction, memory, random.nextLong());
            checked++;
          }
        }
      }
    }
    assertTrue(checked > Op.values().length * SIZES.length * TRIALS, "checked " + checked);
  }

  @Test
  void aliasedLinearAlgebraMatchesOracle() {
    SplittableRandom random = new SplittableRandom(7);
    for (int f : SIZES) {
      for (Instruction instruction : List.of(
          Instruction.of(Op.MATRIX_MATRIX_PRODUCT, 0, 0, 0), // m0 = matmul(m0, m0)
          Instruction.of(Op.MATRIX_MATRIX_PRODUCT, 1, 2, 1), // m1 = matmul(m1, m2)
          Instruction.of(Op.MATRIX_MATRIX_PRODUCT, 2, 1, 1), // m1 = matmul(m2, m1)
          Instruction.of(Op.MATRIX_VECTOR_PRODUCT, 0, 1, 1), // v1 = matmul(m0, v1)
          Instruction.of(Op.MATRIX_TRANSPOSE, 1, 1), // m1 = transpose(m1)
          Instruction.of(Op.VECTOR_SUM, 1, 1, 1), // v1 = v1 + v1
          Instruction.of(Op.SCALAR_MATRIX_PRODUCT, 2, 0, 0),
          Instruction.of(Op.SCALAR_VECTOR_PRODUCT, 1, 2, 2))) {
        checkAgainstOracle(instruction, randomMemory(f, random, false), 1);
      }
    }
  }

  @Test
  void noOpIsDroppedAndChangesNothing() {
    CompiledAlgorithm compiled = new CompiledAlgorithm().compile(
        new Algorithm(List.of(Instruction.noOp(), Instruction.noOp()), List.of(Instruction.noOp()), List.of()),
        SPACE, 4);
    assertEquals(0, compiled.length());
  }

  // ---------------------------------------------------------------------------------------------
  // The harness.

  /**
   * Runs {@code instruction} alone on {@code memory} and compares the whole memory with the oracle.
   */
  static void checkAgainstOracle(Instruction instruction, Memory memory, long rngSeed) {
    int f = memory.featuresSize;
    Memory before = copy(memory);
    Memory expected = copy(memory);
    Op op = instruction.op();
    boolean stochastic = op.isStochastic();
    if (!stochastic) {
      oracle(instruction, before, expected);
    }
    CompiledAlgorithm compiled = new CompiledAlgorithm()
        .compile(new Algorithm(List.of(instruction), List.of(), List.of()), SPACE, f);
    assertEquals(op == Op.NO_OP ? 0 : 1, compiled.setupEnd, op + " compiles to one instruction");
    Interpreter.run(compiled, 0, compiled.setupEnd, memory, new Rng(rngSeed));

    String where = instruction + " at F=" + f;
    boolean tolerant = SUMMING.contains(op);
    Kind outKind = op.out();
    int out = instruction.out();
    for (int a = 0; a < SPACE.scalars(); a++) {
      boolean isOut = outKind == Kind.SCALAR && a == out;
      if (isOut && stochastic) {
        continue;
      }
      compare(expected.scalar(a), memory.scalar(a), isOut && tolerant, where + ", s" + a);
    }
    for (int a = 0; a < SPACE.vectors(); a++) {
      boolean isOut = outKind == Kind.VECTOR && a == out;
      for (int i = 0; i < f; i++) {
        if (isOut && stochastic) {
          continue;
        }
        compare(expected.vector(a, i), memory.vector(a, i), isOut && tolerant, where + ", v" + a + "[" + i + "]");
      }
    }
    for (int a = 0; a < SPACE.matrices(); a++) {
      boolean isOut = outKind == Kind.MATRIX && a == out;
      for (int r = 0; r < f; r++) {
        for (int c = 0; c < f; c++) {
          if (isOut && stochastic) {
            continue;
          }
          compare(expected.matrix(a, r, c), memory.matrix(a, r, c), isOut && tolerant,
              where + ", m" + a + "(" + r + "," + c + ")");
        }
      }
    }
    if (stochastic) {
      checkStochasticOutput(instruction, memory, rngSeed);
    }
  }

  /**
   * A stochastic op's output: each entry is the op's distribution applied to the generator's draws
   * in row-major order (uniform: lo + (hi - lo) u from {@code nextDouble}; Gaussian: mean + stdev z
   * from {@code nextGaussian}), and uniform draws stay in [lo, hi).
   */
  private static void checkStochasticOutput(Instruction instruction, Memory memory, long rngSeed) {
    int f = memory.featuresSize;
    Op op = instruction.op();
    double a = instruction.data0();
    double b = instruction.data1();
    Rng replica = new Rng(rngSeed);
    int n = switch (op.out()) {
      case SCALAR -> 1;
      case VECTOR -> f;
      case MATRIX -> f * f;
      case NONE -> throw new AssertionError();
    };
    for (int j = 0; j < n; j++) {
      double actual = switch (op.out()) {
        case SCALAR -> memory.scalar(instruction.out());
        case VECTOR -> memory.vector(instruction.out(), j);
        default -> memory.matrix(instruction.out(), j / f, j % f);
      };
      String where = instruction + " at F=" + f + ", entry " + j;
      if (op.data() == Op.DataKind.UNIFORM) {
        if (a < b) {
          double expected = a + (b - a) * replica.nextDouble();
          assertTrue(actual >= a && actual < b, where + ": " + actual + " outside [" + a + ", " + b + ")");
          assertEquals(expected, actual, 1e-12 * (b - a), where);
        } else {
          assertEquals(a, actual, where + ": an empty range gives lo");
        }
      } else {
        double expected = a + b * replica.nextGaussian();
        assertEquals(expected, actual, 1e-12 * Math.max(1, Math.abs(expected)), where);
      }
    }
  }

  private static void compare(double expected, double actual, boolean tolerant, String where) {
    if (Double.doubleToLongBits(expected) == Double.doubleToLongBits(actual)) {
      return;
    }
    if (tolerant && Double.isFinite(expected) && Double.isFinite(actual)
        && Math.abs(expected - actual) <= SUM_TOLERANCE * Math.max(1, Math.max(Math.abs(expected), Math.abs(actual)))) {
      return;
    }
    if (tolerant && expected == 0 && actual == 0) {
      return; // 0.0 and -0.0 may differ in a sum taken in another order
    }
    fail(where + ": expected " + expected + " but was " + actual);
  }

  /**
   * The address triples to try for {@code op}: one drawn at random and, where the kinds allow,
   * out == in1, out == in2, in1 == in2 and in1 == in2 == out.
   */
  private static List<int[]> addressChoices(Op op, SplittableRandom random) {
    List<int[]> choices = new ArrayList<>();
    choices.add(new int[] {randomIn(op.in1(), random), randomIn(op.in2(), random), randomOut(op.out(), random)});
    Kind k1 = op.in1();
    Kind k2 = op.in2();
    Kind ko = op.out();
    if (k1 != Kind.NONE && k1 == ko) {
      int shared = randomOut(ko, random);
      choices.add(new int[] {shared, randomIn(k2, random), shared});
    }
    if (k2 != Kind.NONE && k2 == ko) {
      int shared = randomOut(ko, random);
      choices.add(new int[] {randomIn(k1, random), shared, shared});
    }
    if (k1 != Kind.NONE && k1 == k2) {
      int shared = randomIn(k1, random);
      choices.add(new int[] {shared, shared, randomOut(ko, random)});
    }
    if (k1 != Kind.NONE && k1 == k2 && k1 == ko) {
      int shared = randomOut(ko, random);
      choices.add(new int[] {shared, shared, shared});
    }
    return choices;
  }

  private static int randomIn(Kind kind, SplittableRandom random) {
    return kind == Kind.NONE ? 0 : random.nextInt(SPACE.count(kind));
  }

  private static int randomOut(Kind kind, SplittableRandom random) {
    return kind == Kind.NONE ? 0 : random.nextInt(AddressSpace.firstOutput(kind), SPACE.count(kind));
  }

  private static Instruction instruction(Op op, int[] addresses, SplittableRandom random) {
    int in1 = addresses[0];
    int in2 = addresses[1];
    int out = addresses[2];
    return switch (op.data()) {
      case NONE -> new Instruction(op, in1, in2, out, 0, 0, 0, 0);
      case ACTIVATION -> Instruction.scalarConst(out, random.nextDouble(-1, 1));
      case VECTOR_ENTRY -> Instruction.vectorConst(out, fraction(random), (float) random.nextDouble(-1, 1));
      case MATRIX_ENTRY -> Instruction.matrixConst(out, fraction(random), fraction(random),
          (float) random.nextDouble(-1, 1));
      // Uniform bounds unsorted, as the reference draws them: lo >= hi happens half the time.
      case UNIFORM -> Instruction.randomSet(op, out, (float) random.nextDouble(-1, 1), (float) random.nextDouble(-1, 1));
      case GAUSSIAN -> Instruction.randomSet(op, out, (float) random.nextDouble(-1, 1), (float) random.nextDouble());
    };
  }

  private static float fraction(SplittableRandom random) {
    float x = (float) random.nextDouble();
    return x < 1f ? x : Math.nextDown(1f);
  }

  static Memory randomMemory(int f, SplittableRandom random, boolean specials) {
    Memory memory = new Memory(SPACE, f);
    fill(memory.data, memory.scratchBase, random, specials);
    return memory;
  }

  /** Fills {@code [0, end)} of {@code values}: the scalars, vectors and matrices of a memory. */
  private static void fill(double[] values, int end, SplittableRandom random, boolean specials) {
    for (int i = 0; i < end; i++) {
      values[i] = specials && random.nextInt(4) == 0
          ? SPECIALS[random.nextInt(SPECIALS.length)]
          : random.nextDouble(-2, 2);
    }
  }

  static Memory copy(Memory memory) {
    Memory copy = new Memory(SPACE, memory.featuresSize);
    System.arraycopy(memory.data, 0, copy.data, 0, memory.data.length);
    return copy;
  }

  // ---------------------------------------------------------------------------------------------
  // The oracle: reads only {@code in}, a snapshot, and writes only {@code out}, so it cannot alias.

  private static void oracle(Instruction instruction, Memory in, Memory out) {
    final int f = in.featuresSize;
    final int a = instruction.in1();
    final int b = instruction.in2();
    final int o = instruction.out();
    switch (instruction.op()) {
      case NO_OP -> { }
      case SCALAR_SUM -> out.setScalar(o, in.scalar(a) + in.scalar(b));
      case SCALAR_DIFF -> out.setScalar(o, in.scalar(a) - in.scalar(b));
      case SCALAR_PRODUCT -> out.setScalar(o, in.scalar(a) * in.scalar(b));
      case SCALAR_DIVISION -> out.setScalar(o, in.scalar(a) / in.scalar(b));
      case SCALAR_ABS -> out.setScalar(o, Math.abs(in.scalar(a)));
      case SCALAR_RECIPROCAL -> out.setScalar(o, 1 / in.scalar(a));
      case SCALAR_SIN -> out.setScalar(o, Math.sin(in.scalar(a)));
      case SCALAR_COS -> out.setScalar(o, Math.cos(in.scalar(a)));
      case SCALAR_TAN -> out.setScalar(o, Math.tan(in.scalar(a)));
      case SCALAR_ARCSIN -> out.setScalar(o, Math.asin(in.scalar(a)));
      case SCALAR_ARCCOS -> out.setScalar(o, Math.acos(in.scalar(a)));
      case SCALAR_ARCTAN -> out.setScalar(o, Math.atan(in.scalar(a)));
      case SCALAR_EXP -> out.setScalar(o, Math.exp(in.scalar(a)));
      case SCALAR_LOG -> out.setScalar(o, Math.log(in.scalar(a)));
      case SCALAR_HEAVYSIDE -> out.setScalar(o, in.scalar(a) >= 0 ? 1 : 0);
      case VECTOR_HEAVYSIDE -> {
        for (int i = 0; i < f; i++) {
          out.setVector(o, i, in.vector(a, i) > 0 ? 1 : 0);
        }
      }
      case MATRIX_HEAVYSIDE -> {
        for (int r = 0; r < f; r++) {
          for (int c = 0; c < f; c++) {
            out.setMatrix(o, r, c, in.matrix(a, r, c) > 0 ? 1 : 0);
          }
        }
      }
      case SCALAR_VECTOR_PRODUCT -> {
        for (int i = 0; i < f; i++) {
          out.setVector(o, i, in.vector(b, i) * in.scalar(a));
        }
      }
      case SCALAR_BROADCAST -> {
        for (int i = 0; i < f; i++) {
          out.setVector(o, i, in.scalar(a));
        }
      }
      case VECTOR_RECIPROCAL -> {
        for (int i = 0; i < f; i++) {
          out.setVector(o, i, 1 / in.vector(a, i));
        }
      }
      case VECTOR_NORM -> out.setScalar(o, NormOps_DDRM.fastNormF(vector(in, a).getDDRM()));
      case VECTOR_ABS -> {
        for (int i = 0; i < f; i++) {
          out.setVector(o, i, Math.abs(in.vector(a, i)));
        }
      }
      case VECTOR_SUM -> {
        for (int i = 0; i < f; i++) {
          out.setVector(o, i, in.vector(a, i) + in.vector(b, i));
        }
      }
      case VECTOR_DIFF -> {
        for (int i = 0; i < f; i++) {
          out.setVector(o, i, in.vector(a, i) - in.vector(b, i));
        }
      }
      case VECTOR_PRODUCT -> {
        for (int i = 0; i < f; i++) {
          out.setVector(o, i, in.vector(a, i) * in.vector(b, i));
        }
      }
      case VECTOR_DIVISION -> {
        for (int i = 0; i < f; i++) {
          out.setVector(o, i, in.vector(a, i) / in.vector(b, i));
        }
      }
      case VECTOR_INNER_PRODUCT -> out.setScalar(o, vector(in, a).dot(vector(in, b)));
      case VECTOR_OUTER_PRODUCT -> setMatrix(out, o, vector(in, a).mult(vector(in, b).transpose()));
      case SCALAR_MATRIX_PRODUCT -> {
        for (int r = 0; r < f; r++) {
          for (int c = 0; c < f; c++) {
            out.setMatrix(o, r, c, in.matrix(b, r, c) * in.scalar(a));
          }
        }
      }
      case MATRIX_RECIPROCAL -> {
        for (int r = 0; r < f; r++) {
          for (int c = 0; c < f; c++) {
            out.setMatrix(o, r, c, 1 / in.matrix(a, r, c));
          }
        }
      }
      case MATRIX_VECTOR_PRODUCT -> setVector(out, o, matrix(in, a).mult(vector(in, b)));
      case VECTOR_COLUMN_BROADCAST -> {
        for (int r = 0; r < f; r++) {
          for (int c = 0; c < f; c++) {
            out.setMatrix(o, r, c, in.vector(a, r));
          }
        }
      }
      case VECTOR_ROW_BROADCAST -> {
        for (int r = 0; r < f; r++) {
          for (int c = 0; c < f; c++) {
            out.setMatrix(o, r, c, in.vector(a, c));
          }
        }
      }
      case MATRIX_NORM -> out.setScalar(o, NormOps_DDRM.fastNormF(matrix(in, a).getDDRM()));
      case MATRIX_COLUMN_NORM -> {
        SimpleMatrix m = matrix(in, a);
        for (int c = 0; c < f; c++) {
          out.setVector(o, c, NormOps_DDRM.fastNormF(m.extractVector(false, c).getDDRM()));
        }
      }
      case MATRIX_ROW_NORM -> {
        SimpleMatrix m = matrix(in, a);
        for (int r = 0; r < f; r++) {
          out.setVector(o, r, NormOps_DDRM.fastNormF(m.extractVector(true, r).getDDRM()));
        }
      }
      case MATRIX_TRANSPOSE -> setMatrix(out, o, matrix(in, a).transpose());
      case MATRIX_ABS -> elementwise(in, out, a, a, o, (x, y) -> Math.abs(x));
      case MATRIX_SUM -> elementwise(in, out, a, b, o, (x, y) -> x + y);
      case MATRIX_DIFF -> elementwise(in, out, a, b, o, (x, y) -> x - y);
      case MATRIX_PRODUCT -> elementwise(in, out, a, b, o, (x, y) -> x * y);
      case MATRIX_DIVISION -> elementwise(in, out, a, b, o, (x, y) -> x / y);
      case MATRIX_MATRIX_PRODUCT -> setMatrix(out, o, matrix(in, a).mult(matrix(in, b)));
      // std::min(a, b) is (b < a) ? b : a; std::max(a, b) is (a < b) ? b : a.
      case SCALAR_MIN -> out.setScalar(o, in.scalar(b) < in.scalar(a) ? in.scalar(b) : in.scalar(a));
      case VECTOR_MIN -> {
        for (int i = 0; i < f; i++) {
          double x = in.vector(a, i);
          double y = in.vector(b, i);
          out.setVector(o, i, y < x ? y : x);
        }
      }
      case MATRIX_MIN -> elementwise(in, out, a, b, o, (x, y) -> x < y ? x : y);
      case SCALAR_MAX -> out.setScalar(o, in.scalar(a) < in.scalar(b) ? in.scalar(b) : in.scalar(a));
      case VECTOR_MAX -> {
        for (int i = 0; i < f; i++) {
          double x = in.vector(a, i);
          double y = in.vector(b, i);
          out.setVector(o, i, x < y ? y : x);
        }
      }
      case MATRIX_MAX -> elementwise(in, out, a, b, o, (x, y) -> x > y ? x : y);
      case VECTOR_MEAN -> out.setScalar(o, vector(in, a).elementSum() / f);
      case MATRIX_MEAN -> out.setScalar(o, matrix(in, a).elementSum() / (f * f));
      case MATRIX_ROW_MEAN -> {
        SimpleMatrix m = matrix(in, a);
        for (int r = 0; r < f; r++) {
          out.setVector(o, r, m.extractVector(true, r).elementSum() / f);
        }
      }
      case MATRIX_ROW_ST_DEV -> {
        for (int r = 0; r < f; r++) {
          double[] row = new double[f];
          for (int c = 0; c < f; c++) {
            row[c] = in.matrix(a, r, c);
          }
          out.setVector(o, r, populationStdev(row));
        }
      }
      case VECTOR_ST_DEV -> {
        double[] values = new double[f];
        for (int i = 0; i < f; i++) {
          values[i] = in.vector(a, i);
        }
        out.setScalar(o, populationStdev(values));
      }
      case MATRIX_ST_DEV -> {
        double[] values = new double[f * f];
        for (int r = 0; r < f; r++) {
          for (int c = 0; c < f; c++) {
            values[r * f + c] = in.matrix(a, r, c);
          }
        }
        out.setScalar(o, populationStdev(values));
      }
      case SCALAR_CONST_SET -> out.setScalar(o, instruction.activation());
      case VECTOR_CONST_SET -> out.setVector(o, (int) (f * instruction.data0()), instruction.data1());
      case MATRIX_CONST_SET -> out.setMatrix(o, (int) (f * instruction.data0()), (int) (f * instruction.data1()),
          instruction.data2());
      case VECTOR_RELU -> {
        for (int i = 0; i < f; i++) {
          double x = in.vector(a, i);
          out.setVector(o, i, x < 0 ? 0 : x);
        }
      }
      default -> fail("no oracle for " + instruction.op() + "; add one to OpOracleTest");
    }
  }

  private interface Binary {
    double apply(double x, double y);
  }

  private static void elementwise(Memory in, Memory out, int a, int b, int o, Binary fn) {
    int f = in.featuresSize;
    for (int r = 0; r < f; r++) {
      for (int c = 0; c < f; c++) {
        out.setMatrix(o, r, c, fn.apply(in.matrix(a, r, c), in.matrix(b, r, c)));
      }
    }
  }

  /** Two-pass population standard deviation, a different formula from the interpreter's. */
  private static double populationStdev(double[] values) {
    double mean = 0;
    for (double x : values) {
      mean += x;
    }
    mean /= values.length;
    double squares = 0;
    for (double x : values) {
      squares += (x - mean) * (x - mean);
    }
    return Math.sqrt(squares / values.length);
  }

  private static SimpleMatrix vector(Memory memory, int address) {
    int f = memory.featuresSize;
    SimpleMatrix v = new SimpleMatrix(f, 1);
    for (int i = 0; i < f; i++) {
      v.set(i, 0, memory.vector(address, i));
    }
    return v;
  }

  private static SimpleMatrix matrix(Memory memory, int address) {
    int f = memory.featuresSize;
    SimpleMatrix m = new SimpleMatrix(f, f);
    for (int r = 0; r < f; r++) {
      for (int c = 0; c < f; c++) {
        m.set(r, c, memory.matrix(address, r, c));
      }
    }
    return m;
  }

  private static void setVector(Memory memory, int address, SimpleMatrix v) {
    for (int i = 0; i < memory.featuresSize; i++) {
      memory.setVector(address, i, v.get(i, 0));
    }
  }

  private static void setMatrix(Memory memory, int address, SimpleMatrix m) {
    int f = memory.featuresSize;
    for (int r = 0; r < f; r++) {
      for (int c = 0; c < f; c++) {
        memory.setMatrix(address, r, c, m.get(r, c));
      }
    }
  }
}
