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
 * this VM's drift cancels: the two alternate in blocks of a few hundred microseconds of thread CPU
 * time each, so that both see the same machine, and the ratio is taken per pair of blocks. Prints
 * the median and quartiles of those ratios and the two sides' mean microseconds per evaluation of
 * the 10 tasks. Only the linear model runs in this JVM, as in JMH's fork of
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
    if (interpretedFitness != directFitness) {
      throw new IllegalStateException("interpreted fitness " + interpretedFitness + " != direct " + directFitness);
    }
    run(linear, executor, tasks, rng, 5, false); // warm-up
    run(linear, executor, tasks, rng, seconds, true);
  }

  private static void run(CompiledAlgorithm linear, Executor executor, List<Task> tasks, Rng rng, double seconds,
      boolean print) {
    int capacity = 1 << 20;
    double[] ratios = new double[capacity];
    int pairs = 0;
    long interpretedNanos = 0;
    long directNanos = 0;
    double sink = 0;
    long end = THREADS.getCurrentThreadCpuTime() + (long) (seconds * 1e9);
    while (pairs < capacity && THREADS.getCurrentThreadCpuTime() < end) {
      long t0 = THREADS.getCurrentThreadCpuTime();
      for (int i = 0; i < BLOCK; i++) {
        sink += evaluate(linear, executor, tasks, rng);
      }
      long t1 = THREADS.getCurrentThreadCpuTime();
      for (int i = 0; i < BLOCK; i++) {
        sink += DirectLinearModel.evaluate(tasks, 0.01, 100);
      }
      long t2 = THREADS.getCurrentThreadCpuTime();
      interpretedNanos += t1 - t0;
      directNanos += t2 - t1;
      ratios[pairs++] = (double) (t1 - t0) / (t2 - t1);
    }
    if (!print) {
      return;
    }
    Arrays.sort(ratios, 0, pairs);
    long evaluations = (long) pairs * BLOCK;
    System.out.printf("linear model on 10 tasks, %d block pairs of %d evaluations over %.0f s of thread CPU time:"
            + " interpreted %.1f us, direct %.1f us per evaluation; interpreted / direct: total %.3f,"
            + " per pair median %.3f (quartiles %.3f-%.3f) (checksum %.6g)%n",
        pairs, BLOCK, seconds, interpretedNanos / 1e3 / evaluations, directNanos / 1e3 / evaluations,
        (double) interpretedNanos / directNanos, ratios[pairs / 2], ratios[pairs / 4], ratios[3 * pairs / 4], sink);
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
