package org.automlzero.execute;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.automlzero.program.AddressSpace;
import org.automlzero.program.Algorithm;
import org.automlzero.program.Instruction;
import org.automlzero.program.Op;
import org.automlzero.random.Rng;
import org.automlzero.task.EvalType;
import org.automlzero.task.Task;
import org.junit.jupiter.api.Test;

/**
 * The training loop of {@link Executor} on tiny hand-made tasks and programs, against the
 * reference's {@code Executor} (semantics page, sections 4.1 and 11). Scalars s5 and up are zero
 * unless a program sets them; {@code s1 = sX + s5} is how these programs copy a scalar.
 */
class ExecutorTest {
  private static final AddressSpace SPACE = new AddressSpace(8, 4, 2);
  private static final double MAX_ABS_ERROR = 100.0;
  private static final int ALL = Integer.MAX_VALUE;

  @Test
  void labelIsHiddenDuringPredictAndGivenDuringLearn() {
    // Predict: s2 += s0; Learn: s3 += s0.
    Algorithm algorithm = algorithm(
        List.of(),
        List.of(Instruction.of(Op.SCALAR_SUM, 2, 0, 2)),
        List.of(Instruction.of(Op.SCALAR_SUM, 3, 0, 3)));
    Task task = task(EvalType.RMS_ERROR, new double[][] {{0, 0}, {0, 0}, {0, 0}}, new double[] {1, 10, 100},
        new double[][] {{0, 0}, {0, 0}}, new double[] {1000, 5}, identity(3));
    Executor executor = new Executor(SPACE);
    for (int run = 0; run < 2; run++) { // the second run starts from wiped memory
      executor.execute(compile(algorithm, 2), task, ALL, ALL, new Rng(1), 1e9);
      assertEquals(0.0, executor.memory().scalar(2), "s0 summed over every Predict");
      assertEquals(111.0, executor.memory().scalar(3), "s0 summed over every Learn");
    }
  }

  @Test
  void featuresAreInV0DuringPredictAndLearn() {
    // Predict: v1 += v0; Learn: v2 += v0.
    Algorithm algorithm = algorithm(
        List.of(),
        List.of(Instruction.of(Op.VECTOR_SUM, 1, 0, 1)),
        List.of(Instruction.of(Op.VECTOR_SUM, 2, 0, 2)));
    Task task = task(EvalType.RMS_ERROR, new double[][] {{1, 2}, {3, 4}}, new double[] {0, 0},
        new double[][] {{10, 20}}, new double[] {0}, identity(2));
    Executor executor = new Executor(SPACE);
    executor.execute(compile(algorithm, 2), task, ALL, ALL, new Rng(1), MAX_ABS_ERROR);
    Memory memory = executor.memory();
    assertEquals(1 + 3 + 10, memory.vector(1, 0));
    assertEquals(2 + 4 + 20, memory.vector(1, 1));
    assertEquals(1 + 3, memory.vector(2, 0));
    assertEquals(2 + 4, memory.vector(2, 1));
    assertEquals(10, memory.vector(0, 0), "v0 holds the last validation example");
  }

  @Test
  void trainingVisitsExamplesInEachEpochsOrder() {
    // Setup: s4 = 10; Learn: s2 = s2 * s4 + s0, so s2 spells the labels in the order visited.
    Algorithm algorithm = algorithm(
        List.of(Instruction.scalarConst(4, 10)),
        List.of(),
        List.of(Instruction.of(Op.SCALAR_PRODUCT, 2, 4, 2), Instruction.of(Op.SCALAR_SUM, 2, 0, 2)));
    Task task = task(EvalType.RMS_ERROR, new double[3][2], new double[] {1, 2, 3},
        new double[1][2], new double[] {0}, new int[][] {{0, 1, 2}, {2, 0, 1}});
    Executor executor = new Executor(SPACE);
    executor.execute(compile(algorithm, 2), task, ALL, ALL, new Rng(1), MAX_ABS_ERROR);
    assertEquals(123312.0, executor.memory().scalar(2), "epoch 0 in order 0 1 2, then epoch 1 in order 2 0 1");
  }

