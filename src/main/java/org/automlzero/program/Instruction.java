package org.automlzero.program;

import java.util.Objects;

/**
 * One line of a program: {@code out = op(in1, in2)} with the op's constants. Immutable; algorithms
 * share instances freely.
 *
 * <p>As in the reference ({@code instruction.h}), addresses the op does not use and constants it
 * does not use are zero, the scalar constant is a {@code double} and the other three constants are
 * {@code float}s. Equality is the reference's: same op and addresses, constants equal within
 * {@value #DATA_TOLERANCE}. Addresses are checked against an {@link AddressSpace} by
 * {@link AddressSpace#check(Instruction)}, not here, since an instruction does not know its space.
 */
public record Instruction(
    Op op, int in1, int in2, int out, double activation, float data0, float data1, float data2) {

  /** The tolerance of constant comparisons in {@link #equals(Object)}, as the reference's. */
  public static final double DATA_TOLERANCE = 1e-5;

  private static final Instruction NO_OP = new Instruction(Op.NO_OP, 0, 0, 0, 0, 0, 0, 0);

  public Instruction {
    Objects.requireNonNull(op, "op");
    requireAddress(op.in1(), in1, "in1", op);
    requireAddress(op.in2(), in2, "in2", op);
    requireAddress(op.out(), out, "out", op);
    switch (op.data()) {
      case NONE -> requireZero(op, activation, data0, data1, data2);
      case ACTIVATION -> requireZero(op, 0, data0, data1, data2);
      case VECTOR_ENTRY -> {
        requireZero(op, activation, 0, 0, data2);
        requireFraction(op, data0, "index");
      }
      case MATRIX_ENTRY -> {
        requireZero(op, activation, 0, 0, 0);
        requireFraction(op, data0, "row index");
        requireFraction(op, data1, "column index");
      }
      case UNIFORM, GAUSSIAN -> requireZero(op, activation, 0, 0, data2);
    }
  }

  /** The instruction that does nothing. */
  public static Instruction noOp() {
    return NO_OP;
  }

  /** An instruction without constants, such as {@code s3 = s0 - s1}. */
  public static Instruction of(Op op, int in1, int in2, int out) {
    return new Instruction(op, in1, in2, out, 0, 0, 0, 0);
  }

  /** An instruction with one input and no constants, such as {@code s2 = abs(s1)}. */
  public static Instruction of(Op op, int in1, int out) {
    return new Instruction(op, in1, 0, out, 0, 0, 0, 0);
  }

  /** {@code s[out] = value}. */
  public static Instruction scalarConst(int out, double value) {
    return new Instruction(Op.SCALAR_CONST_SET, 0, 0, out, value, 0, 0, 0);
  }

  /** {@code v[out][index] = value}, with the index as a fraction of F in [0, 1). */
  public static Instruction vectorConst(int out, float index, float value) {
    return new Instruction(Op.VECTOR_CONST_SET, 0, 0, out, 0, index, value, 0);
  }

  /** {@code m[out][row, column] = value}, with row and column as fractions of F in [0, 1). */
  public static Instruction matrixConst(int out, float row, float column, float value) {
    return new Instruction(Op.MATRIX_CONST_SET, 0, 0, out, 0, row, column, value);
  }

  /** A uniform or Gaussian set op: {@code a} and {@code b} are low/high or mean/stdev. */
  public static Instruction randomSet(Op op, int out, float a, float b) {
    if (!op.isStochastic()) {
      throw new IllegalArgumentException(op + " is not a uniform or Gaussian set op");
    }
    return new Instruction(op, 0, 0, out, 0, a, b, 0);
  }

  /** The reference's {@code FloatToIndex}: a fraction in [0, 1) to an index in [0, size). */
  public static int fractionToIndex(float fraction, int size) {
    return (int) (size * fraction);
  }

  /** The reference's {@code IndexToFloat}: the fraction at the middle of index's bin. */
  public static float indexToFraction(int index, int size) {
    return (float) ((index + 0.5) / size);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Instruction that
        && op == that.op
        && in1 == that.in1
        && in2 == that.in2
        && out == that.out
        && close(activation, that.activation)
        && close(data0, that.data0)
        && close(data1, that.data1)
        && close(data2, that.data2);
  }

  @Override
  public int hashCode() {
    // Constants are compared with a tolerance, so they cannot take part in the hash.
    return Objects.hash(op, in1, in2, out);
  }

  private static boolean close(double a, double b) {
    return a == b || Math.abs(a - b) <= DATA_TOLERANCE;
  }

  private static void requireAddress(Kind kind, int address, String name, Op op) {
    if (kind == Kind.NONE ? address != 0 : address < 0) {
      throw new IllegalArgumentException(
          op + ": " + name + " is " + address + (kind == Kind.NONE ? ", must be 0 (unused)" : ", must be >= 0"));
    }
  }

  private static void requireZero(Op op, double activation, float d0, float d1, float d2) {
    if (activation != 0 || d0 != 0 || d1 != 0 || d2 != 0) {
      throw new IllegalArgumentException(op + " does not use these constants; they must be 0");
    }
  }

  private static void requireFraction(Op op, float fraction, String name) {
    if (!(fraction >= 0 && fraction < 1)) {
      throw new IllegalArgumentException(op + ": " + name + " fraction " + fraction + " must be in [0, 1)");
    }
  }
}
