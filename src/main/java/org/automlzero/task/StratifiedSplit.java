package org.automlzero.task;

import java.util.random.RandomGenerator;

/**
 * Splits the examples of a class pair into disjoint parts of requested sizes that each keep the
 * pair's class proportions (up to rounding), like scikit-learn's stratified
 * {@code train_test_split}. Each class is shuffled, each part takes round(size * share) positives,
 * and each part is shuffled again so that dataset order (epoch 0) does not group the classes.
 * Stateless.
 */
final class StratifiedSplit {
  private StratifiedSplit() {}

  /** For each requested size, the dataset rows of that part, in training order. */
  static int[][] split(LabeledDataset dataset, ClassPair pair, int[] sizes, RandomGenerator rng) {
    int[] positives = rowsOf(dataset, pair.positive());
    int[] negatives = rowsOf(dataset, pair.negative());
    long wanted = 0;
    for (int size : sizes) {
      wanted += size;
    }
    int available = positives.length + negatives.length;
    if (wanted > available) {
      throw new IllegalArgumentException("dataset " + dataset.name() + " has " + positives.length
          + " examples of class " + pair.positive() + " and " + negatives.length + " of class "
          + pair.negative() + " (" + available + " in all), fewer than the " + wanted
          + " requested (train + valid + test)");
    }
    Epochs.shuffle(positives, rng);
    Epochs.shuffle(negatives, rng);
    double share = (double) positives.length / available;
    int[][] parts = new int[sizes.length][];
    int posUsed = 0;
    int negUsed = 0;
    for (int s = 0; s < sizes.length; s++) {
      int size = sizes[s];
      int posLeft = positives.length - posUsed;
      int negLeft = negatives.length - negUsed;
      long pos = Math.round(size * share);
      pos = Math.max(pos, (long) size - negLeft);
      pos = Math.min(pos, Math.min(size, posLeft));
      int[] part = new int[size];
      System.arraycopy(positives, posUsed, part, 0, (int) pos);
      System.arraycopy(negatives, negUsed, part, (int) pos, size - (int) pos);
      posUsed += (int) pos;
      negUsed += size - (int) pos;
      Epochs.shuffle(part, rng);
      parts[s] = part;
    }
    return parts;
  }

  private static int[] rowsOf(LabeledDataset dataset, int c) {
    int[] rows = new int[dataset.count(c)];
    int k = 0;
    int[] labels = dataset.labels();
    for (int i = 0; i < labels.length; i++) {
      if (labels[i] == c) {
        rows[k++] = i;
      }
    }
    return rows;
  }
}
