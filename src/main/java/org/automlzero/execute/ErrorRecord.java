package org.automlzero.execute;

/**
 * The per-example errors of one short execution, which the functional-equivalence cache hashes
 * (reference {@code executor.h}, error recording): |label - prediction| for each training step of
 * the first epoch and |error| for each step of the first validation.
 *
 * <p>Mutable and not thread-safe: a reusable buffer, cleared by the executor at the start of each
 * recording execution.
 */
public final class ErrorRecord {
  /** The reference checks that each list holds at most 100 steps. */
  public static final int CAPACITY = 100;

  final double[] train = new double[CAPACITY];
  final double[] valid = new double[CAPACITY];
  int trainCount;
  int validCount;

  void clear() {
    trainCount = 0;
    validCount = 0;
  }

  public int trainCount() {
    return trainCount;
  }

  public int validCount() {
    return validCount;
  }

  public double train(int i) {
    return train[i];
  }

  public double valid(int i) {
    return valid[i];
  }
}
