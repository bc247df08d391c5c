package org.automlzero.task;

/** How a task's validation error becomes fitness (reference {@code task.proto} {@code EvalType}). */
public enum EvalType {
  /** Fitness {@code 1 - (2/pi) atan(rmse)}. */
  RMS_ERROR,
  /** Fitness is the validation accuracy of {@code sigmoid(s1) > 0.5} against {@code label > 0.5}. */
  ACCURACY
}
