package org.automlzero.task;

/**
 * Which creator builds a {@link TaskSpec}'s tasks: the {@code task_type} oneof of the reference's
 * {@code task.proto} (semantics section 7.1), without the explicit-vector {@code unit_test_fixed_task}.
 */
public enum TaskKind {
  /** Features N(0,1), label {@code dot(w, x)}, w ~ N(0,1)^F from the param seed. */
  SCALAR_LINEAR_REGRESSION,
  /** Features N(0,1), label {@code v . relu(W x)}, rows 0 and 2 of W and entries 0 and 2 of v zeroed. */
  SCALAR_2LAYER_NN_REGRESSION,
  /** A class pair of a labelled dataset, randomly projected to F features and standardized. */
  PROJECTED_BINARY_CLASSIFICATION,
  /** Every feature and label 0. */
  UNIT_TEST_ZEROS,
  /** Every feature and label 1. */
  UNIT_TEST_ONES,
  /** The k-th example has every feature and the label equal to {@code k * increment}. */
  UNIT_TEST_INCREMENT;

  /** Whether the kind is a regression whose fitness must be {@link EvalType#RMS_ERROR}. */
  public boolean isRegression() {
    return this == SCALAR_LINEAR_REGRESSION || this == SCALAR_2LAYER_NN_REGRESSION;
  }

  /** Whether the kind is one of the reference's unit-test tasks, which accept either eval type. */
  public boolean isUnitTest() {
    return this == UNIT_TEST_ZEROS || this == UNIT_TEST_ONES || this == UNIT_TEST_INCREMENT;
  }
}
