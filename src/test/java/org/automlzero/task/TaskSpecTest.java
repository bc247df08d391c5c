package org.automlzero.task;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class TaskSpecTest {
  private static final ProjectedBinarySpec PB =
      ProjectedBinarySpec.of(new DatasetSource.InMemory(TestDatasets.gaussianClasses(10, 5, 4, 1)));

  private static String message(Runnable r) {
    return assertThrows(IllegalArgumentException.class, r::run).getMessage();
  }

  @Test
  void factoriesUseReferenceDefaults() {
    TaskSpec spec = TaskSpec.linearRegression(4, 100, 10, 3);
    assertEquals(1, spec.numTrainEpochs());
    assertEquals(EvalType.RMS_ERROR, spec.evalType());
    assertEquals(11001L, spec.dataSeed(0));
    assertEquals(1001L, spec.paramSeed(0));
    assertEquals(1.0, TaskSpec.unitTest(TaskKind.UNIT_TEST_INCREMENT, 2, 1, 1).increment());
    assertEquals(EvalType.ACCURACY, TaskSpec.projectedBinary(PB, 16, 10, 10, 1).evalType());
  }

  @Test
  void seedsContinueByOnePastTheList() {
    TaskSpec spec = TaskSpec.linearRegression(4, 10, 10, 5).withSeeds(List.of(1_000_000L), List.of(7L, 9L));
    assertEquals(1_000_002L, spec.dataSeed(2));
    assertEquals(9L, spec.paramSeed(1));
    assertEquals(12L, spec.paramSeed(4));
  }

  @Test
  void featuresSizeBelowTwoIsRejectedWithFieldAndValue() {
    String m = message(() -> TaskSpec.linearRegression(1, 10, 10, 1));
    assertTrue(m.contains("featuresSize is 1") && m.contains(">= 2"), m);
  }

  @Test
  void largeFeaturesSizeIsAccepted() {
    assertEquals(784, TaskSpec.linearRegression(784, 1, 1, 1).featuresSize());
  }

  @Test
  void neuralNetRegressionNeedsThreeFeatures() {
    String m = message(() -> TaskSpec.neuralNetRegression(2, 10, 10, 1));
    assertTrue(m.contains("featuresSize is 2") && m.contains(">= 3") && m.contains("SCALAR_2LAYER_NN_REGRESSION"), m);
  }

  @Test
  void regressionWithAccuracyIsRejected() {
    String m = message(() -> TaskSpec.linearRegression(4, 10, 10, 1).withEvalType(EvalType.ACCURACY));
    assertTrue(m.contains("evalType is ACCURACY") && m.contains("RMS_ERROR"), m);
  }

  @Test
  void projectedBinaryWithRmsIsRejected() {
    String m = message(() -> TaskSpec.projectedBinary(PB, 16, 10, 10, 1).withEvalType(EvalType.RMS_ERROR));
    assertTrue(m.contains("evalType is RMS_ERROR") && m.contains("ACCURACY"), m);
  }

  @Test
  void unitTestTaskAcceptsEitherEvalType() {
    assertEquals(EvalType.ACCURACY,
        TaskSpec.unitTest(TaskKind.UNIT_TEST_ONES, 2, 1, 1).withEvalType(EvalType.ACCURACY).evalType());
  }

  @Test
  void countsBelowOneAreRejectedByName() {
    assertTrue(message(() -> TaskSpec.linearRegression(4, 0, 10, 1)).contains("numTrainExamples is 0"));
    assertTrue(message(() -> TaskSpec.linearRegression(4, 10, 0, 1)).contains("numValidExamples is 0"));
    assertTrue(message(() -> TaskSpec.linearRegression(4, 10, 10, 0)).contains("numTasks is 0"));
    assertTrue(message(() -> TaskSpec.linearRegression(4, 10, 10, 1).withNumTrainEpochs(0))
        .contains("numTrainEpochs is 0"));
  }

  @Test
  void projectedBinaryPartIsRequiredExactlyForProjectedBinary() {
    assertTrue(message(() -> new TaskSpec(TaskKind.PROJECTED_BINARY_CLASSIFICATION, 16, 10, 10, 1, 1, List.of(),
        List.of(), EvalType.ACCURACY, 1.0, null)).contains("projectedBinary is null"));
    assertTrue(message(() -> new TaskSpec(TaskKind.SCALAR_LINEAR_REGRESSION, 4, 10, 10, 1, 1, List.of(),
        List.of(), EvalType.RMS_ERROR, 1.0, PB)).contains("projectedBinary is set"));
  }

  @Test
  void nonFiniteIncrementIsRejected() {
    assertTrue(message(() -> TaskSpec.unitTest(TaskKind.UNIT_TEST_INCREMENT, 2, 1, 1).withIncrement(Double.NaN))
        .contains("increment is NaN"));
  }

  @Test
  void seedListsAreCopied() {
    List<Long> seeds = new java.util.ArrayList<>(List.of(5L));
    TaskSpec spec = TaskSpec.linearRegression(4, 1, 1, 1).withSeeds(seeds, seeds);
    seeds.set(0, 6L);
    assertEquals(5L, spec.dataSeed(0));
  }

  @Test
  void examplesThatCannotFitOneArrayAreRejected() {
    String m = message(() -> TaskSpec.linearRegression(784, 3_000_000, 10, 1));
    assertTrue(m.contains("3000000 examples x 784 features do not fit"), m);
  }
}
