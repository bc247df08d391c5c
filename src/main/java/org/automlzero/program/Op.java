package org.automlzero.program;

import static org.automlzero.program.Kind.MATRIX;
import static org.automlzero.program.Kind.NONE;
import static org.automlzero.program.Kind.SCALAR;
import static org.automlzero.program.Kind.VECTOR;

import java.util.List;

/**
 * The instruction set: NO_OP and the 64 ops of the reference ({@code instruction.proto}), in the
 * reference's numbering, plus {@link #VECTOR_RELU}, which the paper's op list names (Real et al.
 * 2020, Table S1) and which gets the next free number, 65.
 *
 * <p>Each op declares the kinds of its two inputs and of its output, and which constant fields of
 * an {@link Instruction} it uses ({@link DataKind}). Immutable.
 */
public enum Op {
  NO_OP(0, NONE, NONE, NONE, DataKind.NONE),
  SCALAR_SUM(1, SCALAR, SCALAR, SCALAR, DataKind.NONE),
  SCALAR_DIFF(2, SCALAR, SCALAR, SCALAR, DataKind.NONE),
  SCALAR_PRODUCT(3, SCALAR, SCALAR, SCALAR, DataKind.NONE),
  SCALAR_DIVISION(4, SCALAR, SCALAR, SCALAR, DataKind.NONE),
  SCALAR_ABS(5, SCALAR, NONE, SCALAR, DataKind.NONE),
  SCALAR_RECIPROCAL(6, SCALAR, NONE, SCALAR, DataKind.NONE),
  SCALAR_SIN(7, SCALAR, NONE, SCALAR, DataKind.NONE),
  SCALAR_COS(8, SCALAR, NONE, SCALAR, DataKind.NONE),
  SCALAR_TAN(9, SCALAR, NONE, SCALAR, DataKind.NONE),
  SCALAR_ARCSIN(10, SCALAR, NONE, SCALAR, DataKind.NONE),
  SCALAR_ARCCOS(11, SCALAR, NONE, SCALAR, DataKind.NONE),
  SCALAR_ARCTAN(12, SCALAR, NONE, SCALAR, DataKind.NONE),
  SCALAR_EXP(13, SCALAR, NONE, SCALAR, DataKind.NONE),
  SCALAR_LOG(14, SCALAR, NONE, SCALAR, DataKind.NONE),
  SCALAR_HEAVYSIDE(15, SCALAR, NONE, SCALAR, DataKind.NONE),
  VECTOR_HEAVYSIDE(16, VECTOR, NONE, VECTOR, DataKind.NONE),
  MATRIX_HEAVYSIDE(17, MATRIX, NONE, MATRIX, DataKind.NONE),
  SCALAR_VECTOR_PRODUCT(18, SCALAR, VECTOR, VECTOR, DataKind.NONE),
  SCALAR_BROADCAST(19, SCALAR, NONE, VECTOR, DataKind.NONE),
  VECTOR_RECIPROCAL(20, VECTOR, NONE, VECTOR, DataKind.NONE),
  VECTOR_NORM(21, VECTOR, NONE, SCALAR, DataKind.NONE),
  VECTOR_ABS(22, VECTOR, NONE, VECTOR, DataKind.NONE),
  VECTOR_SUM(23, VECTOR, VECTOR, VECTOR, DataKind.NONE),
  VECTOR_DIFF(24, VECTOR, VECTOR, VECTOR, DataKind.NONE),
  VECTOR_PRODUCT(25, VECTOR, VECTOR, VECTOR, DataKind.NONE),
  VECTOR_DIVISION(26, VECTOR, VECTOR, VECTOR, DataKind.NONE),
  VECTOR_INNER_PRODUCT(27, VECTOR, VECTOR, SCALAR, DataKind.NONE),
  VECTOR_OUTER_PRODUCT(28, VECTOR, VECTOR, MATRIX, DataKind.NONE),
  SCALAR_MATRIX_PRODUCT(29, SCALAR, MATRIX, MATRIX, DataKind.NONE),
  MATRIX_RECIPROCAL(30, MATRIX, NONE, MATRIX, DataKind.NONE),
  MATRIX_VECTOR_PRODUCT(31, MATRIX, VECTOR, VECTOR, DataKind.NONE),
  VECTOR_COLUMN_BROADCAST(32, VECTOR, NONE, MATRIX, DataKind.NONE),
  VECTOR_ROW_BROADCAST(33, VECTOR, NONE, MATRIX, DataKind.NONE),
  MATRIX_NORM(34, MATRIX, NONE, SCALAR, DataKind.NONE),
  MATRIX_COLUMN_NORM(35, MATRIX, NONE, VECTOR, DataKind.NONE),
  MATRIX_ROW_NORM(36, MATRIX, NONE, VECTOR, DataKind.NONE),
  MATRIX_TRANSPOSE(37, MATRIX, NONE, MATRIX, DataKind.NONE),
  MATRIX_ABS(38, MATRIX, NONE, MATRIX, DataKind.NONE),
  MATRIX_SUM(39, MATRIX, MATRIX, MATRIX, DataKind.NONE),
  MATRIX_DIFF(40, MATRIX, MATRIX, MATRIX, DataKind.NONE),
  MATRIX_PRODUCT(41, MATRIX, MATRIX, MATRIX, DataKind.NONE),
  MATRIX_DIVISION(42, MATRIX, MATRIX, MATRIX, DataKind.NONE),
  MATRIX_MATRIX_PRODUCT(43, MATRIX, MATRIX, MATRIX, DataKind.NONE),
  SCALAR_MIN(44, SCALAR, SCALAR, SCALAR, DataKind.NONE),
  VECTOR_MIN(45, VECTOR, VECTOR, VECTOR, DataKind.NONE),
  MATRIX_MIN(46, MATRIX, MATRIX, MATRIX, DataKind.NONE),
  SCALAR_MAX(47, SCALAR, SCALAR, SCALAR, DataKind.NONE),
  VECTOR_MAX(48, VECTOR, VECTOR, VECTOR, DataKind.NONE),
  MATRIX_MAX(49, MATRIX, MATRIX, MATRIX, DataKind.NONE),
  VECTOR_MEAN(50, VECTOR, NONE, SCALAR, DataKind.NONE),
  MATRIX_MEAN(51, MATRIX, NONE, SCALAR, DataKind.NONE),
  MATRIX_ROW_MEAN(52, MATRIX, NONE, VECTOR, DataKind.NONE),
  MATRIX_ROW_ST_DEV(53, MATRIX, NONE, VECTOR, DataKind.NONE),
  VECTOR_ST_DEV(54, VECTOR, NONE, SCALAR, DataKind.NONE),
  MATRIX_ST_DEV(55, MATRIX, NONE, SCALAR, DataKind.NONE),
  SCALAR_CONST_SET(56, NONE, NONE, SCALAR, DataKind.ACTIVATION),
  VECTOR_CONST_SET(57, NONE, NONE, VECTOR, DataKind.VECTOR_ENTRY),
  MATRIX_CONST_SET(58, NONE, NONE, MATRIX, DataKind.MATRIX_ENTRY),
  SCALAR_UNIFORM_SET(59, NONE, NONE, SCALAR, DataKind.UNIFORM),
  VECTOR_UNIFORM_SET(60, NONE, NONE, VECTOR, DataKind.UNIFORM),
  MATRIX_UNIFORM_SET(61, NONE, NONE, MATRIX, DataKind.UNIFORM),
  SCALAR_GAUSSIAN_SET(62, NONE, NONE, SCALAR, DataKind.GAUSSIAN),
  VECTOR_GAUSSIAN_SET(63, NONE, NONE, VECTOR, DataKind.GAUSSIAN),
  MATRIX_GAUSSIAN_SET(64, NONE, NONE, MATRIX, DataKind.GAUSSIAN),
  VECTOR_RELU(65, VECTOR, NONE, VECTOR, DataKind.NONE);

