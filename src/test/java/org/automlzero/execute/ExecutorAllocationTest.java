package org.automlzero.execute;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.automlzero.evaluate.Evaluator;
import org.automlzero.evaluate.FitnessCombination;
import org.automlzero.program.AddressSpace;
import org.automlzero.program.Algorithm;
import org.automlzero.program.HandWrittenAlgorithms;
import org.automlzero.program.Instruction;
import org.automlzero.program.InstructionRandomizer;
import org.automlzero.program.Op;
import org.automlzero.random.Rng;
import org.automlzero.task.EvalType;
import org.automlzero.task.Task;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The hot path allocates nothing once warm (STYLE.md, "The hot loop"): executing, compiling and
 * evaluating algorithm after algorithm. Measured with the bytes this thread has allocated
 * ({@code com.sun.management.ThreadMXBean#getCurrentThreadAllocatedBytes}), which counts every
 * object of the thread, TLAB or not, and nothing of the JIT's threads.
 *
 * <p>Everything the loops use (algorithms, compiled buffers, tasks, generators) is built before
 * the measurement. The assertion allows {@value #SLACK_BYTES} bytes over {@value #RUNS} runs: the
 * measurement's own calls are native and allocate nothing today, but a one-off such as a class
 * initialised lazily inside the JDK must not fail the test, while a single 16-byte object per run
 * would show up as 160 KB.
 */
class ExecutorAllocationTest {
  // Long enough for the JIT's last recompilations, whose deoptimisations materialise objects it had
  // scalar-replaced: with 20,000, a JVM running this class alone saw 4.6 KB in the first test.
  private static final int WARM_UP = 60_000;
  private static final int RUNS = 10_000;
  private static final long SLACK_BYTES = 1024;
  private static final AddressSpace SPACE = AddressSpace.BASELINE;
  private static final int F = 4;

  private static com.sun.management.ThreadMXBean threads;

  @BeforeAll
  static void requireAllocationCounting() {
    assumeTrue(ManagementFactory.getThreadMXBean() instanceof com.sun.management.ThreadMXBean,
        "this JVM cannot count allocated bytes per thread");
    threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    assumeTrue(threads.isThreadAllocatedMemorySupported(), "this JVM cannot count allocated bytes per thread");
    threads.setThreadAllocatedMemoryEnabled(true);
    allocatedBytes();
  }

  @Test
  void executingAlgorithmsAllocatesNothingOnceWarm() {
    List<Algorithm> algorithms = algorithms(100, 1);
    CompiledAlgorithm[] compiled = new CompiledAlgorithm[algorithms.size()];
    for (int i = 0; i < compiled.length; i++) {
      compiled[i] = new CompiledAlgorithm().compile(algorithms.get(i), SPACE, F);
    }
    Task task = task(0, 2);
    Executor executor = new Executor(SPACE);
    Rng rng = new Rng(11);
    double sink = 0;
    for (int i = 0; i < WARM_UP; i++) {
      sink += executor.execute(compiled[i % compiled.length], task, Long.MAX_VALUE, Integer.MAX_VALUE, rng, 100.0);
    }
    long before = allocatedBytes();
    for (int i = 0; i < RUNS; i++) {
      sink += executor.execute(compiled[i % compiled.length], task, Long.MAX_VALUE, Integer.MAX_VALUE, rng, 100.0);
    }
    long allocated = allocatedBytes() - before;
    assertTrue(allocated < SLACK_BYTES, allocated + " bytes over " + RUNS + " executions (sink " + sink + ")");
  }

  @Test
  void recordingExecutionsAllocateNothingOnceWarm() {
    List<Algorithm> algorithms = algorithms(100, 2);
    CompiledAlgorithm[] compiled = new CompiledAlgorithm[algorithms.size()];
    for (int i = 0; i < compiled.length; i++) {
      compiled[i] = new CompiledAlgorithm().compile(algorithms.get(i), SPACE, F);
    }
    Task task = task(0, 2);
    Executor executor = new Executor(SPACE);
    ErrorRecord record = new ErrorRecord();
    Rng rng = new Rng(12);
    double sink = 0;
    for (int i = 0; i < WARM_UP; i++) {
      rng.reseed(235732282L);
      sink += executor.executeRecording(compiled[i % compiled.length], task, 10, 10, rng, 100.0, record);
    }
    long before = allocatedBytes();
    for (int i = 0; i < RUNS; i++) {
      rng.reseed(235732282L);
      sink += executor.executeRecording(compiled[i % compiled.length], task, 10, 10, rng, 100.0, record);
    }
    long allocated = allocatedBytes() - before;
    assertTrue(allocated < SLACK_BYTES, allocated + " bytes over " + RUNS + " executions (sink " + sink + ")");
  }

  @Test
  void compilingAlgorithmsNoLargerThanBeforeAllocatesNothing() {
    List<Algorithm> algorithms = algorithms(100, 3);
    CompiledAlgorithm compiled = new CompiledAlgorithm();
    int largest = 0;
    for (Algorithm algorithm : algorithms) {
      largest = Math.max(largest, algorithm.size());
    }
    // Grow the buffer once, with a NO_OP program as large as any of them.
    compiled.compile(Algorithm.noOp(largest, 0, 0), SPACE, F);
    Algorithm[] array = algorithms.toArray(new Algorithm[0]);
    long sink = 0;
    for (int i = 0; i < WARM_UP; i++) {
      sink += compiled.compile(array[i % array.length], SPACE, F).length();
    }
    long before = allocatedBytes();
    for (int i = 0; i < RUNS; i++) {
      sink += compiled.compile(array[i % array.length], SPACE, F).length();
    }
    long allocated = allocatedBytes() - before;
    assertTrue(allocated < SLACK_BYTES, allocated + " bytes over " + RUNS + " compilations (sink " + sink + ")");
  }

  @Test
  void evaluatingWithoutCacheAllocatesNothingOnceWarm() {
    List<Algorithm> algorithms = algorithms(50, 4);
    Algorithm[] array = algorithms.toArray(new Algorithm[0]);
    Evaluator evaluator = new Evaluator(List.of(task(0, 2), task(1, 1)), SPACE, FitnessCombination.MEAN, 100.0,
        new Rng(13), null, null);
    double sink = 0;
    for (int i = 0; i < WARM_UP / 2; i++) {
      sink += evaluator.evaluate(array[i % array.length]);
    }
    long before = allocatedBytes();
    for (int i = 0; i < RUNS / 2; i++) {
      sink += evaluator.evaluate(array[i % array.length]);
    }
    long allocated = allocatedBytes() - before;
    assertTrue(allocated < SLACK_BYTES, allocated + " bytes over " + RUNS / 2 + " evaluations (sink " + sink + ")");
  }

  @Test
  void evaluatingTenTasksSideBySideAllocatesNothingOnceWarm() {
    List<Algorithm> algorithms = algorithms(50, 5);
    Algorithm[] array = algorithms.toArray(new Algorithm[0]);
    List<Task> tasks = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      tasks.add(task(i, 2));
    }
    Evaluator evaluator = new Evaluator(tasks, SPACE, FitnessCombination.MEAN, 100.0, new Rng(14), null, null);
    double sink = 0;
    for (int i = 0; i < WARM_UP / 10; i++) {
      sink += evaluator.evaluate(array[i % array.length]);
    }
    long sideBySide = evaluator.tasksSideBySide();
    long before = allocatedBytes();
    for (int i = 0; i < RUNS / 10; i++) {
      sink += evaluator.evaluate(array[i % array.length]);
    }
    long allocated = allocatedBytes() - before;
    assertTrue(evaluator.tasksSideBySide() > sideBySide, "no task ran side by side");
    assertTrue(allocated < SLACK_BYTES, allocated + " bytes over " + RUNS / 10 + " evaluations (sink " + sink + ")");
  }

  // ---------------------------------------------------------------------------------------------

  private static long allocatedBytes() {
    return threads.getCurrentThreadAllocatedBytes();
  }

  /**
   * {@code n} random algorithms over every op of the space, plus a neural network whose Setup
   * draws its weights from the stochastic ops, so that stochastic ops run often and for long.
   */
  private static List<Algorithm> algorithms(int n, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    List<Op> ops = new ArrayList<>();
    for (Op op : Op.values()) {
      if (SPACE.supports(op)) {
        ops.add(op);
      }
    }
    List<Algorithm> algorithms = new ArrayList<>();
    for (int k = 0; k < n; k++) {
      algorithms.add(new Algorithm(
          randomInstructions(4 + k % 3, ops, random),
          randomInstructions(3 + k % 5, ops, random),
          randomInstructions(5 + k % 7, ops, random)));
      if (k % 10 == 0) {
        algorithms.add(stochasticNeuralNet());
      }
    }
    return algorithms;
  }

  private static List<Instruction> randomInstructions(int size, List<Op> ops, SplittableRandom random) {
    List<Instruction> instructions = new ArrayList<>();
    for (int i = 0; i < size; i++) {
      instructions.add(InstructionRandomizer.random(ops.get(random.nextInt(ops.size())), SPACE, random));
    }
    return instructions;
  }

  /**
   * The reference's NeuralNet(0.01, 0.1, 0.1) with more stochastic ops: uniform initialisation of
   * the biases in Setup and Gaussian draws in Learn.
   */
  private static Algorithm stochasticNeuralNet() {
    Algorithm net = HandWrittenAlgorithms.neuralNet(0.01, 0.1, 0.1);
    List<Instruction> setup = new ArrayList<>(net.setup());
    setup.add(Instruction.randomSet(Op.VECTOR_UNIFORM_SET, 1, -0.01f, 0.01f));
    setup.add(Instruction.randomSet(Op.SCALAR_UNIFORM_SET, 2, -0.01f, 0.01f));
    List<Instruction> learn = new ArrayList<>(net.learn());
    learn.add(Instruction.randomSet(Op.VECTOR_GAUSSIAN_SET, 6, 0f, 0.001f));
    learn.add(Instruction.randomSet(Op.SCALAR_GAUSSIAN_SET, 4, 0f, 0.001f));
    return new Algorithm(setup, net.predict(), learn);
  }

  /** A random linear RMS task with F = 4, 20 training and 10 validation examples. */
  private static Task task(int index, int epochs) {
    SplittableRandom random = new SplittableRandom(100 + index);
    int numTrain = 20;
    int numValid = 10;
    double[] weights = new double[F];
    for (int i = 0; i < F; i++) {
      weights[i] = random.nextGaussian();
    }
    double[] trainFeatures = new double[numTrain * F];
    double[] trainLabels = new double[numTrain];
    double[] validFeatures = new double[numValid * F];
    double[] validLabels = new double[numValid];
    fill(trainFeatures, trainLabels, weights, random);
    fill(validFeatures, validLabels, weights, random);
    int[][] order = new int[epochs][numTrain];
    for (int e = 0; e < epochs; e++) {
      for (int i = 0; i < numTrain; i++) {
        order[e][i] = i;
      }
      for (int i = numTrain - 1; e > 0 && i > 0; i--) {
        int j = random.nextInt(i + 1);
        int t = order[e][i];
        order[e][i] = order[e][j];
        order[e][j] = t;
      }
    }
    return new Task(index, F, EvalType.RMS_ERROR, trainFeatures, trainLabels, validFeatures, validLabels, order);
  }

  private static void fill(double[] features, double[] labels, double[] weights, SplittableRandom random) {
    for (int k = 0; k < labels.length; k++) {
      double label = 0;
      for (int i = 0; i < F; i++) {
        features[k * F + i] = random.nextGaussian();
        label += weights[i] * features[k * F + i];
      }
      labels[k] = label;
    }
  }
}
