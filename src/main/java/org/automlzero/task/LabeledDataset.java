package org.automlzero.task;

import java.io.Serializable;
import java.util.Objects;

/**
 * A labelled dataset as read from a file: {@code size()} examples of {@code featuresSize} raw
 * features, stored row-major in one flat array, and an integer class per example.
 *
 * <p>Immutable by convention: the arrays are neither copied nor written after construction (a
 * Fashion-MNIST train split is hundreds of megabytes). {@code name} says where it came from and is
 * used in error messages.
 */
public record LabeledDataset(String name, double[] features, int[] labels, int featuresSize)
    implements Serializable {

  private static final long serialVersionUID = 1L;

  public LabeledDataset {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(features, "features");
    Objects.requireNonNull(labels, "labels");
    if (featuresSize < 1) {
      throw new IllegalArgumentException("dataset " + name + ": featuresSize is " + featuresSize + ", must be >= 1");
    }
    if ((long) labels.length * featuresSize != features.length) {
      throw new IllegalArgumentException("dataset " + name + ": features hold " + features.length
          + " values, expected " + labels.length + " examples x " + featuresSize + " features");
    }
    for (int i = 0; i < labels.length; i++) {
      if (labels[i] < 0) {
        throw new IllegalArgumentException("dataset " + name + ": example " + i + " has class " + labels[i]
            + ", classes must be >= 0");
      }
    }
  }

  public int size() {
    return labels.length;
  }

  /** One more than the largest class; 0 for an empty dataset. */
  public int numClasses() {
    int max = -1;
    for (int label : labels) {
      max = Math.max(max, label);
    }
    return max + 1;
  }

  /** How many examples have class {@code c}. */
  public int count(int c) {
    int n = 0;
    for (int label : labels) {
      if (label == c) {
        n++;
      }
    }
    return n;
  }

  /** Feature {@code j} of example {@code i}. */
  public double feature(int i, int j) {
    return features[i * featuresSize + j];
  }

  @Override
  public String toString() {
    return "LabeledDataset[" + name + ", " + size() + " x " + featuresSize + "]";
  }
}
