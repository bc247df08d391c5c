package org.automlzero.task;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.automlzero.random.Rng;
import org.junit.jupiter.api.Test;

class EpochsTest {

  @Test
  void firstEpochIsDatasetOrder() {
    assertArrayEquals(new int[] {0, 1, 2, 3, 4, 5}, Epochs.generate(6, 3, new Rng(1))[0]);
  }

  @Test
  void laterEpochsAreSuccessiveShufflesOfThePrevious() {
    int[][] epochs = Epochs.generate(10, 4, new Rng(5));
    Rng replay = new Rng(5);
    int[] order = epochs[0].clone();
    for (int e = 1; e < 4; e++) {
      Epochs.shuffle(order, replay);
      assertArrayEquals(order, epochs[e]);
    }
  }

  @Test
  void shuffleIsRoughlyUniform() {
    // Position of element 0 after one shuffle of 4 elements: each position about 1/4 of the time.
    int[] counts = new int[4];
    Rng rng = new Rng(99);
    int trials = 40_000;
    for (int t = 0; t < trials; t++) {
      int[] v = {0, 1, 2, 3};
      Epochs.shuffle(v, rng);
      for (int p = 0; p < 4; p++) {
        if (v[p] == 0) {
          counts[p]++;
        }
      }
    }
    for (int c : counts) {
      assertEquals(0.25, (double) c / trials, 0.015, Arrays.toString(counts));
    }
  }

  @Test
  void emptyTaskHasEmptyEpochs() {
    int[][] epochs = Epochs.generate(0, 2, new Rng(1));
    assertEquals(2, epochs.length);
    assertTrue(epochs[1].length == 0);
  }
}
