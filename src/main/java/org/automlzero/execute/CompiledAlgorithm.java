package org.automlzero.execute;

import java.util.Arrays;
import java.util.List;
import org.automlzero.program.AddressSpace;
import org.automlzero.program.Algorithm;
import org.automlzero.program.ComponentFunction;
import org.automlzero.program.Instruction;
import org.automlzero.program.Kind;
import org.automlzero.program.Liveness;
import org.automlzero.program.Op;
import org.automlzero.random.Seeds;

/**
 * An {@link Algorithm} flattened for the interpreter: for each instruction its op code, its operand
 * offsets into the flat {@link Memory} of its address space and F (vector and matrix addresses
 * already multiplied by F or F x F and added to their kind's base) and its constants as doubles.
 * Setup, Predict and Learn lie one after the other, [0, setupEnd), [setupEnd, predictEnd) and
 * [predictEnd, learnEnd); NO_OPs are dropped, which changes nothing they could
 * compute. Given a {@link Liveness}, {@link #compile(Algorithm, AddressSpace, int,
 * Liveness)} also drops the instructions that cannot change a prediction, which leaves every
 * prediction, and so every fitness, the same to the bit.
 *
 * <p>For F = 2, 4, 8 and 16 the vector and matrix ops get op codes specialised to F, which run
 * their {@link Kernels} with F a literal (faster, same results to the bit); {@link
 * #CompiledAlgorithm(boolean)} can turn that off to compare the two.
 *
 * <p>Mutable and not thread-safe: a reusable buffer, one per worker. {@link #compile} overwrites it
 * and allocates only when a larger program than any before arrives, so that evaluating algorithm
 * after algorithm allocates nothing.
 */
public final class CompiledAlgorithm {
  /** The features sizes whose vector and matrix ops get op codes specialised to F. */
  static final int[] SPECIALISED_SIZES = {2, 4, 8, 16};
  /** By op code: whether the op has specialised codes (it loops over F; stochastic ops do not). */
  private static final boolean[] SPECIALISABLE = specialisable();

  private final boolean specialise;
  /** Four ints per instruction, side by side for locality: op code, in1, in2 and out offsets. */
  int[] code = new int[0];
  /** Two constants per instruction. */
  double[] constants = new double[0];
  /** Setup is [0, setupEnd); Predict is [setupEnd, predictEnd). */
  int setupEnd;
  int predictEnd;
  /** Learn is [predictEnd, learnEnd). */
  int learnEnd;
  private int featuresSize;
  /** The address space the offsets were computed for. */
  private AddressSpace space;

  /** A buffer that specialises vector and matrix ops to F where it can. */
  public CompiledAlgorithm() {
    this(true);
  }

  /**
   * @param specialise false compiles every op to its generic code whatever F: for tests and
   *     benchmarks that compare the specialised kernels with the generic ones
   */
  public CompiledAlgorithm(boolean specialise) {
    this.specialise = specialise;
  }

  /** Flattens {@code algorithm} for memories of {@code space} with features size {@code featuresSize}. */
  public CompiledAlgorithm compile(Algorithm algorithm, AddressSpace space, int featuresSize) {
    return compile(algorithm, space, featuresSize, null);
  }

  /**
   * As {@link #compile(Algorithm, AddressSpace, int)}, but keeping only the instructions that
   * {@code liveness} (analysing {@code algorithm} here, or reusing its analysis when it last
   * analysed the same instance) finds live; null keeps them all. Allocates nothing after warm-up.
   */
  public CompiledAlgorithm compile(Algorithm algorithm, AddressSpace space, int featuresSize, Liveness liveness) {
    if (liveness != null) {
      liveness.analyze(algorithm, space);
    }
    this.featuresSize = featuresSize;
    this.space = space;
    int capacity = Math.max(1, algorithm.size());
    if (code.length < capacity * 4) {
      int size = Math.max(capacity, code.length / 2);
      code = Arrays.copyOf(code, size * 4);
      constants = Arrays.copyOf(constants, size * 2);
    }
    int n = append(algorithm.setup(), ComponentFunction.SETUP, liveness, 0, space, featuresSize);
    setupEnd = n;
    n = append(algorithm.predict(), ComponentFunction.PREDICT, liveness, n, space, featuresSize);
    predictEnd = n;
    learnEnd = append(algorithm.learn(), ComponentFunction.LEARN, liveness, n, space, featuresSize);
    return this;
  }

