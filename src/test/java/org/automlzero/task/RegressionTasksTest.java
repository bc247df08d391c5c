package org.automlzero.task;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.List;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.junit.jupiter.api.Test;

class RegressionTasksTest {
  private static final int F = 5;

  private static Task linearTask() {
    return new TaskGenerator().generate(
        TaskSpec.linearRegression(F, 40, 20, 1).withSeeds(List.of(1000L), List.of(100L)), 0).get(0);
  }

  @Test
  void linearLabelsAreExactlyALinearFunctionOfFeatures() {
    Task task = linearTask();
    // Recover w by least squares on the train split, independently of the generator's weights.
    DMatrixRMaj x = DMatrixRMaj.wrap(task.numTrain(), F, task.trainFeatures());
    DMatrixRMaj y = DMatrixRMaj.wrap(task.numTrain(), 1, task.trainLabels());
    DMatrixRMaj w = new DMatrixRMaj(F, 1);
    CommonOps_DDRM.solve(x, y, w);
    assertArrayEquals(RegressionTasks.linearWeights(100L, F), w.data, 1e-9);
    DMatrixRMaj predicted = new DMatrixRMaj(task.numValid(), 1);
    CommonOps_DDRM.mult(DMatrixRMaj.wrap(task.numValid(), F, task.validFeatures()), w, predicted);
    assertArrayEquals(task.validLabels(), predicted.data, 1e-9);
  }

  @Test
  void linearWeightsDependOnParamSeedOnly() {
    assertArrayEquals(RegressionTasks.linearWeights(7, F), RegressionTasks.linearWeights(7, F));
    assertNotEquals(RegressionTasks.linearWeights(7, F)[0], RegressionTasks.linearWeights(8, F)[0]);
  }

  @Test
  void neuralNetZeroesRowsZeroAndTwoAndEntriesZeroAndTwo() {
    double[][] wv = RegressionTasks.neuralNetWeights(1001, F);
    double[] w = wv[0];
    double[] v = wv[1];
    for (int j = 0; j < F; j++) {
      assertEquals(0.0, w[j]);
      assertEquals(0.0, w[2 * F + j]);
      assertNotEquals(0.0, w[F + j]);
    }
    assertEquals(0.0, v[0]);
    assertEquals(0.0, v[2]);
    assertNotEquals(0.0, v[1]);
    assertNotEquals(0.0, v[3]);
  }

  @Test
  void neuralNetLabelsAreVDotReluOfWX() {
    Task task = new TaskGenerator().generate(
        TaskSpec.neuralNetRegression(F, 30, 10, 1).withSeeds(List.of(10000L), List.of(1000L)), 0).get(0);
    double[][] wv = RegressionTasks.neuralNetWeights(1000L, F);
    DMatrixRMaj w = DMatrixRMaj.wrap(F, F, wv[0]);
    DMatrixRMaj v = DMatrixRMaj.wrap(F, 1, wv[1]);
    for (int i = 0; i < task.numTrain(); i++) {
      DMatrixRMaj x = DMatrixRMaj.wrap(F, 1, java.util.Arrays.copyOfRange(task.trainFeatures(), i * F, (i + 1) * F));
      DMatrixRMaj h = new DMatrixRMaj(F, 1);
      CommonOps_DDRM.mult(w, x, h);
      for (int r = 0; r < F; r++) {
        h.data[r] = Math.max(0, h.data[r]);
      }
      assertEquals(CommonOps_DDRM.dot(v, h), task.trainLabels()[i], 1e-12);
    }
  }

  @Test
  void linearAndNeuralNetUseDifferentStreamsForTheSameSeed() {
    TaskGenerator generator = new TaskGenerator();
    Task linear = generator.generate(TaskSpec.linearRegression(F, 5, 5, 1), 0).get(0);
    Task nn = generator.generate(TaskSpec.neuralNetRegression(F, 5, 5, 1), 0).get(0);
    assertNotEquals(linear.trainFeatures()[0], nn.trainFeatures()[0]);
  }
}
