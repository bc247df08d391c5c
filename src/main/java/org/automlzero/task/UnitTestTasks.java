package org.automlzero.task;

import java.util.Arrays;

/**
 * The reference's unit-test tasks (semantics section 7.3): all zeros, all ones, or the k-th example
 * with every feature and the label {@code k * increment}, counting from 0 in train and again in
 * valid. Stateless.
 */
final class UnitTestTasks {
  private UnitTestTasks() {}

  static Task create(TaskSpec spec, int index, long dataSeed) {
    int f = spec.featuresSize();
    int nTrain = spec.numTrainExamples();
    int nValid = spec.numValidExamples();
    double[] trainFeatures = new double[nTrain * f];
    double[] trainLabels = new double[nTrain];
    double[] validFeatures = new double[nValid * f];
    double[] validLabels = new double[nValid];
    switch (spec.kind()) {
      case UNIT_TEST_ZEROS -> { }
      case UNIT_TEST_ONES -> {
        Arrays.fill(trainFeatures, 1.0);
        Arrays.fill(trainLabels, 1.0);
        Arrays.fill(validFeatures, 1.0);
        Arrays.fill(validLabels, 1.0);
      }
      case UNIT_TEST_INCREMENT -> {
        fillIncrement(trainFeatures, trainLabels, f, spec.increment());
        fillIncrement(validFeatures, validLabels, f, spec.increment());
      }
      default -> throw new IllegalArgumentException("kind is " + spec.kind() + ", not a unit-test kind");
    }
    return TaskGenerator.assemble(spec, index, dataSeed, trainFeatures, trainLabels, validFeatures, validLabels);
  }

  private static void fillIncrement(double[] features, double[] labels, int f, double increment) {
    for (int k = 0; k < labels.length; k++) {
      double value = k * increment;
      labels[k] = value;
      Arrays.fill(features, k * f, (k + 1) * f, value);
    }
  }
}
