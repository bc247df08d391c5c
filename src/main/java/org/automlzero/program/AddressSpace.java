package org.automlzero.program;

/**
 * How many scalar, vector and matrix addresses an experiment's memory has (the reference's
 * compile-time {@code MAX_*_ADDRESSES}; here a per-experiment value). s0 holds the label, s1 the
 * prediction and v0 the features, so there are at least two scalars and one vector. Immutable.
 *
 * <p>Outputs never write s0 or v0 (reference: out addresses are drawn from [1, max) for scalars
 * and vectors, [0, max) for matrices).
 */
public record AddressSpace(int scalars, int vectors, int matrices) {
  /** The reference's default, 20/20/20. */
  public static final AddressSpace DEFAULT = new AddressSpace(20, 20, 20);
  /** The demo's 4/3/1 ({@code run_demo.sh}). */
  public static final AddressSpace DEMO = new AddressSpace(4, 3, 1);
  /** The baseline's 5/9/2 ({@code run_baseline.sh} and the nonlinear test). */
  public static final AddressSpace BASELINE = new AddressSpace(5, 9, 2);

  public static final int LABEL_SCALAR = 0;
  public static final int PREDICTION_SCALAR = 1;
  public static final int FEATURES_VECTOR = 0;

  public AddressSpace {
    if (scalars < 2) {
      throw new IllegalArgumentException("scalars is " + scalars + ", must be >= 2 (s0 label, s1 prediction)");
    }
    if (vectors < 1) {
      throw new IllegalArgumentException("vectors is " + vectors + ", must be >= 1 (v0 features)");
    }
    if (matrices < 0) {
      throw new IllegalArgumentException("matrices is " + matrices + ", must be >= 0");
    }
  }

  /** The number of addresses of {@code kind}. */
  public int count(Kind kind) {
    return switch (kind) {
      case SCALAR -> scalars;
      case VECTOR -> vectors;
      case MATRIX -> matrices;
      case NONE -> 0;
    };
  }

  /** The lowest address an op may write for {@code kind}: 1 for scalars and vectors, 0 for matrices. */
  public static int firstOutput(Kind kind) {
    return kind == Kind.MATRIX ? 0 : 1;
  }

  /** True when some instruction with {@code op} fits this space (all its inputs and an output exist). */
  public boolean supports(Op op) {
    return (op.in1() == Kind.NONE || count(op.in1()) > 0)
        && (op.in2() == Kind.NONE || count(op.in2()) > 0)
        && (op.out() == Kind.NONE || count(op.out()) > firstOutput(op.out()));
  }

  /** Throws {@link IllegalArgumentException} naming the operand when {@code instruction} does not fit. */
  public void check(Instruction instruction) {
    Op op = instruction.op();
    checkOne(op, op.in1(), instruction.in1(), "in1", 0);
    checkOne(op, op.in2(), instruction.in2(), "in2", 0);
    checkOne(op, op.out(), instruction.out(), "out", firstOutput(op.out()));
  }

  private void checkOne(Op op, Kind kind, int address, String name, int first) {
    if (kind != Kind.NONE && (address < first || address >= count(kind))) {
      throw new IllegalArgumentException(
          op + ": " + name + " " + kind.letter() + address + " is outside " + kind.letter() + first
              + ".." + kind.letter() + (count(kind) - 1) + " of this address space " + this);
    }
  }
}