  /**
   * A hash of what this buffer runs: its instructions (codes, offsets, constants to the bit) and
   * features size. Equal programs have equal fingerprints; {@link #sameProgram} tells them apart
   * for certain.
   */
  public long fingerprint() {
    long h = Seeds.mix64(featuresSize + 0x9e3779b97f4a7c15L);
    h = Seeds.mix64(h ^ ((long) setupEnd << 32 | predictEnd));
    final int n = learnEnd;
    for (int i = 0; i < 4 * n; i++) {
      h = Seeds.mix64(h ^ code[i]);
    }
    for (int i = 0; i < 2 * n; i++) {
      h = Seeds.mix64(h ^ Double.doubleToRawLongBits(constants[i]));
    }
    return h;
  }

  /**
   * Whether {@code other} runs exactly what this buffer runs (same instructions, constants equal to
   * the bit, same features size): then it behaves identically on every task and generator.
   */
  public boolean sameProgram(CompiledAlgorithm other) {
    final int n = learnEnd;
    return featuresSize == other.featuresSize && setupEnd == other.setupEnd && predictEnd == other.predictEnd
        && learnEnd == other.learnEnd
        && Arrays.equals(code, 0, 4 * n, other.code, 0, 4 * n)
        && rawEquals(constants, other.constants, 2 * n);
  }

  /** Makes this buffer a copy of {@code other}; allocates only when {@code other} is larger than any before. */
  public void copyFrom(CompiledAlgorithm other) {
    final int n = other.learnEnd;
    if (code.length < 4 * n) {
      code = new int[other.code.length];
      constants = new double[other.constants.length];
    }
    System.arraycopy(other.code, 0, code, 0, 4 * n);
    System.arraycopy(other.constants, 0, constants, 0, 2 * n);
    setupEnd = other.setupEnd;
    predictEnd = other.predictEnd;
    learnEnd = other.learnEnd;
    featuresSize = other.featuresSize;
    space = other.space;
  }

  private static boolean rawEquals(double[] a, double[] b, int n) {
    for (int i = 0; i < n; i++) {
      if (Double.doubleToRawLongBits(a[i]) != Double.doubleToRawLongBits(b[i])) {
        return false;
      }
    }
    return true;
  }

  /**
   * Throws unless {@code memory} is laid out as this buffer's offsets assume (same address space
   * and F): run on another memory, they would name other entries without any error.
   */
  void checkFits(Memory memory) {
    if (memory.featuresSize != featuresSize || !memory.space.equals(space)) {
      throw new IllegalArgumentException("program compiled for " + space + " and F=" + featuresSize
          + " run on a memory of " + memory.space + " and F=" + memory.featuresSize);
    }
  }

  /** The features size this buffer was last compiled for. */
  public int featuresSize() {
    return featuresSize;
  }

  /** Instructions of Setup left after dropping NO_OPs (and dead code). */
  public int setupLength() {
    return setupEnd;
  }

  /** Instructions of Predict left after dropping NO_OPs (and dead code). */
  public int predictLength() {
    return predictEnd - setupEnd;
  }

  /** Instructions of Learn left after dropping NO_OPs (and dead code). */
  public int learnLength() {
    return learnEnd - predictEnd;
  }

  /** Instructions left after dropping NO_OPs (and dead code), in all three functions. */
  public int length() {
    return learnEnd;
  }

