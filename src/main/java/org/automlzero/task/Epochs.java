package org.automlzero.task;

import java.util.random.RandomGenerator;

/**
 * The order in which training visits a task's examples (reference {@code GenerateEpochs},
 * semantics section 4.2): epoch 0 in dataset order, then each epoch a further Fisher-Yates shuffle
 * of the previous one. Stateless.
 */
final class Epochs {
  private Epochs() {}

  static int[][] generate(int numExamples, int numEpochs, RandomGenerator rng) {
    int[] order = new int[numExamples];
    for (int i = 0; i < numExamples; i++) {
      order[i] = i;
    }
    int[][] epochs = new int[numEpochs][];
    for (int e = 0; e < numEpochs; e++) {
      epochs[e] = order.clone();
      shuffle(order, rng);
    }
    return epochs;
  }

  static void shuffle(int[] values, RandomGenerator rng) {
    for (int i = values.length - 1; i > 0; i--) {
      int j = rng.nextInt(i + 1);
      int t = values[i];
      values[i] = values[j];
      values[j] = t;
    }
  }
}
