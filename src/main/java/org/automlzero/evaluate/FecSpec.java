package org.automlzero.evaluate;

import org.automlzero.execute.ErrorRecord;

/**
 * The settings of the functional-equivalence cache (reference {@code FECSpec}): probe sizes, LRU
 * capacity, and after how many hits an entry is forgotten (0: never). Immutable;
 * {@link #newCache()} makes the mutable cache, one per evaluator.
 */
public record FecSpec(int numTrainExamples, int numValidExamples, int cacheSize, int forgetEvery) {
  /** The reference's defaults for the capacity and the forgetting. */
  public static final int DEFAULT_CACHE_SIZE = 100_000;
  public static final int DEFAULT_FORGET_EVERY = 100;

  public FecSpec {
    if (numTrainExamples < 1 || numTrainExamples > ErrorRecord.CAPACITY) {
      throw new IllegalArgumentException("FEC num_train_examples is " + numTrainExamples
          + ", must be in 1.." + ErrorRecord.CAPACITY);
    }
    if (numValidExamples < 1 || numValidExamples > ErrorRecord.CAPACITY) {
      throw new IllegalArgumentException("FEC num_valid_examples is " + numValidExamples
          + ", must be in 1.." + ErrorRecord.CAPACITY);
    }
    if (cacheSize < 1) {
      throw new IllegalArgumentException("FEC cache_size is " + cacheSize + ", must be >= 1");
    }
    if (forgetEvery < 0) {
      throw new IllegalArgumentException("FEC forget_every is " + forgetEvery + ", must be >= 0");
    }
  }

  public FecCache newCache() {
    return new FecCache(this);
  }
}
