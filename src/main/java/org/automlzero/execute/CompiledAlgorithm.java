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

/**
 * An {@link Algorithm} flattened for the interpreter: for each instruction its op code, its operand
 * offsets into the flat memory arrays (already multiplied by F or F x F) and its constants as
 * doubles. Setup, Predict and Learn lie one after the other; NO_OPs are dropped, which changes
 * nothing they could compute. Given a {@link Liveness}, {@link #compile(Algorithm, AddressSpace, int,
 * Liveness)} also drops the instructions that cannot change a prediction, which leaves every
 * prediction, and so every fitness, the same to the bit.
 *
 * <p>Mutable and not thread-safe: a reusable buffer, one per worker. {@link #compile} overwrites it
 * and allocates only when a larger program than any before arrives, so that evaluating algorithm
 * after algorithm allocates nothing.
 */
public final class CompiledAlgorithm {
  int[] ops = new int[0];
  int[] in1 = new int[0];
  int[] in2 = new int[0];
  int[] out = new int[0];
  double[] k0 = new double[0];
  double[] k1 = new double[0];
  int setupEnd;
  int predictEnd;
  int learnEnd;
  private int featuresSize;

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
    int capacity = algorithm.size();
    if (ops.length < capacity) {
      int size = Math.max(capacity, ops.length * 2);
      ops = Arrays.copyOf(ops, size);
      in1 = Arrays.copyOf(in1, size);
      in2 = Arrays.copyOf(in2, size);
      out = Arrays.copyOf(out, size);
      k0 = Arrays.copyOf(k0, size);
      k1 = Arrays.copyOf(k1, size);
    }
    int n = append(algorithm.setup(), ComponentFunction.SETUP, liveness, 0, space, featuresSize);
    setupEnd = n;
    n = append(algorithm.predict(), ComponentFunction.PREDICT, liveness, n, space, featuresSize);
    predictEnd = n;
    n = append(algorithm.learn(), ComponentFunction.LEARN, liveness, n, space, featuresSize);
    learnEnd = n;
    return this;
  }

  /** The features size this buffer was last compiled for. */
  public int featuresSize() {
    return featuresSize;
  }

  /** Instructions left after dropping NO_OPs, in all three functions. */
  public int length() {
    return learnEnd;
  }

  private int append(List<Instruction> instructions, ComponentFunction function, Liveness liveness, int n,
      AddressSpace space, int f) {
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
      ops[n] = op.code();
      in1[n] = offset(op.in1(), instruction.in1(), f);
      in2[n] = offset(op.in2(), instruction.in2(), f);
      int o = offset(op.out(), instruction.out(), f);
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
      out[n] = o;
      k0[n] = c0;
      k1[n] = c1;
      n++;
    }
    return n;
  }

  private static int offset(Kind kind, int address, int f) {
    return switch (kind) {
      case NONE, SCALAR -> address;
      case VECTOR -> address * f;
      case MATRIX -> address * f * f;
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