  @Test
  void validatesAfterEveryEpochAndReturnsTheBestEpoch() {
    // Setup: s4 = 1; Predict: s1 = s2, s6 += 1; Learn: s2 += 1. After epoch e (two examples each)
    // the prediction is 2(e + 1): 2, 4, 6 against a validation label of 4, so epoch 1 is perfect.
    Algorithm algorithm = algorithm(
        List.of(Instruction.scalarConst(4, 1)),
        List.of(Instruction.of(Op.SCALAR_SUM, 2, 5, 1), Instruction.of(Op.SCALAR_SUM, 6, 4, 6)),
        List.of(Instruction.of(Op.SCALAR_SUM, 2, 4, 2)));
    Task task = task(EvalType.RMS_ERROR, new double[2][2], new double[] {0, 0},
        new double[1][2], new double[] {4}, identity(2, 2, 2));
    Executor executor = new Executor(SPACE);
    double fitness = executor.execute(compile(algorithm, 2), task, ALL, ALL, new Rng(1), MAX_ABS_ERROR);
    assertEquals(1.0, fitness, "the best epoch, not the last, which misses by 2");
    assertEquals(6 + 3, executor.memory().scalar(6), "six training Predicts and one validation per epoch");
    assertEquals(6, executor.trainStepsCompleted());
  }

  @Test
  void nanPredictionInTheFirstEpochGivesZeroFitness() {
    // Predict: s1 = s0 / s0 = 0 / 0.
    Algorithm algorithm = algorithm(List.of(), List.of(Instruction.of(Op.SCALAR_DIVISION, 0, 0, 1)), List.of());
    Executor executor = new Executor(SPACE);
    assertEquals(0.0, executor.execute(compile(algorithm, 2), zeroTask(4, 2), ALL, ALL, new Rng(1), MAX_ABS_ERROR));
    assertEquals(1, executor.trainStepsCompleted(), "stops at the first example");
  }

  @Test
  void errorAboveMaxAbsErrorInTheFirstEpochGivesZeroFitnessButAnErrorOfExactlyMaxDoesNot() {
    Executor executor = new Executor(SPACE);
    assertEquals(0.0, executor.execute(compile(constantPredictor(100.5), 2), zeroTask(4, 1), ALL, ALL,
        new Rng(1), MAX_ABS_ERROR));
    assertEquals(1, executor.trainStepsCompleted());
    double fitness = executor.execute(compile(constantPredictor(100), 2), zeroTask(4, 1), ALL, ALL,
        new Rng(1), MAX_ABS_ERROR);
    assertEquals(1 + 4, executor.trainStepsCompleted());
    assertEquals(Executor.flipAndSquash(100), fitness, 1e-15);
  }

  @Test
  void infinitePredictionStopsEarly() {
    // Predict: s1 = 1 / s0 = 1 / 0.
    Algorithm algorithm = algorithm(List.of(), List.of(Instruction.of(Op.SCALAR_RECIPROCAL, 0, 1)), List.of());
    assertEquals(0.0, new Executor(SPACE).execute(compile(algorithm, 2), zeroTask(4, 1), ALL, ALL, new Rng(1), 1e300));
  }

  @Test
  void earlyStopInALaterEpochKeepsTheBestFitnessSoFar() {
    // Setup: s4 = 1; Predict: s1 = s2; Learn: s2 += 1. Predictions 0, 1 | 2, 3: the error 3 of the
    // second example of epoch 1 exceeds 2.5. Epoch 0's validation predicts 2 against 2.5.
    Algorithm algorithm = algorithm(
        List.of(Instruction.scalarConst(4, 1)),
        List.of(Instruction.of(Op.SCALAR_SUM, 2, 5, 1)),
        List.of(Instruction.of(Op.SCALAR_SUM, 2, 4, 2)));
    Task task = task(EvalType.RMS_ERROR, new double[2][2], new double[] {0, 0},
        new double[1][2], new double[] {2.5}, identity(2, 2, 2));
    Executor executor = new Executor(SPACE);
    double fitness = executor.execute(compile(algorithm, 2), task, ALL, ALL, new Rng(1), 2.5);
    assertEquals(Executor.flipAndSquash(0.5), fitness, 1e-15);
    assertEquals(4, executor.trainStepsCompleted());
  }

