package org.automlzero.task;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class LabeledDatasetTest {
  @Test
  void countsClassesAndReadsFeatures() {
    LabeledDataset data = new LabeledDataset("d", new double[] {1, 2, 3, 4, 5, 6}, new int[] {2, 0, 2}, 2);
    assertEquals(3, data.size());
    assertEquals(3, data.numClasses());
    assertEquals(2, data.count(2));
    assertEquals(0, data.count(1));
    assertEquals(6, data.feature(2, 1));
  }

  @Test
  void mismatchedSizesAreRejected() {
    String m = assertThrows(IllegalArgumentException.class,
        () -> new LabeledDataset("d", new double[5], new int[3], 2)).getMessage();
    assertTrue(m.contains("dataset d") && m.contains("5 values") && m.contains("3 examples x 2 features"), m);
  }

  @Test
  void negativeClassIsRejected() {
    String m = assertThrows(IllegalArgumentException.class,
        () -> new LabeledDataset("d", new double[2], new int[] {0, -1}, 1)).getMessage();
    assertTrue(m.contains("example 1 has class -1"), m);
  }
}
