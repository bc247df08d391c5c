package org.automlzero.program;

import java.util.List;

/**
 * Prints instructions and algorithms in the project's text form (see {@link ProgramText}). Every op
 * has exactly one spelling here, and {@link TextParser} reads each spelling back to the same op.
 * Stateless.
 */
final class TextPrinter {
  static final String INDENT = "  ";

  private TextPrinter() {}

  static String print(Algorithm algorithm) {
    StringBuilder b = new StringBuilder();
    for (ComponentFunction function : ComponentFunction.ALL) {
      b.append("def ").append(function.title()).append("():\n");
      List<Instruction> instructions = algorithm.component(function);
      for (Instruction instruction : instructions) {
        b.append(INDENT).append(print(instruction)).append('\n');
      }
    }
    return b.toString();
  }

  static String print(Instruction i) {
    Op op = i.op();
    return switch (op) {
      case NO_OP -> "no_op";
      case VECTOR_CONST_SET -> address(op.out(), i.out()) + "[" + number(i.data0()) + "] = " + number(i.data1());
      case MATRIX_CONST_SET -> address(op.out(), i.out())
          + "[" + number(i.data0()) + ", " + number(i.data1()) + "] = " + number(i.data2());
      default -> address(op.out(), i.out()) + " = " + expression(i);
    };
  }

  /** The right-hand side of an instruction that assigns a whole address. */
  private static String expression(Instruction i) {
    Op op = i.op();
    String a = op.in1() == Kind.NONE ? "" : address(op.in1(), i.in1());
    String b = op.in2() == Kind.NONE ? "" : address(op.in2(), i.in2());
    return switch (op) {
      case SCALAR_SUM, VECTOR_SUM, MATRIX_SUM -> a + " + " + b;
      case SCALAR_DIFF, VECTOR_DIFF, MATRIX_DIFF -> a + " - " + b;
      case SCALAR_PRODUCT, VECTOR_PRODUCT, MATRIX_PRODUCT, SCALAR_VECTOR_PRODUCT, SCALAR_MATRIX_PRODUCT ->
          a + " * " + b;
      case SCALAR_DIVISION, VECTOR_DIVISION, MATRIX_DIVISION -> a + " / " + b;
      case SCALAR_ABS, VECTOR_ABS, MATRIX_ABS -> call("abs", a);
      case SCALAR_RECIPROCAL, VECTOR_RECIPROCAL, MATRIX_RECIPROCAL -> "1 / " + a;
      case SCALAR_SIN -> call("sin", a);
      case SCALAR_COS -> call("cos", a);
      case SCALAR_TAN -> call("tan", a);
      case SCALAR_ARCSIN -> call("arcsin", a);
      case SCALAR_ARCCOS -> call("arccos", a);
      case SCALAR_ARCTAN -> call("arctan", a);
      case SCALAR_EXP -> call("exp", a);
      case SCALAR_LOG -> call("log", a);
      case SCALAR_HEAVYSIDE, VECTOR_HEAVYSIDE, MATRIX_HEAVYSIDE -> call("heaviside", a);
      case SCALAR_BROADCAST -> call("bcast", a);
      case VECTOR_COLUMN_BROADCAST -> call("bcast_col", a);
      case VECTOR_ROW_BROADCAST -> call("bcast_row", a);
      case VECTOR_NORM, MATRIX_NORM -> call("norm", a);
      case MATRIX_COLUMN_NORM -> call("norm_col", a);
      case MATRIX_ROW_NORM -> call("norm_row", a);
      case VECTOR_INNER_PRODUCT -> call("dot", a, b);
      case VECTOR_OUTER_PRODUCT -> call("outer", a, b);
      case MATRIX_VECTOR_PRODUCT, MATRIX_MATRIX_PRODUCT -> call("matmul", a, b);
      case MATRIX_TRANSPOSE -> call("transpose", a);
      case SCALAR_MIN, VECTOR_MIN, MATRIX_MIN -> call("min", a, b);
      case SCALAR_MAX, VECTOR_MAX, MATRIX_MAX -> call("max", a, b);
      case VECTOR_MEAN, MATRIX_MEAN -> call("mean", a);
      case MATRIX_ROW_MEAN -> call("mean_row", a);
      case VECTOR_ST_DEV, MATRIX_ST_DEV -> call("std", a);
      case MATRIX_ROW_ST_DEV -> call("std_row", a);
      case VECTOR_RELU -> call("relu", a);
      case SCALAR_CONST_SET -> number(i.activation());
      case SCALAR_UNIFORM_SET, VECTOR_UNIFORM_SET, MATRIX_UNIFORM_SET ->
          call("uniform", number(i.data0()), number(i.data1()));
      case SCALAR_GAUSSIAN_SET, VECTOR_GAUSSIAN_SET, MATRIX_GAUSSIAN_SET ->
          call("gaussian", number(i.data0()), number(i.data1()));
      case NO_OP, VECTOR_CONST_SET, MATRIX_CONST_SET -> throw new IllegalStateException(op + " has no expression");
    };
  }

  /**
   * The shortest text that {@link Double#parseDouble} reads back to the same bits (JDK
   * {@link Double#toString}, lower-case exponent), or {@code nan}, {@code inf}, {@code -inf}.
   */
  static String number(double x) {
    if (Double.isNaN(x)) {
      return "nan";
    }
    if (Double.isInfinite(x)) {
      return x > 0 ? "inf" : "-inf";
    }
    return Double.toString(x).replace('E', 'e');
  }

  /** As {@link #number(double)}, for a float: the text reads back to the same float bits. */
  static String number(float x) {
    if (Float.isNaN(x)) {
      return "nan";
    }
    if (Float.isInfinite(x)) {
      return x > 0 ? "inf" : "-inf";
    }
    return Float.toString(x).replace('E', 'e');
  }

  private static String address(Kind kind, int address) {
    return String.valueOf(kind.letter()) + address;
  }

  private static String call(String name, String argument) {
    return name + "(" + argument + ")";
  }

  private static String call(String name, String first, String second) {
    return name + "(" + first + ", " + second + ")";
  }
}
