package org.automlzero.task;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import org.junit.jupiter.api.Test;

class UnitTestTasksTest {
  private static Task task(TaskSpec spec) {
    return new TaskGenerator().generate(spec, 0).get(0);
  }

  @Test
  void zerosTaskIsAllZero() {
    Task t = task(TaskSpec.unitTest(TaskKind.UNIT_TEST_ZEROS, 3, 2, 1));
    assertArrayEquals(new double[6], t.trainFeatures());
    assertArrayEquals(new double[2], t.trainLabels());
    assertArrayEquals(new double[3], t.validFeatures());
    assertArrayEquals(new double[1], t.validLabels());
  }

  @Test
  void onesTaskIsAllOne() {
    Task t = task(TaskSpec.unitTest(TaskKind.UNIT_TEST_ONES, 2, 2, 1));
    assertArrayEquals(new double[] {1, 1, 1, 1}, t.trainFeatures());
    assertArrayEquals(new double[] {1, 1}, t.trainLabels());
    assertArrayEquals(new double[] {1, 1}, t.validFeatures());
    assertArrayEquals(new double[] {1}, t.validLabels());
  }

  @Test
  void incrementTaskCountsFromZeroInTrainAndAgainInValid() {
    Task t = task(TaskSpec.unitTest(TaskKind.UNIT_TEST_INCREMENT, 2, 3, 2).withIncrement(0.5));
    assertArrayEquals(new double[] {0, 0, 0.5, 0.5, 1, 1}, t.trainFeatures());
    assertArrayEquals(new double[] {0, 0.5, 1}, t.trainLabels());
    assertArrayEquals(new double[] {0, 0, 0.5, 0.5}, t.validFeatures());
    assertArrayEquals(new double[] {0, 0.5}, t.validLabels());
  }

  @Test
  void incrementDefaultsToOne() {
    Task t = task(TaskSpec.unitTest(TaskKind.UNIT_TEST_INCREMENT, 2, 3, 1));
    assertArrayEquals(new double[] {0, 1, 2}, t.trainLabels());
  }
}
