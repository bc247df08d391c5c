package org.automlzero.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.List;
import org.automlzero.execute.CompiledAlgorithm;
import org.automlzero.execute.Executor;
import org.automlzero.program.AddressSpace;
import org.automlzero.program.HandWrittenAlgorithms;
import org.automlzero.random.Rng;
import org.automlzero.task.Task;
import org.automlzero.task.TaskGenerator;
import org.automlzero.task.TaskSpec;

/**
 * The ratio of issue 2, the linear model interpreted over the same model written directly in Java
 * ({@link DirectLinearModel}), on {@link InterpreterBenchmark}'s 10 linear tasks, measured so that
 * this VM's drift cancels: the sides alternate in blocks of a few hundred microseconds of thread
 * CPU time each, so that all see the same machine, and the ratios are taken per round of blocks.
 * The interpreter runs twice: task after task ({@link Executor#execute}, the 10 tasks one by one)
 * and side by side ({@link Executor#executeAll}, the 10 tasks as one group of lanes, as the
 * evaluator runs them). Prints the median and quartiles of the per-round ratios to the direct
 * model and the sides' mean microseconds per evaluation of the 10 tasks. Only the linear model runs in this JVM, as in JMH's fork of
 * {@code InterpreterBenchmark.linearModelInterpreted}.
 *
 * <p>{@code LinearRatioBench [SECONDS]} (default 20 s of measurement after 5 s of warm-up).
 */
public final class LinearRatioBench {
  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
  /** Evaluations of the 10 tasks per block: about 0.5 ms interpreted, 0.2 ms direct. */
  private static final int BLOCK = 10;

  private LinearRatioBench() {}

  public static void main(String[] args) {
    double seconds = args.length > 0 ? Double.parseDouble(args[0]) : 20;
    List<Task> tasks = new TaskGenerator().generate(TaskSpec.linearRegression(4, 100, 100, 10), 0);
    CompiledAlgorithm linear =
        new CompiledAlgorithm().compile(HandWrittenAlgorithms.linearModel(0.01), AddressSpace.DEMO, 4);
    Executor executor = new Executor(AddressSpace.DEMO);
    Rng rng = new Rng(1);
    double interpretedFitness = evaluate(linear, executor, tasks, rng);
    double directFitness = DirectLinearModel.evaluate(tasks, 0.01, 100);
    long[] numTrain = tasks.stream().mapToLong(Task::maxTrainExamples).toArray();
    double[] fitness = new double[tasks.size()];
    executor.executeAll(linear, tasks, numTrain, rng, 100, fitness);
    double sum = 0; // in task order, as evaluate sums (DoubleStream.sum compensates, which differs)
    for (double x : fitness) {
      sum += x;
    }
    double sideBySideFitness = sum / fitness.length;
    if (interpretedFitness != directFitness || sideBySideFitness != directFitness) {
      throw new IllegalStateException("interpreted fitness " + interpretedFitness + ", side by side "
          + sideBySideFitness + ", direct " + directFitness);
    }
    run(linear, executor, tasks, rng, 5, false); // warm-up
    run(linear, executor, tasks, rng, seconds, true);
  }

  private static void run(CompiledAlgorithm linear, Executor executor, List<Task> tasks, Rng rng, double seconds,
      boolean print) {
    int capacity = 1 << 20;
    double[] sequentialRatios = new double[capacity];
    double[] sideBySideRatios = new double[capacity];
    long[] numTrain = new long[tasks.size()];
    for (int i = 0; i < numTrain.length; i++) {
      numTrain[i] = tasks.get(i).maxTrainExamples();
    }
    double[] fitness = new double[tasks.size()];
    int rounds = 0;
    long sequentialNanos = 0;
    long sideBySideNanos = 0;
    long directNanos = 0;
    double sink = 0;
    long end = THREADS.getCurrentThreadCpuTime() + (long) (seconds * 1e9);
    while (rounds < capacity && THREADS.getCurrentThreadCpuTime() < end) {
      long t0 = THREADS.getCurrentThreadCpuTime();
      for (int i = 0; i < BLOCK; i++) {
        sink += evaluate(linear, executor, tasks, rng);
      }
      long t1 = THREADS.getCurrentThreadCpuTime();
      for (int i = 0; i < BLOCK; i++) {
        executor.executeAll(linear, tasks, numTrain, rng, 100, fitness);
        sink += fitness[i];
      }
      long t2 = THREADS.getCurrentThreadCpuTime();
      for (int i = 0; i < BLOCK; i++) {
        sink += DirectLinearModel.evaluate(tasks, 0.01, 100);
      }
      long t3 = THREADS.getCurrentThreadCpuTime();
      sequentialNanos += t1 - t0;
      sideBySideNanos += t2 - t1;
      directNanos += t3 - t2;
      sequentialRatios[rounds] = (double) (t1 - t0) / (t3 - t2);
      sideBySideRatios[rounds++] = (double) (t2 - t1) / (t3 - t2);
    }
    if (!print) {
      return;
    }
    Arrays.sort(sequentialRatios, 0, rounds);
    Arrays.sort(sideBySideRatios, 0, rounds);
    long evaluations = (long) rounds * BLOCK;
    System.out.printf("linear model on 10 tasks, %d rounds of %d evaluations per side over %.0f s of thread CPU"
            + " time: task after task %.1f us, side by side %.1f us, direct %.1f us per evaluation (checksum %.6g)%n",
        rounds, BLOCK, seconds, sequentialNanos / 1e3 / evaluations, sideBySideNanos / 1e3 / evaluations,
        directNanos / 1e3 / evaluations, sink);
    System.out.printf("interpreted / direct, task after task: total %.3f, per round median %.3f (quartiles %.3f-%.3f)%n",
        (double) sequentialNanos / directNanos, sequentialRatios[rounds / 2], sequentialRatios[rounds / 4],
        sequentialRatios[3 * rounds / 4]);
    System.out.printf("interpreted / direct, side by side:  total %.3f, per round median %.3f (quartiles %.3f-%.3f)%n",
        (double) sideBySideNanos / directNanos, sideBySideRatios[rounds / 2], sideBySideRatios[rounds / 4],
        sideBySideRatios[3 * rounds / 4]);
  }

  private static double evaluate(CompiledAlgorithm program, Executor executor, List<Task> tasks, Rng rng) {
    double sum = 0;
    for (int i = 0, n = tasks.size(); i < n; i++) {
      Task task = tasks.get(i);
      sum += executor.execute(program, task, task.maxTrainExamples(), task.numValid(), rng, 100);
    }
    return sum / tasks.size();
  }
}
