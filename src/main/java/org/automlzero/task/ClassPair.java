package org.automlzero.task;

import java.io.Serializable;

/**
 * Two distinct classes of a labelled dataset: examples of {@code positive} get label 1, examples of
 * {@code negative} label 0 (reference {@code generate_datasets.py}). Held-out pairs compare without
 * regard to order ({@link #sameClassesAs}). Immutable.
 */
public record ClassPair(int positive, int negative) implements Serializable {

  private static final long serialVersionUID = 1L;

  public ClassPair {
    if (positive < 0 || negative < 0) {
      throw new IllegalArgumentException("class pair (" + positive + ", " + negative
          + ") has a negative class; classes are numbered from 0");
    }
    if (positive == negative) {
      throw new IllegalArgumentException("class pair (" + positive + ", " + negative
          + ") names the same class twice; positive and negative must differ");
    }
  }

  /** Whether both pairs hold the same two classes, in either order. */
  public boolean sameClassesAs(ClassPair other) {
    return Math.min(positive, negative) == Math.min(other.positive, other.negative)
        && Math.max(positive, negative) == Math.max(other.positive, other.negative);
  }

  @Override
  public String toString() {
    return "(" + positive + ", " + negative + ")";
  }
}