  @Test
  void validationErrorAboveMaxAbsErrorGivesZeroFitness() {
    Task task = task(EvalType.RMS_ERROR, new double[2][2], new double[] {0, 0},
        new double[2][2], new double[] {0, 1000}, identity(2));
    assertEquals(0.0, new Executor(SPACE).execute(compile(Algorithm.noOp(1, 1, 1), 2), task, ALL, ALL,
        new Rng(1), MAX_ABS_ERROR));
  }

  @Test
  void nanValidationPredictionGivesZeroFitnessForRmsTasks() {
    assertEquals(0.0, new Executor(SPACE).execute(compile(nanAfterFirstLearn(), 2), zeroTask(1, 3),
        ALL, ALL, new Rng(1), MAX_ABS_ERROR));
  }

  @Test
  void noOpAlgorithmScoresTheSquashedRmsOfTheValidationLabels() {
    double[] labels = {0.3, -1.2, 2.0};
    Task task = task(EvalType.RMS_ERROR, new double[2][2], new double[] {0.5, -0.5},
        new double[3][2], labels, identity(2));
    double fitness = new Executor(SPACE).execute(compile(Algorithm.noOp(2, 2, 2), 2), task, ALL, ALL,
        new Rng(1), MAX_ABS_ERROR);
    double rms = Math.sqrt((0.3 * 0.3 + 1.2 * 1.2 + 2.0 * 2.0) / 3);
    assertEquals(1 - 2 / Math.PI * Math.atan(rms), fitness, 1e-15);
  }

  @Test
  void rmsAndAccuracyDivideByTheWholeValidationSet() {
    double[] labels = {1, 0, 0, 0};
    Task rms = task(EvalType.RMS_ERROR, new double[2][2], new double[] {0, 0}, new double[4][2], labels, identity(2));
    Task accuracy = task(EvalType.ACCURACY, new double[2][2], new double[] {0, 0}, new double[4][2], labels,
        identity(2));
    Executor executor = new Executor(SPACE);
    CompiledAlgorithm zero = compile(constantPredictor(0), 2);
    // Only the first two examples run, but both sums are divided by four.
    assertEquals(Executor.flipAndSquash(Math.sqrt(1.0 / 4)), executor.execute(zero, rms, ALL, 2, new Rng(1),
        MAX_ABS_ERROR), 1e-15);
    assertEquals(1 - 1.0 / 4, executor.execute(zero, accuracy, ALL, 2, new Rng(1), MAX_ABS_ERROR), 1e-15);
  }

  @Test
  void accuracyTasksOverwriteThePredictionWithItsSigmoidBeforeLearn() {
    // Setup: s2 = 0.8; Predict: s1 = s2; Learn: s3 = s1.
    Algorithm algorithm = algorithm(
        List.of(Instruction.scalarConst(2, 0.8)),
        List.of(Instruction.of(Op.SCALAR_SUM, 2, 5, 1)),
        List.of(Instruction.of(Op.SCALAR_SUM, 1, 5, 3)));
    Executor executor = new Executor(SPACE);
    Task accuracy = task(EvalType.ACCURACY, new double[1][2], new double[] {1}, new double[1][2], new double[] {1},
        identity(1));
    executor.execute(compile(algorithm, 2), accuracy, ALL, ALL, new Rng(1), MAX_ABS_ERROR);
    assertEquals(1 / (1 + Math.exp(-0.8)), executor.memory().scalar(3), 1e-15, "Learn sees sigmoid(s1)");
    assertEquals(0.8, executor.memory().scalar(1), "validation leaves the logit in s1");

    Task rms = task(EvalType.RMS_ERROR, new double[1][2], new double[] {1}, new double[1][2], new double[] {1},
        identity(1));
    executor.execute(compile(algorithm, 2), rms, ALL, ALL, new Rng(1), MAX_ABS_ERROR);
    assertEquals(0.8, executor.memory().scalar(3), "RMS tasks leave s1 alone");
  }

