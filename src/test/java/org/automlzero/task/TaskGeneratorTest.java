package org.automlzero.task;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class TaskGeneratorTest {
  private final TaskGenerator generator = new TaskGenerator();

  private static void assertSameArrays(Task a, Task b) {
    assertArrayEquals(a.trainFeatures(), b.trainFeatures());
    assertArrayEquals(a.trainLabels(), b.trainLabels());
    assertArrayEquals(a.validFeatures(), b.validFeatures());
    assertArrayEquals(a.validLabels(), b.validLabels());
    assertTrue(Arrays.deepEquals(a.epochs(), b.epochs()));
  }

  @Test
  void sameSeedsGiveIdenticalTasks() {
    for (TaskSpec spec : List.of(TaskSpec.linearRegression(4, 50, 20, 3).withNumTrainEpochs(3),
        TaskSpec.neuralNetRegression(5, 50, 20, 3).withNumTrainEpochs(3))) {
      List<Task> a = generator.generate(spec, 0);
      List<Task> b = new TaskGenerator().generate(spec, 0);
      for (int i = 0; i < a.size(); i++) {
        assertSameArrays(a.get(i), b.get(i));
      }
    }
  }

  @Test
  void taskDependsOnlyOnItsOwnSeeds() {
    TaskSpec many = TaskSpec.linearRegression(4, 20, 10, 5);
    TaskSpec third = TaskSpec.linearRegression(4, 20, 10, 1)
        .withSeeds(List.of(many.dataSeed(2)), List.of(many.paramSeed(2)));
    assertSameArrays(generator.generate(many, 0).get(2), generator.generate(third, 0).get(0));
  }

  @Test
  void differentDataSeedsGiveDifferentFeatures() {
    TaskSpec spec = TaskSpec.linearRegression(4, 20, 10, 1);
    Task a = generator.generate(spec.withSeeds(List.of(1L), List.of(5L)), 0).get(0);
    Task b = generator.generate(spec.withSeeds(List.of(2L), List.of(5L)), 0).get(0);
    assertFalse(Arrays.equals(a.trainFeatures(), b.trainFeatures()));
  }

  @Test
  void differentParamSeedsGiveSameFeaturesDifferentLabels() {
    TaskSpec spec = TaskSpec.linearRegression(4, 20, 10, 1);
    Task a = generator.generate(spec.withSeeds(List.of(1L), List.of(5L)), 0).get(0);
    Task b = generator.generate(spec.withSeeds(List.of(1L), List.of(6L)), 0).get(0);
    assertArrayEquals(a.trainFeatures(), b.trainFeatures());
    assertFalse(Arrays.equals(a.trainLabels(), b.trainLabels()));
  }

  @Test
  void tasksAreNumberedFromFirstIndexAndRunAcrossSpecs() {
    List<Task> tasks = generator.generate(List.of(TaskSpec.linearRegression(4, 5, 5, 2),
        TaskSpec.unitTest(TaskKind.UNIT_TEST_ZEROS, 4, 5, 5)));
    assertEquals(List.of(0, 1, 2), tasks.stream().map(Task::index).toList());
    assertEquals(7, generator.generate(TaskSpec.linearRegression(4, 5, 5, 1), 7).get(0).index());
  }

  @Test
  void taskCarriesSpecSizesAndEvalType() {
    Task task = generator.generate(TaskSpec.neuralNetRegression(6, 30, 12, 1).withNumTrainEpochs(4), 0).get(0);
    assertEquals(6, task.featuresSize());
    assertEquals(30, task.numTrain());
    assertEquals(12, task.numValid());
    assertEquals(4, task.numEpochs());
    assertEquals(EvalType.RMS_ERROR, task.evalType());
  }

  @Test
  void epochZeroIsInOrderAndLaterEpochsArePermutations() {
    Task task = generator.generate(TaskSpec.linearRegression(4, 40, 5, 1).withNumTrainEpochs(3), 0).get(0);
    int[] identity = new int[40];
    Arrays.setAll(identity, i -> i);
    assertArrayEquals(identity, task.epochs()[0]);
    for (int e = 1; e < 3; e++) {
      int[] sorted = task.epochs()[e].clone();
      Arrays.sort(sorted);
      assertArrayEquals(identity, sorted);
      assertFalse(Arrays.equals(identity, task.epochs()[e]));
    }
    assertFalse(Arrays.equals(task.epochs()[1], task.epochs()[2]));
  }

  @Test
  void linearFeaturesAreStandardNormal() {
    Task task = generator.generate(TaskSpec.linearRegression(4, 20_000, 10, 1), 0).get(0);
    double sum = 0;
    double sq = 0;
    for (double x : task.trainFeatures()) {
      sum += x;
      sq += x * x;
    }
    int n = task.trainFeatures().length;
    assertEquals(0.0, sum / n, 0.02);
    assertEquals(1.0, sq / n, 0.03);
  }

  @Test
  void projectedBinaryTasksHaveAccuracyAndBinaryLabels() {
    LabeledDataset data = TestDatasets.gaussianClasses(10, 60, 30, 3);
    TaskSpec spec = TaskSpec.projectedBinary(ProjectedBinarySpec.of(new DatasetSource.InMemory(data)), 8, 60, 40, 5);
    for (Task task : generator.generate(spec, 0)) {
      assertEquals(EvalType.ACCURACY, task.evalType());
      assertEquals(8, task.featuresSize());
      for (double y : task.trainLabels()) {
        assertTrue(y == 0.0 || y == 1.0);
      }
    }
  }

  @Test
  void tasksOnTheSameChoiceShareTheirData() {
    LabeledDataset data = TestDatasets.gaussianClasses(10, 60, 30, 3);
    ProjectedBinarySpec pb = ProjectedBinarySpec.of(new DatasetSource.InMemory(data))
        .withPair(new ClassPair(1, 2)).withSupportedDataSeeds(0, 1);
    List<Task> tasks = generator.generate(TaskSpec.projectedBinary(pb, 8, 60, 40, 2), 0);
    assertSame(tasks.get(0).trainFeatures(), tasks.get(1).trainFeatures());
  }

  @Test
  void unreadableDatasetFailsWithItsSource() {
    DatasetSource missing = new DatasetSource.Csv("/nonexistent/data.csv", CsvFormat.sklearn());
    TaskSpec spec = TaskSpec.projectedBinary(ProjectedBinarySpec.of(missing), 8, 10, 10, 1);
    UncheckedIOException e = assertThrows(UncheckedIOException.class, () -> generator.generate(spec, 0));
    assertTrue(e.getMessage().contains("/nonexistent/data.csv"), e.getMessage());
  }

  @Test
  void datasetIsLoadedOncePerGenerator() {
    LabeledDataset data = TestDatasets.gaussianClasses(3, 5, 2, 3);
    DatasetSource source = new DatasetSource.InMemory(data);
    assertSame(generator.dataset(source), generator.dataset(source));
  }
}
