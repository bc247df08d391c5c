package org.automlzero.evaluate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.List;
import org.automlzero.program.AddressSpace;
import org.automlzero.program.Algorithm;
import org.automlzero.program.Instruction;
import org.automlzero.program.Op;
import org.automlzero.random.Rng;
import org.automlzero.task.EvalType;
import org.automlzero.task.Task;
import org.junit.jupiter.api.Test;

class FecCacheTest {
  private static final AddressSpace SPACE = AddressSpace.DEMO;

  /** A linear task y = w . x with F = 4, 100 train and 100 valid examples. */
  static Task linearTask(int index, long seed) {
    int f = 4;
    Rng rng = new Rng(seed);
    double[] w = new double[f];
    for (int j = 0; j < f; j++) {
      w[j] = rng.nextGaussian();
    }
    double[] trainX = new double[100 * f];
    double[] trainY = new double[100];
    double[] validX = new double[100 * f];
    double[] validY = new double[100];
    fill(rng, w, trainX, trainY);
    fill(rng, w, validX, validY);
    int[] order = new int[100];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    return new Task(index, f, EvalType.RMS_ERROR, trainX, trainY, validX, validY, new int[][] {order});
  }

  private static void fill(Rng rng, double[] w, double[] x, double[] y) {
    for (int i = 0; i < y.length; i++) {
      double sum = 0;
      for (int j = 0; j < w.length; j++) {
        x[i * w.length + j] = rng.nextGaussian();
        sum += w[j] * x[i * w.length + j];
      }
      y[i] = sum;
    }
  }

  static Algorithm linearModel(double learningRate, int errorScalar) {
    return new Algorithm(
        List.of(Instruction.scalarConst(2, learningRate)),
        List.of(Instruction.of(Op.VECTOR_INNER_PRODUCT, 1, 0, 1)),
        List.of(
            Instruction.of(Op.SCALAR_DIFF, 0, 1, errorScalar),
            Instruction.of(Op.SCALAR_PRODUCT, 2, errorScalar, errorScalar),
            Instruction.of(Op.SCALAR_VECTOR_PRODUCT, errorScalar, 0, 2),
            Instruction.of(Op.VECTOR_SUM, 1, 2, 1)));
  }

  private static Evaluator evaluator(FecCache cache, Task... tasks) {
    return new Evaluator(List.of(tasks), SPACE, FitnessCombination.MEAN, 100, new Rng(1), cache, null);
  }

  @Test
  void functionallyEquivalentAlgorithmsHitTheCache() {
    FecCache cache = new FecCache(10, 10, 100_000, 100);
    Evaluator evaluator = evaluator(cache, linearTask(0, 7));
    // The same learner with a NO_OP added to Setup computes exactly the same predictions.
    double first = evaluator.evaluate(linearModel(0.01, 3));
    Algorithm renamed = linearModel(0.01, 3).withComponent(
        org.automlzero.program.ComponentFunction.SETUP,
        List.of(Instruction.noOp(), Instruction.scalarConst(2, 0.01)));
    double second = evaluator.evaluate(renamed);
    assertEquals(1, cache.hits());
    assertEquals(1, cache.misses());
    assertEquals(first, second);
  }

  @Test
  void differentBehaviourMisses() {
    FecCache cache = new FecCache(10, 10, 100_000, 100);
    Evaluator evaluator = evaluator(cache, linearTask(0, 7));
    evaluator.evaluate(linearModel(0.01, 3));
    evaluator.evaluate(linearModel(0.02, 3));
    assertEquals(0, cache.hits());
    assertEquals(2, cache.misses());
  }

  @Test
  void cachedFitnessEqualsTheUncachedFitness() {
    Task task = linearTask(0, 9);
    double cached = evaluator(new FecCache(10, 10, 100, 100), task).evaluate(linearModel(0.01, 3));
    double plain = evaluator(null, task).evaluate(linearModel(0.01, 3));
    assertEquals(plain, cached);
  }

  @Test
  void theSameBehaviourOnAnotherTaskIndexIsAnotherEntry() {
    FecCache cache = new FecCache(10, 10, 100_000, 100);
    Task task = linearTask(0, 7);
    Task sameDataOtherIndex = new Task(1, 4, task.evalType(), task.trainFeatures(), task.trainLabels(),
        task.validFeatures(), task.validLabels(), task.epochs());
    evaluator(cache, task, sameDataOtherIndex).evaluate(linearModel(0.01, 3));
    assertEquals(0, cache.hits());
    assertEquals(2, cache.size());
  }

  @Test
  void anEntryIsForgottenAfterForgetEveryUses() {
    FecCache cache = new FecCache(10, 10, 100_000, 3);
    Evaluator evaluator = evaluator(cache, linearTask(0, 7));
    Algorithm algorithm = linearModel(0.01, 3);
    evaluator.evaluate(algorithm); // miss, count 1
    evaluator.evaluate(algorithm); // hit, count 2
    evaluator.evaluate(algorithm); // hit, count 3: erased
    assertEquals(0, cache.size());
    evaluator.evaluate(algorithm); // miss again
    assertEquals(2, cache.hits());
    assertEquals(2, cache.misses());
  }

  @Test
  void theLeastRecentlyUsedEntryIsEvictedBeyondCapacity() {
    FecCache cache = new FecCache(10, 10, 2, 0);
    Evaluator evaluator = evaluator(cache, linearTask(0, 7));
    evaluator.evaluate(linearModel(0.01, 3));
    evaluator.evaluate(linearModel(0.02, 3));
    evaluator.evaluate(linearModel(0.01, 3)); // hit: 0.01 is now the most recent
    evaluator.evaluate(linearModel(0.03, 3)); // evicts 0.02
    assertEquals(2, cache.size());
    evaluator.evaluate(linearModel(0.01, 3));
    assertEquals(2, cache.hits());
    evaluator.evaluate(linearModel(0.02, 3));
    assertEquals(2, cache.hits());
  }

  @Test
  void probeStepsCountAsTrainSteps() {
    Task task = linearTask(0, 7);
    Evaluator cached = evaluator(new FecCache(10, 10, 100, 100), task);
    Evaluator plain = evaluator(null, task);
    cached.evaluate(linearModel(0.01, 3));
    plain.evaluate(linearModel(0.01, 3));
    assertEquals(plain.trainSteps() + 10, cached.trainSteps());
    assertNotEquals(0, plain.trainSteps());
  }
}