  @Test
  void constantZeroLogitScoresTheFractionOfClassZeroExamples() {
    Task task = task(EvalType.ACCURACY, new double[2][2], new double[] {0, 1},
        new double[5][2], new double[] {0, 1, 0, 0, 1}, identity(2));
    assertEquals(0.6, new Executor(SPACE).execute(compile(constantPredictor(0), 2), task, ALL, ALL,
        new Rng(1), MAX_ABS_ERROR), 1e-15);
  }

  @Test
  void noOpAlgorithmOnAccuracyTasksDriftsBecauseTrainingStoresTheSigmoid() {
    // Nothing resets s1, so training turns it into sigmoid(0) = 0.5, then sigmoid(0.5) = 0.62,
    // and validation predicts class 1: the reference behaves so too (semantics page, 11.3).
    Task task = task(EvalType.ACCURACY, new double[2][2], new double[] {0, 1},
        new double[5][2], new double[] {0, 1, 0, 0, 1}, identity(2));
    Executor executor = new Executor(SPACE);
    assertEquals(0.4, executor.execute(compile(Algorithm.noOp(1, 1, 1), 2), task, ALL, ALL,
        new Rng(1), MAX_ABS_ERROR), 1e-15);
    assertEquals(Executor.sigmoid(0.5), executor.memory().scalar(1));
  }

  @Test
  void nanLogitPredictsClassZeroWithoutStoppingEarly() {
    Task task = task(EvalType.ACCURACY, new double[1][2], new double[] {1},
        new double[3][2], new double[] {0, 1, 0}, identity(1));
    Executor executor = new Executor(SPACE);
    double fitness = executor.execute(compile(nanAfterFirstLearn(), 2), task, ALL, ALL, new Rng(1), MAX_ABS_ERROR);
    assertEquals(Double.NaN, executor.memory().scalar(1), "test premise: validation predicted NaN");
    assertEquals(2.0 / 3, fitness, 1e-15);
  }

  @Test
  void noTrainingExamplesGiveZeroFitness() {
    Executor executor = new Executor(SPACE);
    // Predicting 0 on labels 0 would be perfect, but a refused budget means no training at all.
    assertEquals(0.0, executor.execute(compile(Algorithm.noOp(1, 1, 1), 2), zeroTask(4, 1), 0, ALL, new Rng(1),
        MAX_ABS_ERROR));
    assertEquals(0, executor.trainStepsCompleted());
    assertEquals(1.0, executor.execute(compile(Algorithm.noOp(1, 1, 1), 2), zeroTask(4, 1), 1, ALL, new Rng(1),
        MAX_ABS_ERROR));
  }

  @Test
  void trainStepsCompletedCountsEveryStepUpToTheTasksEpochs() {
    Task task = task(EvalType.RMS_ERROR, new double[3][2], new double[] {0, 0, 0}, new double[1][2],
        new double[] {0}, identity(3, 3));
    Executor executor = new Executor(SPACE);
    // Predict: s2 += s4 with s4 = 1 counts Predicts: 5 training steps (3, then 2 of epoch 1) and
    // one validation after each of the two epochs, the second one partial.
    Algorithm counting = algorithm(
        List.of(Instruction.scalarConst(4, 1)), List.of(Instruction.of(Op.SCALAR_SUM, 2, 4, 2)), List.of());
    executor.execute(compile(counting, 2), task, 5, ALL, new Rng(1), MAX_ABS_ERROR);
    assertEquals(5, executor.trainStepsCompleted());
    assertEquals(5 + 2, executor.memory().scalar(2));
    executor.execute(compile(counting, 2), task, 1000, ALL, new Rng(1), MAX_ABS_ERROR);
    assertEquals(5 + 6, executor.trainStepsCompleted(), "capped at the task's 2 epochs of 3");
  }

