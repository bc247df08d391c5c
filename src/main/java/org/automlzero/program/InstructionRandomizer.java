package org.automlzero.program;

import java.util.random.RandomGenerator;

/**
 * Random instructions and the reference's parameter mutation ({@code instruction.cc}:
 * {@code SetOpAndRandomizeParams}, {@code RandomizeData}, {@code AlterParam}, {@code AlterData}).
 * Stateless; the generator is always an argument.
 */
public final class InstructionRandomizer {
  /** The reference's {@code kSignFlipProb}. */
  static final double SIGN_FLIP_PROBABILITY = 0.1;

  private InstructionRandomizer() {}

  /** A new instruction with {@code op} and every address and constant drawn fresh. */
  public static Instruction random(Op op, AddressSpace space, RandomGenerator rng) {
    if (op == Op.NO_OP) {
      return Instruction.noOp();
    }
    if (!space.supports(op)) {
      throw new IllegalArgumentException(op + " does not fit the address space " + space);
    }
    int in1 = randomIn(op.in1(), space, rng);
    int in2 = randomIn(op.in2(), space, rng);
    int out = randomOut(op.out(), space, rng);
    return switch (op.data()) {
      case NONE -> new Instruction(op, in1, in2, out, 0, 0, 0, 0);
      case ACTIVATION -> Instruction.scalarConst(out, openUniform(rng, -1, 1));
      case VECTOR_ENTRY -> Instruction.vectorConst(out, fraction(rng), (float) rng.nextDouble(-1, 1));
      case MATRIX_ENTRY -> Instruction.matrixConst(out, fraction(rng), fraction(rng), (float) rng.nextDouble(-1, 1));
      case GAUSSIAN -> Instruction.randomSet(op, out, (float) rng.nextDouble(-1, 1), (float) rng.nextDouble());
      case UNIFORM -> Instruction.randomSet(op, out, (float) rng.nextDouble(-1, 1), (float) rng.nextDouble(-1, 1));
    };
  }

  /**
   * The reference's {@code AlterParam}: data ops change their output or their constants (50/50),
   * other ops one of their addresses, each equally likely. NO_OP is returned unchanged.
   */
  public static Instruction alterParam(Instruction instruction, AddressSpace space, RandomGenerator rng) {
    Op op = instruction.op();
    if (op == Op.NO_OP) {
      return instruction;
    }
    if (op.isDataOp()) {
      if (rng.nextBoolean()) {
        return withOut(instruction, randomOut(op.out(), space, rng));
      }
      return alterData(instruction, rng);
    }
    int which = rng.nextInt(op.arity() + 1);
    if (which == op.arity()) {
      return withOut(instruction, randomOut(op.out(), space, rng));
    }
    Kind kind = which == 0 ? op.in1() : op.in2();
    int address = randomIn(kind, space, rng);
    return which == 0
        ? new Instruction(op, address, instruction.in2(), instruction.out(), 0, 0, 0, 0)
        : new Instruction(op, instruction.in1(), address, instruction.out(), 0, 0, 0, 0);
  }

  private static Instruction alterData(Instruction i, RandomGenerator rng) {
    Op op = i.op();
    return switch (op.data()) {
      case NONE -> i;
      case ACTIVATION -> Instruction.scalarConst(i.out(), logScaleOrFlip(i.activation(), rng));
      case VECTOR_ENTRY -> rng.nextBoolean()
          ? Instruction.vectorConst(i.out(), fraction(rng), i.data1())
          : Instruction.vectorConst(i.out(), i.data0(), (float) logScaleOrFlip(i.data1(), rng));
      case MATRIX_ENTRY -> switch (rng.nextInt(3)) {
        case 0 -> Instruction.matrixConst(i.out(), fraction(rng), i.data1(), i.data2());
        case 1 -> Instruction.matrixConst(i.out(), i.data0(), fraction(rng), i.data2());
        default -> Instruction.matrixConst(i.out(), i.data0(), i.data1(), (float) logScaleOrFlip(i.data2(), rng));
      };
      case GAUSSIAN -> rng.nextBoolean()
          ? Instruction.randomSet(op, i.out(), (float) logScaleOrFlip(i.data0(), rng), i.data1())
          : Instruction.randomSet(op, i.out(), i.data0(), (float) logScale(i.data1(), rng));
      case UNIFORM -> {
        float low = i.data0();
        float high = i.data1();
        if (rng.nextBoolean()) {
          low = (float) logScaleOrFlip(low, rng);
        } else {
          high = (float) logScaleOrFlip(high, rng);
        }
        yield Instruction.randomSet(op, i.out(), Math.min(low, high), Math.max(low, high));
      }
    };
  }

  /** The reference's {@code MutateActivationLogScaleOrFlip}: flip the sign, or scale by lognormal(0, 1). */
  static double logScaleOrFlip(double x, RandomGenerator rng) {
    if (rng.nextDouble() < SIGN_FLIP_PROBABILITY) {
      return -x;
    }
    return logScale(x, rng);
  }

  /** The reference's {@code MutateFloatLogScale}: scale by lognormal(0, 1); zero stays zero. */
  static double logScale(double x, RandomGenerator rng) {
    if (x == 0) {
      return x;
    }
    return Math.copySign(Math.exp(Math.log(Math.abs(x)) + rng.nextGaussian()), x);
  }

  private static Instruction withOut(Instruction i, int out) {
    return new Instruction(i.op(), i.in1(), i.in2(), out, i.activation(), i.data0(), i.data1(), i.data2());
  }

  private static int randomIn(Kind kind, AddressSpace space, RandomGenerator rng) {
    return kind == Kind.NONE ? 0 : rng.nextInt(space.count(kind));
  }

  private static int randomOut(Kind kind, AddressSpace space, RandomGenerator rng) {
    return kind == Kind.NONE ? 0 : rng.nextInt(AddressSpace.firstOutput(kind), space.count(kind));
  }

  /** U[0, 1) as a float; the rounding of a double near 1 to float would otherwise give 1. */
  private static float fraction(RandomGenerator rng) {
    float f = (float) rng.nextDouble();
    return f < 1f ? f : Math.nextDown(1f);
  }

  /** U(lo, hi) excluding lo (the reference's absl open interval). */
  private static double openUniform(RandomGenerator rng, double lo, double hi) {
    double x;
    do {
      x = rng.nextDouble(lo, hi);
    } while (x == lo);
    return x;
  }
}