  private void set(int n, int op, int a, int b, int o, double c0, double c1) {
    code[4 * n] = op;
    code[4 * n + 1] = a;
    code[4 * n + 2] = b;
    code[4 * n + 3] = o;
    constants[2 * n] = c0;
    constants[2 * n + 1] = c1;
  }

  private int append(List<Instruction> instructions, ComponentFunction function, Liveness liveness, int n,
      AddressSpace space, int f) {
    final int sizeOffset = specialise ? sizeOffset(f) : 0;
    for (int i = 0, size = instructions.size(); i < size; i++) {
      Instruction instruction = instructions.get(i);
      Op op = instruction.op();
      if (op == Op.NO_OP) {
        continue;
      }
      checkAddresses(instruction, space);
      if (liveness != null && !liveness.isLive(function, i)) {
        continue;
      }
      int o = offset(op.out(), instruction.out(), space, f);
      double c0 = 0;
      double c1 = 0;
      switch (op.data()) {
        case NONE -> { }
        case ACTIVATION -> c0 = instruction.activation();
        case VECTOR_ENTRY -> {
          o += Instruction.fractionToIndex(instruction.data0(), f);
          c0 = instruction.data1();
        }
        case MATRIX_ENTRY -> {
          o += Instruction.fractionToIndex(instruction.data0(), f) * f
              + Instruction.fractionToIndex(instruction.data1(), f);
          c0 = instruction.data2();
        }
        case UNIFORM, GAUSSIAN -> {
          c0 = instruction.data0();
          c1 = instruction.data1();
        }
      }
      int opCode = op.code();
      if (SPECIALISABLE[opCode]) {
        opCode += sizeOffset;
      }
      set(n, opCode, offset(op.in1(), instruction.in1(), space, f), offset(op.in2(), instruction.in2(), space, f), o,
          c0, c1);
      n++;
    }
    return n;
  }

  /** What to add to a specialisable op's code for features size {@code f}: 0 for the generic code. */
  private static int sizeOffset(int f) {
    return switch (f) {
      case 2 -> Interpreter.F2;
      case 4 -> Interpreter.F4;
      case 8 -> Interpreter.F8;
      case 16 -> Interpreter.F16;
      default -> 0;
    };
  }

  private static boolean[] specialisable() {
    boolean[] table = new boolean[Op.values().length];
    for (Op op : Op.values()) {
      boolean loopsOverF = op.in1() == Kind.VECTOR || op.in1() == Kind.MATRIX || op.in2() == Kind.VECTOR
          || op.in2() == Kind.MATRIX || op.out() == Kind.VECTOR || op.out() == Kind.MATRIX;
      // Entry sets write one entry; the stochastic sets are bound by their generator.
      table[op.code()] = loopsOverF && op.data() == Op.DataKind.NONE && !op.isStochastic();
    }
    return table;
  }

  /** Where operand {@code address} of kind {@code kind} starts in {@link Memory#data}. */
  private static int offset(Kind kind, int address, AddressSpace space, int f) {
    return switch (kind) {
      case NONE, SCALAR -> address;
      case VECTOR -> Memory.vectorBase(space) + address * f;
      case MATRIX -> Memory.matrixBase(space, f) + address * f * f;
    };
  }

  /**
   * The interpreter relies on programs never writing s0 or v0 and never leaving memory, so check
   * each instruction here, once per compilation, rather than in the loop.
   */
  private static void checkAddresses(Instruction instruction, AddressSpace space) {
    Op op = instruction.op();
    if (!inRange(op.in1(), instruction.in1(), 0, space)
        || !inRange(op.in2(), instruction.in2(), 0, space)
        || !inRange(op.out(), instruction.out(), AddressSpace.firstOutput(op.out()), space)) {
      space.check(instruction); // throws with a message naming the operand
    }
  }

  private static boolean inRange(Kind kind, int address, int first, AddressSpace space) {
    return kind == Kind.NONE || (address >= first && address < space.count(kind));
  }
}