  @Test
  void errorRecordHoldsFirstEpochTrainErrorsAndFirstValidationErrors() {
    Task task = task(EvalType.RMS_ERROR, new double[3][2], new double[] {1, -2, 3}, new double[2][2],
        new double[] {0.5, -4}, identity(3, 3));
    Executor executor = new Executor(SPACE);
    ErrorRecord record = new ErrorRecord();
    CompiledAlgorithm noOp = compile(Algorithm.noOp(1, 1, 1), 2);
    executor.executeRecording(noOp, task, ALL, ALL, new Rng(1), MAX_ABS_ERROR, record);
    assertEquals(3, record.trainCount(), "the first epoch only");
    assertEquals(1.0, record.train(0));
    assertEquals(2.0, record.train(1));
    assertEquals(3.0, record.train(2));
    assertEquals(2, record.validCount(), "the first validation only");
    assertEquals(0.5, record.valid(0));
    assertEquals(4.0, record.valid(1));

    executor.executeRecording(noOp, task, 2, 1, new Rng(1), MAX_ABS_ERROR, record);
    assertEquals(2, record.trainCount(), "cleared at the start of each recording");
    assertEquals(1, record.validCount());
  }

  @Test
  void programCompiledForAnotherFeaturesSizeIsRejected() {
    assertThrows(IllegalArgumentException.class, () -> new Executor(SPACE).execute(
        compile(Algorithm.noOp(1, 1, 1), 4), zeroTask(2, 1), ALL, ALL, new Rng(1), MAX_ABS_ERROR));
  }

  // ---------------------------------------------------------------------------------------------

  /** Setup: s2 = value; Predict: s1 = s2. */
  private static Algorithm constantPredictor(double value) {
    return algorithm(List.of(Instruction.scalarConst(2, value)), List.of(Instruction.of(Op.SCALAR_SUM, 2, 5, 1)),
        List.of());
  }

  /** Predict: s1 = s2; Learn: s3 = s5 / s5 = NaN, s2 = s3. Training predicts 0, validation NaN. */
  private static Algorithm nanAfterFirstLearn() {
    return algorithm(
        List.of(),
        List.of(Instruction.of(Op.SCALAR_SUM, 2, 5, 1)),
        List.of(Instruction.of(Op.SCALAR_DIVISION, 5, 5, 3), Instruction.of(Op.SCALAR_SUM, 3, 5, 2)));
  }

  private static Algorithm algorithm(List<Instruction> setup, List<Instruction> predict, List<Instruction> learn) {
    return new Algorithm(setup, predict, learn);
  }

  private static CompiledAlgorithm compile(Algorithm algorithm, int f) {
    return new CompiledAlgorithm().compile(algorithm, SPACE, f);
  }

  /** A one-epoch RMS task with F = 2, all features and labels 0. */
  private static Task zeroTask(int numTrain, int numValid) {
    return task(EvalType.RMS_ERROR, new double[numTrain][2], new double[numTrain], new double[numValid][2],
        new double[numValid], identity(numTrain));
  }

  /** Epochs in dataset order, one per argument, each of {@code n} examples. */
  private static int[][] identity(int... epochSizes) {
    int[][] epochs = new int[epochSizes.length][];
    for (int e = 0; e < epochSizes.length; e++) {
      epochs[e] = new int[epochSizes[e]];
      for (int i = 0; i < epochSizes[e]; i++) {
        epochs[e][i] = i;
      }
    }
    return epochs;
  }

  private static Task task(EvalType evalType, double[][] trainFeatures, double[] trainLabels,
      double[][] validFeatures, double[] validLabels, int[][] epochs) {
    int f = trainFeatures[0].length;
    return new Task(0, f, evalType, flatten(trainFeatures), trainLabels, flatten(validFeatures), validLabels, epochs);
  }

  private static double[] flatten(double[][] rows) {
    int f = rows[0].length;
    double[] flat = new double[rows.length * f];
    for (int i = 0; i < rows.length; i++) {
      System.arraycopy(rows[i], 0, flat, i * f, f);
    }
    return flat;
  }
}
