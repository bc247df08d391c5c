package org.automlzero.task;

import java.io.Serializable;
import java.util.List;
import java.util.Objects;

/**
 * What tasks to build: the reference's {@code TaskSpec} (semantics section 7.1). {@code numTasks}
 * tasks of one {@link TaskKind}, each with {@code numTrainExamples} unique training examples visited
 * {@code numTrainEpochs} times and {@code numValidExamples} validation examples of
 * {@code featuresSize} features. Task i's seeds follow {@link TaskSeeds#seedAt}: the listed seeds,
 * then +1 per task; empty lists mean the reference's defaults.
 *
 * <p>F may be any value >= 2 (the reference stops at 32; full-size image tasks need 784). The
 * 2-layer-net regression needs F >= 3, because its generator zeroes rows and entries 0 and 2.
 * Regressions must be scored by {@link EvalType#RMS_ERROR}, projected binary classification by
 * {@link EvalType#ACCURACY}; unit-test tasks take either. {@code increment} is used by
 * {@link TaskKind#UNIT_TEST_INCREMENT} only; {@code projectedBinary} is required for, and only
 * allowed with, {@link TaskKind#PROJECTED_BINARY_CLASSIFICATION}.
 *
 * <p>Immutable: the seed lists are copied.
 */
public record TaskSpec(
    TaskKind kind,
    int featuresSize,
    int numTrainExamples,
    int numValidExamples,
    int numTrainEpochs,
    int numTasks,
    List<Long> dataSeeds,
    List<Long> paramSeeds,
    EvalType evalType,
    double increment,
    ProjectedBinarySpec projectedBinary)
    implements Serializable {

  private static final long serialVersionUID = 1L;

  /** The reference's default {@code unit_test_increment_task.increment}. */
  public static final double DEFAULT_INCREMENT = 1.0;

  private static final int MAX_ARRAY_LENGTH = Integer.MAX_VALUE - 8;

  public TaskSpec {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(evalType, "evalType");
    Objects.requireNonNull(dataSeeds, "dataSeeds");
    Objects.requireNonNull(paramSeeds, "paramSeeds");
    dataSeeds = List.copyOf(dataSeeds);
    paramSeeds = List.copyOf(paramSeeds);
    if (featuresSize < 2) {
      throw new IllegalArgumentException("featuresSize is " + featuresSize + ", must be >= 2");
    }
    if (kind == TaskKind.SCALAR_2LAYER_NN_REGRESSION && featuresSize < 3) {
      throw new IllegalArgumentException("featuresSize is " + featuresSize + ", but " + kind
          + " needs >= 3 (its generator zeroes rows and entries 0 and 2)");
    }
    requireAtLeast("numTrainExamples", numTrainExamples, 1);
    requireAtLeast("numValidExamples", numValidExamples, 1);
    requireAtLeast("numTrainEpochs", numTrainEpochs, 1);
    requireAtLeast("numTasks", numTasks, 1);
    long largest = (long) Math.max(numTrainExamples, numValidExamples) * featuresSize;
    if (largest > MAX_ARRAY_LENGTH) {
      throw new IllegalArgumentException(Math.max(numTrainExamples, numValidExamples) + " examples x "
          + featuresSize + " features do not fit one array (at most " + MAX_ARRAY_LENGTH + " values)");
    }
    if (kind.isRegression() && evalType != EvalType.RMS_ERROR) {
      throw new IllegalArgumentException("evalType is " + evalType + ", but " + kind + " needs RMS_ERROR");
    }
    if (kind == TaskKind.PROJECTED_BINARY_CLASSIFICATION && evalType != EvalType.ACCURACY) {
      throw new IllegalArgumentException("evalType is " + evalType + ", but " + kind + " needs ACCURACY");
    }
    if (!Double.isFinite(increment)) {
      throw new IllegalArgumentException("increment is " + increment + ", must be finite");
    }
    if (kind == TaskKind.PROJECTED_BINARY_CLASSIFICATION && projectedBinary == null) {
      throw new IllegalArgumentException("projectedBinary is null, but " + kind
          + " needs one (dataset source, pair, held-out pairs, seed range)");
    }
    if (kind != TaskKind.PROJECTED_BINARY_CLASSIFICATION && projectedBinary != null) {
      throw new IllegalArgumentException("projectedBinary is set, but kind is " + kind
          + "; only PROJECTED_BINARY_CLASSIFICATION takes it");
    }
  }

  private static void requireAtLeast(String field, int value, int min) {
    if (value < min) {
      throw new IllegalArgumentException(field + " is " + value + ", must be >= " + min);
    }
  }

  /** Linear regression tasks with default seeds and one epoch. */
  public static TaskSpec linearRegression(int featuresSize, int numTrain, int numValid, int numTasks) {
    return new TaskSpec(TaskKind.SCALAR_LINEAR_REGRESSION, featuresSize, numTrain, numValid, 1, numTasks,
        List.of(), List.of(), EvalType.RMS_ERROR, DEFAULT_INCREMENT, null);
  }

  /** 2-layer-net regression tasks with default seeds and one epoch. */
  public static TaskSpec neuralNetRegression(int featuresSize, int numTrain, int numValid, int numTasks) {
    return new TaskSpec(TaskKind.SCALAR_2LAYER_NN_REGRESSION, featuresSize, numTrain, numValid, 1, numTasks,
        List.of(), List.of(), EvalType.RMS_ERROR, DEFAULT_INCREMENT, null);
  }

  /** Projected binary classification tasks with default seeds and one epoch. */
  public static TaskSpec projectedBinary(
      ProjectedBinarySpec projectedBinary, int featuresSize, int numTrain, int numValid, int numTasks) {
    return new TaskSpec(TaskKind.PROJECTED_BINARY_CLASSIFICATION, featuresSize, numTrain, numValid, 1, numTasks,
        List.of(), List.of(), EvalType.ACCURACY, DEFAULT_INCREMENT, projectedBinary);
  }

  /** One unit-test task of the given kind, RMS error, increment 1. */
  public static TaskSpec unitTest(TaskKind kind, int featuresSize, int numTrain, int numValid) {
    if (!kind.isUnitTest()) {
      throw new IllegalArgumentException("kind is " + kind + ", not a unit-test kind");
    }
    return new TaskSpec(kind, featuresSize, numTrain, numValid, 1, 1,
        List.of(), List.of(), EvalType.RMS_ERROR, DEFAULT_INCREMENT, null);
  }

  public TaskSpec withSeeds(List<Long> dataSeeds, List<Long> paramSeeds) {
    return new TaskSpec(kind, featuresSize, numTrainExamples, numValidExamples, numTrainEpochs, numTasks,
        dataSeeds, paramSeeds, evalType, increment, projectedBinary);
  }

  public TaskSpec withNumTrainEpochs(int numTrainEpochs) {
    return new TaskSpec(kind, featuresSize, numTrainExamples, numValidExamples, numTrainEpochs, numTasks,
        dataSeeds, paramSeeds, evalType, increment, projectedBinary);
  }

  public TaskSpec withNumTasks(int numTasks) {
    return new TaskSpec(kind, featuresSize, numTrainExamples, numValidExamples, numTrainEpochs, numTasks,
        dataSeeds, paramSeeds, evalType, increment, projectedBinary);
  }

  public TaskSpec withEvalType(EvalType evalType) {
    return new TaskSpec(kind, featuresSize, numTrainExamples, numValidExamples, numTrainEpochs, numTasks,
        dataSeeds, paramSeeds, evalType, increment, projectedBinary);
  }

  public TaskSpec withIncrement(double increment) {
    return new TaskSpec(kind, featuresSize, numTrainExamples, numValidExamples, numTrainEpochs, numTasks,
        dataSeeds, paramSeeds, evalType, increment, projectedBinary);
  }

  /** This spec with fresh seeds drawn from {@code seed}; see {@link TaskSeeds#randomize}. */
  public TaskSpec withRandomizedSeeds(long seed) {
    return TaskSeeds.randomize(List.of(this), seed).get(0);
  }

  /** The data seed of task {@code i} (0-based within this spec). */
  public long dataSeed(int i) {
    return TaskSeeds.seedAt(dataSeeds, TaskSeeds.DEFAULT_DATA_SEEDS, i);
  }

  /** The param seed of task {@code i} (0-based within this spec). */
  public long paramSeed(int i) {
    return TaskSeeds.seedAt(paramSeeds, TaskSeeds.DEFAULT_PARAM_SEEDS, i);
  }
}