  /** Which constant fields of an {@link Instruction} an op reads, and how they are drawn. */
  public enum DataKind {
    /** No constants. */
    NONE,
    /** {@code activation} is the value of the scalar. */
    ACTIVATION,
    /** {@code data0} is the index as a fraction in [0, 1), {@code data1} the value. */
    VECTOR_ENTRY,
    /** {@code data0}, {@code data1} are row and column fractions, {@code data2} the value. */
    MATRIX_ENTRY,
    /** {@code data0} and {@code data1} are the bounds of a uniform draw. */
    UNIFORM,
    /** {@code data0} is the mean and {@code data1} the standard deviation of a Gaussian draw. */
    GAUSSIAN
  }

  private static final Op[] BY_CODE = values();

  private final int code;
  private final Kind in1;
  private final Kind in2;
  private final Kind out;
  private final DataKind data;
  private final String key = name().toLowerCase(java.util.Locale.ROOT);

  Op(int code, Kind in1, Kind in2, Kind out, DataKind data) {
    this.code = code;
    this.in1 = in1;
    this.in2 = in2;
    this.out = out;
    this.data = data;
  }

  /** The name in lower case, as configs and the Parquet rows spell it: {@code vector_sum}. */
  public String key() {
    return key;
  }

  /** The reference's enum number. */
  public int code() {
    return code;
  }

  public Kind in1() {
    return in1;
  }

  public Kind in2() {
    return in2;
  }

  public Kind out() {
    return out;
  }

  public DataKind data() {
    return data;
  }

  /** How many address inputs the op reads: 0, 1 or 2. */
  public int arity() {
    return in1 == NONE ? 0 : in2 == NONE ? 1 : 2;
  }

  /** True for the ops that set their output from constants or random draws (56 to 64). */
  public boolean isDataOp() {
    return data != DataKind.NONE;
  }

  /** True for the ops that draw from the executor's generator (59 to 64). */
  public boolean isStochastic() {
    return data == DataKind.UNIFORM || data == DataKind.GAUSSIAN;
  }

  /** The op with the reference's number {@code code}. */
  public static Op ofCode(int code) {
    if (code < 0 || code >= BY_CODE.length) {
      throw new IllegalArgumentException("no op has code " + code + "; codes run from 0 to " + (BY_CODE.length - 1));
    }
    return BY_CODE[code];
  }

  /** Every op, in code order. */
  public static List<Op> all() {
    return List.of(BY_CODE);
  }
}
