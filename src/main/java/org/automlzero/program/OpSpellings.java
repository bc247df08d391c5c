package org.automlzero.program;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The names and operators the parser reads, each with the ops it may stand for. A name stands for
 * several ops of different operand kinds ({@code abs} for scalar, vector and matrix abs; {@code *}
 * for five products); the parser picks the one whose input and output kinds match the addresses
 * written. Reductions over one axis of a matrix carry the numpy {@code axis} that selects them, as
 * the reference prints them ({@code norm(m0, axis=0)} is the column norm). Immutable.
 */
final class OpSpellings {
  /** No {@code axis} argument. */
  static final int NO_AXIS = -1;

  /** One reading of a name: the op and the axis argument that selects it. */
  record Reading(Op op, int axis) {}

  /** Module prefixes dropped from dotted names, as in {@code np.linalg.norm}. */
  static final Set<String> MODULES =
      Set.of("np", "numpy", "np.linalg", "numpy.linalg", "np.random", "numpy.random", "math");

  /** Names of the random set ops: two constants, then any shape arguments. */
  static final Set<String> RANDOM_NAMES = Set.of("gaussian", "normal", "uniform");

  /** Names that spell NO_OP as a whole statement. */
  static final Set<String> NO_OP_NAMES = Set.of("no_op", "NoOp", "noop", "pass");

  /** Names shown in error messages as examples. */
  static final List<String> EXAMPLES =
      List.of("dot", "matmul", "outer", "abs", "heaviside", "max", "mean", "norm", "gaussian", "uniform");

  private static final Map<String, List<Reading>> READINGS = build();

  private OpSpellings() {}

  /** The readings of a bare name or operator symbol; empty when unknown. */
  static List<Reading> readings(String name) {
    return READINGS.getOrDefault(name, List.of());
  }

    /** Every name and random set name, for suggestions. */
  static List<String> allNames() {
    List<String> names = new ArrayList<>(READINGS.keySet());
    names.addAll(RANDOM_NAMES);
    names.removeIf(n -> !Character.isLetter(n.charAt(0)));
    Collections.sort(names);
    return names;
  }

