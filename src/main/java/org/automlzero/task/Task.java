package org.automlzero.task;

import java.io.Serializable;
import java.util.Objects;

/**
 * One task's data, ready to execute: {@code numTrain} unique training examples and {@code numValid}
 * validation examples of {@code featuresSize} features, stored row-major in flat arrays, and the
 * order in which training visits the examples in each epoch (reference {@code task.h}: epoch 0 in
 * dataset order, later epochs successive shuffles).
 *
 * <p>Immutable by convention: the arrays are never written after construction and are not copied,
 * so that large task sets can be shared by every evaluation and broadcast once. {@code index} is the
 * task's running number in its collection, which the functional-equivalence cache hashes.
 */
public record Task(
    int index,
    int featuresSize,
    EvalType evalType,
    double[] trainFeatures,
    double[] trainLabels,
    double[] validFeatures,
    double[] validLabels,
    int[][] epochs)
    implements Serializable {

  private static final long serialVersionUID = 1L;

  public Task {
    Objects.requireNonNull(evalType, "evalType");
    if (featuresSize < 1) {
      throw new IllegalArgumentException("featuresSize is " + featuresSize + ", must be >= 1");
    }
    if (trainFeatures.length != trainLabels.length * featuresSize) {
      throw new IllegalArgumentException("train features hold " + trainFeatures.length + " values, expected "
          + trainLabels.length + " examples x " + featuresSize + " features");
    }
    if (validFeatures.length != validLabels.length * featuresSize) {
      throw new IllegalArgumentException("valid features hold " + validFeatures.length + " values, expected "
          + validLabels.length + " examples x " + featuresSize + " features");
    }
    if (epochs.length < 1) {
      throw new IllegalArgumentException("a task needs at least one epoch");
    }
    for (int[] epoch : epochs) {
      if (epoch.length != trainLabels.length) {
        throw new IllegalArgumentException("an epoch visits " + epoch.length + " examples, expected " + trainLabels.length);
      }
    }
  }

  public int numTrain() {
    return trainLabels.length;
  }

  public int numValid() {
    return validLabels.length;
  }

  public int numEpochs() {
    return epochs.length;
  }

  /** The reference's {@code MaxTrainExamples()}: every epoch's examples. */
  public long maxTrainExamples() {
    return (long) numTrain() * numEpochs();
  }
}
