package org.automlzero.execute;

import java.util.List;
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
 * {@link #executeAll} does the same for a list of tasks, ten at a time side by side where it can.
 *
 * <p>Mutable and not thread-safe: one per worker thread. It owns the memory, the interpreter and
 * the lanes and reuses them, so that executions after the first allocate nothing (they are replaced only when
 * the features size changes).
 */
public final class Executor {
  private static final double TWO_OVER_PI = 2.0 / Math.PI;

  private final AddressSpace space;
  private Interpreter interpreter;
  private Lanes lanes;
  private long trainStepsCompleted;
  private long validStepsCompleted;
  private long learnStepsCompleted;
  private long tasksSideBySide;
  private long tasksRerun;

  public Executor(AddressSpace space) {
    this.space = space;
  }

  /** All training steps run by this executor so far, including early-stopped ones. */
  public long trainStepsCompleted() {
    return trainStepsCompleted;
  }

  /** All validation steps (Predict runs without Learn) run by this executor so far. */
  public long validStepsCompleted() {
    return validStepsCompleted;
  }

  /** All training steps that ran Learn (those not stopped early after Predict). */
  public long learnStepsCompleted() {
    return learnStepsCompleted;
  }

  /** Task executions {@link #executeAll} ran side by side with others, reruns included. */
  public long tasksSideBySide() {
    return tasksSideBySide;
  }

  /** Task executions run side by side that had to run again on their own ({@link Lanes}). */
  public long tasksRerun() {
    return tasksRerun;
  }

  /**
   * Counts the steps of an execution that the caller knows without running it, because it ran the
   * same program on the same task and generator state before (the cache's probe memo): the step
   * counters then read as if it had run again.
   */
  public void countUnrun(long trainSteps, long validSteps, long learnSteps) {
    trainStepsCompleted += trainSteps;
    validStepsCompleted += validSteps;
    learnStepsCompleted += learnSteps;
  }

  /** The memory after the last execution, for tests and tools that inspect what a program left. */
  public Memory memory() {
    return interpreter == null ? null : interpreter.memory();
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

  /**
   * The fitness of {@code program} on each of {@code tasks} into {@code fitness}, with
   * {@code numAllTrainExamples[i]} training examples at most and all validation examples for task
   * i: exactly what {@link #execute} task after task gives (fitness, step counts, generator draws).
   * Groups of {@link Lanes#WIDTH} consecutive tasks of one shape run side by side ({@link Lanes})
   * when the program has no stochastic op and their memories fit.
   */
  public void executeAll(CompiledAlgorithm program, List<Task> tasks, long[] numAllTrainExamples, Rng rng,
      double maxAbsError, double[] fitness) {
    final int count = tasks.size();
    final int f = program.featuresSize();
    final boolean sideBySide = count >= Lanes.WIDTH && Lanes.deterministic(program);
    if (sideBySide && (lanes == null || lanes.featuresSize() != f)) {
      lanes = new Lanes(space, f);
    }
    int i = 0;
    while (i < count) {
      if (sideBySide && group(f, tasks, numAllTrainExamples, i) && lanes.fits(tasks.get(i))) {
        lanes.checkFits(program);
        lanes.run(program, tasks, i, numAllTrainExamples[i], maxAbsError);
        for (int l = 0; l < Lanes.WIDTH; l++) {
          final Task task = tasks.get(i + l);
          tasksSideBySide++;
          if (lanes.rerun[l]) {
            tasksRerun++;
            fitness[i + l] = execute(program, task, numAllTrainExamples[i + l], task.numValid(), rng, maxAbsError);
          } else {
            fitness[i + l] = lanes.fitness[l];
            trainStepsCompleted += lanes.trainSteps[l];
            validStepsCompleted += lanes.validSteps[l];
            learnStepsCompleted += lanes.learnSteps[l];
          }
        }
        i += Lanes.WIDTH;
      } else {
        final Task task = tasks.get(i);
        fitness[i] = execute(program, task, numAllTrainExamples[i], task.numValid(), rng, maxAbsError);
        i++;
      }
    }
  }

  /** Whether tasks {@code [first, first + WIDTH)} exist, have features size f, one shape and one train count. */
  private static boolean group(int f, List<Task> tasks, long[] numAllTrainExamples, int first) {
    if (first + Lanes.WIDTH > tasks.size() || tasks.get(first).featuresSize() != f) {
      return false;
    }
    for (int l = 1; l < Lanes.WIDTH; l++) {
      if (!Lanes.sameShape(tasks.get(first), tasks.get(first + l))
          || numAllTrainExamples[first + l] != numAllTrainExamples[first]) {
        return false;
      }
    }
    return true;
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
    if (interpreter == null || interpreter.memory().featuresSize != f) {
      interpreter = new Interpreter(new Memory(space, f));
    }
    final Interpreter in = interpreter;
    p.checkFits(in.memory());
    in.memory().wipe();
    in.rng = rng;
    in.maxAbsError = maxAbsError;
    in.accuracy = task.evalType() == EvalType.ACCURACY;
    in.execute(p, 0, p.setupEnd);

    final long numAllTrain = Math.min(numAllTrainExamples, task.maxTrainExamples());
    final int perEpoch = task.numTrain();
    long remaining = numAllTrain;
    double best = 0.0;
    int epoch = 0;
    while (remaining > 0) {
      in.record = epoch == 0 ? record : null;
      in.validating = false;
      in.features = task.trainFeatures();
      in.labels = task.trainLabels();
      in.order = task.epochs()[epoch];
      in.step = 0;
      in.steps = (int) Math.min(perEpoch, remaining);
      in.load(in.order[0]);
      in.pass(p);
      // Predict ran for every step up to the last, where a stop leaves the step unfinished.
      trainStepsCompleted += in.stopped ? in.step + 1 : in.steps;
      learnStepsCompleted += in.step;
      if (in.stopped) {
        if (epoch == 0) {
          return 0.0;
        }
        break;
      }
      remaining -= perEpoch;
      best = Math.max(best, validate(p, task, numValidExamples, in, epoch == 0 ? record : null));
      epoch++;
    }
    return best;
  }

  /** Predict on the validation examples in order; the fitness, or 0 on an early stop. */
  private double validate(CompiledAlgorithm p, Task task, int numValidExamples, Interpreter in,
      ErrorRecord record) {
    final int steps = Math.min(numValidExamples, task.numValid());
    in.loss = 0.0;
    if (steps > 0) {
      in.record = record;
      in.validating = true;
      in.features = task.validFeatures();
      in.labels = task.validLabels();
      in.step = 0;
      in.steps = steps;
      in.load(0);
      in.pass(p);
      validStepsCompleted += in.stopped ? in.step + 1 : steps;
      if (in.stopped) {
        return 0.0;
      }
    }
    // Both divide by the whole validation set, even when fewer examples were run (reference).
    if (in.accuracy) {
      return 1.0 - in.loss / task.numValid();
    }
    return flipAndSquash(Math.sqrt(in.loss / task.numValid()));
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
