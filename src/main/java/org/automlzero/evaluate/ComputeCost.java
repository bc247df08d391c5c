package org.automlzero.evaluate;

import java.util.List;
import org.automlzero.program.Instruction;
import org.automlzero.program.Op;

/**
 * The relative compute cost of each op, the reference's measured table ({@code compute_cost.cc},
 * normalised benchmark times), which the train budget sums per component function. VECTOR_RELU,
 * which the reference lacks, costs what VECTOR_MAX costs, the op the reference uses for ReLU.
 * Stateless.
 */
public final class ComputeCost {
  private static final double[] BY_CODE = new double[Op.values().length];

  static {
    set(Op.NO_OP, 3013921.0);
    set(Op.SCALAR_SUM, 4703759.0);
    set(Op.SCALAR_DIFF, 5102027.0);
    set(Op.SCALAR_PRODUCT, 4418347.0);
    set(Op.SCALAR_DIVISION, 3963916.0);
    set(Op.SCALAR_MIN, 3677265.0);
    set(Op.SCALAR_MAX, 4573695.0);
    set(Op.SCALAR_ABS, 3684352.0);
    set(Op.SCALAR_HEAVYSIDE, 4057075.0);
    set(Op.SCALAR_CONST_SET, 3691108.0);
    set(Op.SCALAR_SIN, 7538523.0);
    set(Op.SCALAR_COS, 7452807.0);
    set(Op.SCALAR_TAN, 7583203.0);
    set(Op.SCALAR_ARCSIN, 9145616.0);
    set(Op.SCALAR_ARCCOS, 7673039.0);
    set(Op.SCALAR_ARCTAN, 9273978.0);
    set(Op.SCALAR_EXP, 11755929.0);
    set(Op.SCALAR_LOG, 11627725.0);
    set(Op.VECTOR_SUM, 4701519.0);
    set(Op.VECTOR_DIFF, 4165747.0);
    set(Op.VECTOR_PRODUCT, 4504555.0);
    set(Op.VECTOR_DIVISION, 4556237.0);
    set(Op.VECTOR_MIN, 3989956.0);
    set(Op.VECTOR_MAX, 3974229.0);
    set(Op.VECTOR_ABS, 3713533.0);
    set(Op.VECTOR_HEAVYSIDE, 3965743.0);
    set(Op.VECTOR_CONST_SET, 3991421.0);
    set(Op.MATRIX_SUM, 5579381.0);
    set(Op.MATRIX_DIFF, 5429452.0);
    set(Op.MATRIX_PRODUCT, 5475227.0);
    set(Op.MATRIX_DIVISION, 18234378.0);
    set(Op.MATRIX_MIN, 5457728.0);
    set(Op.MATRIX_MAX, 5840952.0);
    set(Op.MATRIX_ABS, 4630926.0);
    set(Op.MATRIX_HEAVYSIDE, 6728311.0);
    set(Op.MATRIX_CONST_SET, 3693035.0);
    set(Op.SCALAR_VECTOR_PRODUCT, 3705015.0);
    set(Op.VECTOR_INNER_PRODUCT, 4294617.0);
    set(Op.VECTOR_OUTER_PRODUCT, 9833707.0);
    set(Op.SCALAR_MATRIX_PRODUCT, 5986302.0);
    set(Op.MATRIX_VECTOR_PRODUCT, 9310002.0);
    set(Op.VECTOR_NORM, 4810562.0);
    set(Op.MATRIX_NORM, 6422746.0);
    set(Op.MATRIX_TRANSPOSE, 9394756.0);
    set(Op.MATRIX_MATRIX_PRODUCT, 14516296.0);
    set(Op.VECTOR_MEAN, 4280443.0);
    set(Op.VECTOR_ST_DEV, 5585730.0);
    set(Op.MATRIX_MEAN, 4595196.0);
    set(Op.MATRIX_ST_DEV, 10640216.0);
    set(Op.MATRIX_ROW_MEAN, 9763956.0);
    set(Op.MATRIX_ROW_ST_DEV, 16766477.0);
    set(Op.SCALAR_GAUSSIAN_SET, 20775635.0);
    set(Op.VECTOR_GAUSSIAN_SET, 77483018.0);
    set(Op.MATRIX_GAUSSIAN_SET, 277690384.0);
    set(Op.SCALAR_UNIFORM_SET, 26610704.0);
    set(Op.VECTOR_UNIFORM_SET, 57817372.0);
    set(Op.MATRIX_UNIFORM_SET, 208339446.0);
    set(Op.SCALAR_RECIPROCAL, 4212086.0);
    set(Op.SCALAR_BROADCAST, 4165814.0);
    set(Op.VECTOR_RECIPROCAL, 6311851.0);
    set(Op.MATRIX_RECIPROCAL, 24336141.0);
    set(Op.MATRIX_ROW_NORM, 13351123.0);
    set(Op.MATRIX_COLUMN_NORM, 6682187.0);
    set(Op.VECTOR_COLUMN_BROADCAST, 10993088.0);
    set(Op.VECTOR_ROW_BROADCAST, 11087322.0);
    set(Op.VECTOR_RELU, 3974229.0);
    for (Op op : Op.values()) {
      if (BY_CODE[op.code()] == 0) {
        throw new ExceptionInInitializerError("no compute cost for " + op);
      }
    }
  }

  private ComputeCost() {}

  private static void set(Op op, double cost) {
    BY_CODE[op.code()] = cost;
  }

  public static double of(Op op) {
    return BY_CODE[op.code()];
  }

  /** The summed cost of a component function. */
  public static double of(List<Instruction> instructions) {
    double cost = 0;
    for (int i = 0, n = instructions.size(); i < n; i++) {
      cost += BY_CODE[instructions.get(i).op().code()];
    }
    return cost;
  }
}