  private static Map<String, List<Reading>> build() {
    Map<String, List<Reading>> m = new LinkedHashMap<>();
    put(m, "+", Op.SCALAR_SUM, Op.VECTOR_SUM, Op.MATRIX_SUM);
    put(m, "add", Op.SCALAR_SUM, Op.VECTOR_SUM, Op.MATRIX_SUM);
    put(m, "-", Op.SCALAR_DIFF, Op.VECTOR_DIFF, Op.MATRIX_DIFF);
    put(m, "subtract", Op.SCALAR_DIFF, Op.VECTOR_DIFF, Op.MATRIX_DIFF);
    Op[] products = {
      Op.SCALAR_PRODUCT, Op.SCALAR_VECTOR_PRODUCT, Op.VECTOR_PRODUCT, Op.SCALAR_MATRIX_PRODUCT, Op.MATRIX_PRODUCT
    };
    put(m, "*", products);
    put(m, "multiply", products);
    put(m, "/", Op.SCALAR_DIVISION, Op.VECTOR_DIVISION, Op.MATRIX_DIVISION);
    put(m, "divide", Op.SCALAR_DIVISION, Op.VECTOR_DIVISION, Op.MATRIX_DIVISION);
    put(m, "@", Op.MATRIX_VECTOR_PRODUCT, Op.MATRIX_MATRIX_PRODUCT);
    put(m, "matmul", Op.MATRIX_VECTOR_PRODUCT, Op.MATRIX_MATRIX_PRODUCT);
    put(m, "dot", Op.VECTOR_INNER_PRODUCT, Op.MATRIX_VECTOR_PRODUCT, Op.MATRIX_MATRIX_PRODUCT);
    put(m, "inner", Op.VECTOR_INNER_PRODUCT);
    put(m, "outer", Op.VECTOR_OUTER_PRODUCT);
    put(m, "abs", Op.SCALAR_ABS, Op.VECTOR_ABS, Op.MATRIX_ABS);
    put(m, "absolute", Op.SCALAR_ABS, Op.VECTOR_ABS, Op.MATRIX_ABS);
    put(m, "reciprocal", Op.SCALAR_RECIPROCAL, Op.VECTOR_RECIPROCAL, Op.MATRIX_RECIPROCAL);
    put(m, "sin", Op.SCALAR_SIN);
    put(m, "cos", Op.SCALAR_COS);
    put(m, "tan", Op.SCALAR_TAN);
    put(m, "arcsin", Op.SCALAR_ARCSIN);
    put(m, "asin", Op.SCALAR_ARCSIN);
    put(m, "arccos", Op.SCALAR_ARCCOS);
    put(m, "acos", Op.SCALAR_ARCCOS);
    put(m, "arctan", Op.SCALAR_ARCTAN);
    put(m, "atan", Op.SCALAR_ARCTAN);
    put(m, "exp", Op.SCALAR_EXP);
    put(m, "log", Op.SCALAR_LOG);
    put(m, "heaviside", Op.SCALAR_HEAVYSIDE, Op.VECTOR_HEAVYSIDE, Op.MATRIX_HEAVYSIDE);
    put(m, "relu", Op.VECTOR_RELU);
    put(m, "transpose", Op.MATRIX_TRANSPOSE);
    put(m, "min", Op.SCALAR_MIN, Op.VECTOR_MIN, Op.MATRIX_MIN);
    put(m, "minimum", Op.SCALAR_MIN, Op.VECTOR_MIN, Op.MATRIX_MIN);
    put(m, "max", Op.SCALAR_MAX, Op.VECTOR_MAX, Op.MATRIX_MAX);
    put(m, "maximum", Op.SCALAR_MAX, Op.VECTOR_MAX, Op.MATRIX_MAX);
    put(m, "bcast", Op.SCALAR_BROADCAST);
    putAxis(m, "bcast", Op.VECTOR_COLUMN_BROADCAST, 0);
    putAxis(m, "bcast", Op.VECTOR_ROW_BROADCAST, 1);
    put(m, "broadcast", Op.SCALAR_BROADCAST);
    putAxis(m, "broadcast", Op.VECTOR_COLUMN_BROADCAST, 0);
    putAxis(m, "broadcast", Op.VECTOR_ROW_BROADCAST, 1);
    put(m, "bcast_col", Op.VECTOR_COLUMN_BROADCAST);
    put(m, "bcast_row", Op.VECTOR_ROW_BROADCAST);
    put(m, "norm", Op.VECTOR_NORM, Op.MATRIX_NORM);
    putAxis(m, "norm", Op.MATRIX_COLUMN_NORM, 0);
    putAxis(m, "norm", Op.MATRIX_ROW_NORM, 1);
    put(m, "norm_col", Op.MATRIX_COLUMN_NORM);
    put(m, "norm_row", Op.MATRIX_ROW_NORM);
    put(m, "mean", Op.VECTOR_MEAN, Op.MATRIX_MEAN);
    putAxis(m, "mean", Op.MATRIX_ROW_MEAN, 1);
    put(m, "mean_row", Op.MATRIX_ROW_MEAN);
    put(m, "std", Op.VECTOR_ST_DEV, Op.MATRIX_ST_DEV);
    putAxis(m, "std", Op.MATRIX_ROW_ST_DEV, 1);
    put(m, "std_row", Op.MATRIX_ROW_ST_DEV);
    for (Map.Entry<String, List<Reading>> e : m.entrySet()) {
      e.setValue(List.copyOf(e.getValue()));
    }
    return Collections.unmodifiableMap(m);
  }

  private static void put(Map<String, List<Reading>> m, String name, Op... ops) {
    for (Op op : ops) {
      putAxis(m, name, op, NO_AXIS);
    }
  }

  private static void putAxis(Map<String, List<Reading>> m, String name, Op op, int axis) {
    m.computeIfAbsent(name, k -> new ArrayList<>()).add(new Reading(op, axis));
  }
}
