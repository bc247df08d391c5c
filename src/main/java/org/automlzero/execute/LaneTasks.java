package org.automlzero.execute;

import java.util.List;
import org.automlzero.task.Task;

/**
 * A group of {@link Lanes#WIDTH} tasks of one shape with their examples laid out lane by lane, in
 * the order the passes read them: entry j of the features of step s of lane l at
 * {@code (s * F + j) * WIDTH + l}, its label at {@code s * WIDTH + l}, training examples in each
 * epoch's order. Loading an example into the lanes' v0 is then one contiguous copy. Built once per
 * group and kept by {@link Lanes}: the search evaluates every program on the same tasks.
 *
 * <p>Immutable after construction.
 */
final class LaneTasks {
  private final Task[] tasks = new Task[Lanes.WIDTH];
  /** Per epoch. */
  final double[][] trainFeatures;
  /** Per epoch. */
  final double[][] trainLabels;
  final double[] validFeatures;
  final double[] validLabels;

  /** Tasks {@code [first, first + WIDTH)} of {@code all}, of one shape ({@link Lanes#sameShape}). */
  LaneTasks(List<Task> all, int first) {
    final int w = Lanes.WIDTH;
    for (int l = 0; l < w; l++) {
      tasks[l] = all.get(first + l);
    }
    final Task shape = tasks[0];
    final int f = shape.featuresSize();
    final int epochs = shape.epochs().length;
    final int numTrain = shape.numTrain();
    final int numValid = shape.numValid();
    trainFeatures = new double[epochs][numTrain * f * w];
    trainLabels = new double[epochs][numTrain * w];
    validFeatures = new double[numValid * f * w];
    validLabels = new double[numValid * w];
    for (int l = 0; l < w; l++) {
      final Task task = tasks[l];
      for (int e = 0; e < epochs; e++) {
        final int[] order = task.epochs()[e];
        for (int s = 0; s < numTrain; s++) {
          interleave(task.trainFeatures(), order[s], trainFeatures[e], s, l, f);
          trainLabels[e][s * w + l] = task.trainLabels()[order[s]];
        }
      }
      for (int s = 0; s < numValid; s++) {
        interleave(task.validFeatures(), s, validFeatures, s, l, f);
        validLabels[s * w + l] = task.validLabels()[s];
      }
    }
  }

  private static void interleave(double[] features, int example, double[] into, int step, int lane, int f) {
    for (int j = 0; j < f; j++) {
      into[(step * f + j) * Lanes.WIDTH + lane] = features[example * f + j];
    }
  }

  /** The entries this group takes laid out. */
  long entries() {
    return entries(tasks[0]);
  }

  /** The entries {@link Lanes#WIDTH} tasks of this shape take laid out: features and labels. */
  static long entries(Task shape) {
    final long perLane = (long) shape.epochs().length * shape.numTrain() * (shape.featuresSize() + 1)
        + (long) shape.numValid() * (shape.featuresSize() + 1);
    return perLane * Lanes.WIDTH;
  }

  /** Whether this group is tasks {@code [first, first + WIDTH)} of {@code all}, the same instances. */
  boolean isFor(List<Task> all, int first) {
    for (int l = 0; l < Lanes.WIDTH; l++) {
      if (all.get(first + l) != tasks[l]) {
        return false;
      }
    }
    return true;
  }

  Task task(int lane) {
    return tasks[lane];
  }
}
