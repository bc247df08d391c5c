package org.automlzero.task;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import org.automlzero.random.Rng;
import org.junit.jupiter.api.Test;

class StratifiedSplitTest {
  // 300 examples of class 0, 100 of class 1, 50 of class 2 (not in the pair).
  private static LabeledDataset unbalanced() {
    int n = 450;
    int[] labels = new int[n];
    for (int i = 0; i < n; i++) {
      labels[i] = i < 300 ? 0 : i < 400 ? 1 : 2;
    }
    return new LabeledDataset("unbalanced", new double[n], labels, 1);
  }

  @Test
  void partsKeepClassProportions() {
    LabeledDataset data = unbalanced();
    int[][] parts = StratifiedSplit.split(data, new ClassPair(1, 0), new int[] {200, 100, 40}, new Rng(3));
    int[] expectedPositives = {50, 25, 10};
    for (int s = 0; s < 3; s++) {
      int positives = 0;
      for (int row : parts[s]) {
        positives += data.labels()[row] == 1 ? 1 : 0;
      }
      assertEquals(expectedPositives[s], positives, "part " + s);
    }
  }

  @Test
  void partsAreDisjointAndOnlyFromThePair() {
    LabeledDataset data = unbalanced();
    int[][] parts = StratifiedSplit.split(data, new ClassPair(0, 1), new int[] {250, 100, 50}, new Rng(4));
    Set<Integer> seen = new HashSet<>();
    for (int[] part : parts) {
      for (int row : part) {
        assertTrue(seen.add(row), "row " + row + " used twice");
        assertTrue(data.labels()[row] != 2);
      }
    }
    assertEquals(400, seen.size());
  }

  @Test
  void classesAreInterleavedWithinAPart() {
    LabeledDataset data = unbalanced();
    int[] train = StratifiedSplit.split(data, new ClassPair(1, 0), new int[] {100}, new Rng(5))[0];
    int firstHalfPositives = 0;
    for (int i = 0; i < 50; i++) {
      firstHalfPositives += data.labels()[train[i]] == 1 ? 1 : 0;
    }
    assertTrue(firstHalfPositives > 3 && firstHalfPositives < 22, "first half has " + firstHalfPositives);
  }

  @Test
  void sameSeedGivesSameSplit() {
    LabeledDataset data = unbalanced();
    int[] sizes = {20, 10};
    ClassPair pair = new ClassPair(1, 0);
    assertArrayEquals(StratifiedSplit.split(data, pair, sizes, new Rng(8))[1],
        StratifiedSplit.split(data, pair, sizes, new Rng(8))[1]);
  }

  @Test
  void tooManyRequestedExamplesAreReported() {
    String m = assertThrows(IllegalArgumentException.class, () ->
        StratifiedSplit.split(unbalanced(), new ClassPair(1, 2), new int[] {100, 60}, new Rng(1))).getMessage();
    assertTrue(m.contains("100 examples of class 1") && m.contains("50 of class 2") && m.contains("160 requested"), m);
  }
}
