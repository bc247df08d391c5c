package org.automlzero.task;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ProjectedBinarySpecTest {
  private static final ProjectedBinarySpec SPEC = ProjectedBinarySpec.of(
      new DatasetSource.InMemory(TestDatasets.gaussianClasses(10, 2, 3, 1)));

  @Test
  void defaultsAreThePapersNineHeldOutPairsAndSeedsZeroToTen() {
    assertEquals(9, SPEC.heldOutPairs().size());
    assertNull(SPEC.pair());
    assertEquals(0, SPEC.minSupportedDataSeed());
    assertEquals(10, SPEC.maxSupportedDataSeed());
    for (int[] p : new int[][] {{0, 5}, {0, 9}, {1, 8}, {2, 9}, {3, 5}, {3, 6}, {3, 8}, {4, 6}, {8, 9}}) {
      assertTrue(SPEC.isHeldOut(new ClassPair(p[1], p[0])));
    }
    assertFalse(SPEC.isHeldOut(new ClassPair(0, 1)));
  }

  @Test
  void emptySeedRangeIsRejected() {
    String m = assertThrows(IllegalArgumentException.class, () -> SPEC.withSupportedDataSeeds(5, 5)).getMessage();
    assertTrue(m.contains("minSupportedDataSeed is 5") && m.contains("min must be < max"), m);
  }

  @Test
  void negativeTestSizeIsRejected() {
    String m = assertThrows(IllegalArgumentException.class, () -> SPEC.withNumTestExamples(-1)).getMessage();
    assertTrue(m.contains("numTestExamples is -1"), m);
  }

  @Test
  void overflowingSeedRangeIsRejected() {
    String m = assertThrows(IllegalArgumentException.class,
        () -> SPEC.withSupportedDataSeeds(Long.MIN_VALUE, 1)).getMessage();
    assertTrue(m.contains("narrow the range"), m);
  }
}
