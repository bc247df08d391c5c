package org.automlzero.execute;

import org.automlzero.program.AddressSpace;
import org.automlzero.random.Rng;
import org.automlzero.task.EvalType;
import org.automlzero.task.Task;

/**
 * Trains and validates one compiled algorithm on one task and returns its fitness, exactly as the
 * reference's {@code Executor} (semantics page section 4.1): wipe memory, run Setup once, then per
 * epoch for each training example Predict (with s0 hidden) and Learn (with s0 the label), validate
 * after every epoch, and return the best validation fitness. Training stops early on a NaN or
 * |error| above {@code maxAbsError}: fitness 0 in the first epoch, otherwise the best so far.
 *
 * <p>Mutable and not thread-safe: one per worker thread. It owns the memory and reuses it, so that
 * executions after the first allocate nothing (a memory is allocated only when the features size
 * changes).
 */
public final class Executor {
  private static final double TWO_OVER_PI = 2.0 / Math.PI;

  private final AddressSpace space;
  private Memory memory;
  private long trainStepsCompleted;

  public Executor(AddressSpace space) {
    this.space = space;
  }

  /** All training steps run by this executor so far, including early-stopped ones. */
  public long trainStepsCompleted() {
    return trainStepsCompleted;
  }

  /** The memory after the last execution, for tests and tools that inspect what a program left. */
  public Memory memory() {
    return memory;
  }

  /**
   * The fitness of {@code program} on {@code task}, training on at most {@code numAllTrainExamples}
   * examples (fewer than the task's epochs hold when a train budget says so; 0 gives fitness 0) and
   * validating on at most {@code numValidExamples}. Stochastic ops draw from {@code rng}.
   */
  public double execute(CompiledAlgorithm program, Task task, long numAllTrainExamples,
      int numValidExamples, Rng rng, double maxAbsError) {
    return run(program, task, numAllTrainExamples, numValidExamples, rng, maxAbsError, null);
  }

  /** As {@link #execute}, also recording the errors of the first epoch and first validation. */
  public double executeRecording(CompiledAlgorithm program, Task task, long numAllTrainExamples,
      int numValidExamples, Rng rng, double maxAbsError, ErrorRecord record) {
    record.clear();
    return run(program, task, numAllTrainExamples, numValidExamples, rng, maxAbsError, record);
  }

  private double run(CompiledAlgorithm p, Task task, long numAllTrainExamples, int numValidExamples,
      Rng rng, double maxAbsError, ErrorRecord record) {
    final int f = task.featuresSize();
    if (p.featuresSize() != f) {
      throw new IllegalArgumentException(
          "program compiled for F=" + p.featuresSize() + " run on a task with F=" + f);
    }
    if (memory == null || memory.featuresSize != f) {
      memory = new Memory(space, f);
    }
    final Memory mem = memory;
    mem.wipe();
    Interpreter.run(p, 0, p.setupEnd, mem, rng);

    final long numAllTrain = Math.min(numAllTrainExamples, task.maxTrainExamples());
    final int perEpoch = task.numTrain();
    long remaining = numAllTrain;
    double best = 0.0;
    int epoch = 0;
    while (remaining > 0) {
      final int steps = (int) Math.min(perEpoch, remaining);
      if (!train(p, task, epoch, steps, mem, rng, maxAbsError, epoch == 0 ? record : null)) {
        if (epoch == 0) {
          return 0.0;
        }
        break;
      }
      remaining -= perEpoch;
      best = Math.max(best, validate(p, task, numValidExamples, mem, rng, maxAbsError, epoch == 0 ? record : null));
      epoch++;
    }
    return best;
  }

  /** One epoch of training (or its first {@code steps} examples); false on an early stop. */
  private boolean train(CompiledAlgorithm p, Task task, int epoch, int steps, Memory mem, Rng rng,
      double maxAbsError, ErrorRecord record) {
    final int f = mem.featuresSize;
    final double[] s = mem.scalars;
    final double[] v = mem.vectors;
    final double[] features = task.trainFeatures();
    final double[] labels = task.trainLabels();
    final int[] order = task.epochs()[epoch];
    final boolean accuracy = task.evalType() == EvalType.ACCURACY;
    final int predictStart = p.setupEnd;
    final int predictEnd = p.predictEnd;
    final int learnEnd = p.learnEnd;
    for (int k = 0; k < steps; k++) {
      trainStepsCompleted++;
      final int example = order[k];
      // v0 is never an output (the compiler checks), so it still holds the features for Learn.
      System.arraycopy(features, example * f, v, 0, f);
      s[0] = 0.0;
      Interpreter.run(p, predictStart, predictEnd, mem, rng);
      if (accuracy) {
        s[1] = sigmoid(s[1]);
      }
      final double label = labels[example];
      final double error = Math.abs(label - s[1]);
      if (Double.isNaN(error) || error > maxAbsError) {
        return false;
      }
      if (record != null && record.trainCount < ErrorRecord.CAPACITY) {
        record.train[record.trainCount++] = error;
      }
      s[0] = label;
      Interpreter.run(p, predictEnd, learnEnd, mem, rng);
    }
    return true;
  }

  /** Predict on the validation examples in order; the fitness, or 0 on an early stop. */
  private static double validate(CompiledAlgorithm p, Task task, int numValidExamples, Memory mem, Rng rng,
      double maxAbsError, ErrorRecord record) {
    final int f = mem.featuresSize;
    final double[] s = mem.scalars;
    final double[] v = mem.vectors;
    final double[] features = task.validFeatures();
    final double[] labels = task.validLabels();
    final boolean accuracy = task.evalType() == EvalType.ACCURACY;
    final int steps = Math.min(numValidExamples, task.numValid());
    final int predictStart = p.setupEnd;
    final int predictEnd = p.predictEnd;
    double loss = 0.0;
    for (int k = 0; k < steps; k++) {
      System.arraycopy(features, k * f, v, 0, f);
      s[0] = 0.0;
      Interpreter.run(p, predictStart, predictEnd, mem, rng);
      final double error;
      if (accuracy) {
        final double probability = sigmoid(s[1]);
        if (probability > 1.0 || probability < 0.0) {
          error = Double.POSITIVE_INFINITY;
        } else {
          // A NaN probability is not > 0.5: it predicts class 0, as in the reference.
          error = (labels[k] > 0.5) == (probability > 0.5) ? 0.0 : 1.0;
        }
        loss += error;
      } else {
        error = labels[k] - s[1];
        loss += error * error;
      }
      final double absError = Math.abs(error);
      if (Double.isNaN(absError) || absError > maxAbsError) {
        return 0.0;
      }
      if (record != null && record.validCount < ErrorRecord.CAPACITY) {
        record.valid[record.validCount++] = absError;
      }
    }
    // Both divide by the whole validation set, even when fewer examples were run (reference).
    if (accuracy) {
      return 1.0 - loss / task.numValid();
    }
    return flipAndSquash(Math.sqrt(loss / task.numValid()));
  }

  /** The reference's {@code FlipAndSquash}: {@code 1 - (2/pi) atan(x)}, and 0 for NaN or infinity. */
  public static double flipAndSquash(double x) {
    if (Double.isNaN(x) || Double.isInfinite(x)) {
      return 0.0;
    }
    return 1.0 - TWO_OVER_PI * Math.atan(x);
  }

  public static double sigmoid(double x) {
    return 1.0 / (1.0 + Math.exp(-x));
  }
}
