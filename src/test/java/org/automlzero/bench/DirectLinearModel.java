package org.automlzero.bench;

import java.util.List;
import org.automlzero.task.Task;

/**
 * The reference's linear model trained by SGD written directly in Java, with the executor's
 * semantics for one-epoch RMS tasks (predict, early stop, learn; validate; squash the RMS error):
 * the limit an interpreter of the same program can approach. Only for benchmarks.
 */
final class DirectLinearModel {
  private DirectLinearModel() {}

  static double evaluate(List<Task> tasks, double learningRate, double maxAbsError) {
    double sum = 0;
    for (Task task : tasks) {
      sum += fitness(task, learningRate, maxAbsError);
    }
    return sum / tasks.size();
  }

  private static double fitness(Task task, double learningRate, double maxAbsError) {
    final int f = task.featuresSize();
    final double[] w = new double[f];
    final double[] x = task.trainFeatures();
    final double[] y = task.trainLabels();
    final int[] order = task.epochs()[0];
    for (int k = 0; k < order.length; k++) {
      final int base = order[k] * f;
      double prediction = 0;
      for (int j = 0; j < f; j++) {
        prediction += w[j] * x[base + j];
      }
      final double error = y[order[k]] - prediction;
      if (Double.isNaN(error) || Math.abs(error) > maxAbsError) {
        return 0;
      }
      final double step = learningRate * error;
      for (int j = 0; j < f; j++) {
        w[j] += step * x[base + j];
      }
    }
    final double[] vx = task.validFeatures();
    final double[] vy = task.validLabels();
    double loss = 0;
    for (int k = 0; k < vy.length; k++) {
      double prediction = 0;
      for (int j = 0; j < f; j++) {
        prediction += w[j] * vx[k * f + j];
      }
      final double error = vy[k] - prediction;
      if (Double.isNaN(error) || Math.abs(error) > maxAbsError) {
        return 0;
      }
      loss += error * error;
    }
    return 1 - 2 / Math.PI * Math.atan(Math.sqrt(loss / vy.length));
  }
}
