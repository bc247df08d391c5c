package org.automlzero.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.List;
import org.automlzero.execute.CompiledAlgorithm;
import org.automlzero.execute.Executor;
import org.automlzero.program.AddressSpace;
import org.automlzero.program.Algorithm;
import org.automlzero.program.HandWrittenAlgorithms;
import org.automlzero.program.Liveness;
import org.automlzero.random.Rng;
import org.automlzero.task.Task;
import org.automlzero.task.TaskGenerator;
import org.automlzero.task.TaskSpec;

/**
 * {@link InterpreterBenchmark}'s workload timed by the thread's CPU time rather than the wall
 * clock, for a shared machine where other processes take the cores. One JVM runs one variant:
 * {@code specialised} (kernels specialised to F=4, the default) or {@code generic} (kernels with F
 * variable, {@code new CompiledAlgorithm(false)}), each in rounds together with the linear model
 * written directly in Java, and prints the medians and minima over the rounds.
 * {@code bench/interpreter-cpu.sh} alternates JVMs of the two variants. One variant per JVM
 * because the JIT compiles the interpreter from its profile: with both variants hot in one JVM,
 * both run the code compiled for both, and the specialisation's gain disappears (measured).
 */
public final class InterpreterCpuTimeBench {
  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
  private static final int LINEAR_REPEATS = 1000;

  private final List<Task> tasks =
      new TaskGenerator().generate(TaskSpec.linearRegression(4, 100, 100, 10), 0);
  private final Liveness liveness = new Liveness(Liveness.StochasticOps.KEEP_ALWAYS);
  private final Rng rng = new Rng(1);
  private double sink;

  private InterpreterCpuTimeBench() {}

  /** Arguments: {@code specialised} or {@code generic}, then the number of rounds (default 8). */
  public static void main(String[] args) {
    if (args.length < 1 || !(args[0].equals("specialised") || args[0].equals("generic"))) {
      throw new IllegalArgumentException("usage: InterpreterCpuTimeBench specialised|generic [ROUNDS]");
    }
    new InterpreterCpuTimeBench().run(args[0], args.length > 1 ? Integer.parseInt(args[1]) : 8);
  }

  private void run(String variant, int rounds) {
    Rng programs = new Rng(20260101);
    Algorithm[] pool = new Algorithm[InterpreterBenchmark.POOL];
    for (int i = 0; i < pool.length; i++) {
      pool[i] = new Algorithm(InterpreterBenchmark.random(10, programs), InterpreterBenchmark.random(2, programs),
          InterpreterBenchmark.random(8, programs));
    }
    Algorithm linear = HandWrittenAlgorithms.linearModel(0.01);
    CompiledAlgorithm compiled = new CompiledAlgorithm(variant.equals("specialised"));
    Executor executor = new Executor(AddressSpace.DEMO);
    // microseconds per algorithm on the 10 tasks, per round
    double[] random = new double[rounds];
    double[] interpreted = new double[rounds];
    double[] direct = new double[rounds];
    for (int round = -3; round < rounds; round++) { // three rounds of warm-up
      long start = THREADS.getCurrentThreadCpuTime();
      for (Algorithm algorithm : pool) {
        sink += evaluate(algorithm, compiled, executor);
      }
      long randomEnd = THREADS.getCurrentThreadCpuTime();
      for (int i = 0; i < LINEAR_REPEATS; i++) {
        sink += evaluate(linear, compiled, executor);
      }
      long linearEnd = THREADS.getCurrentThreadCpuTime();
      for (int i = 0; i < LINEAR_REPEATS; i++) {
        sink += DirectLinearModel.evaluate(tasks, 0.01, 100);
      }
      long end = THREADS.getCurrentThreadCpuTime();
      if (round >= 0) {
        random[round] = (randomEnd - start) / 1e3 / pool.length;
        interpreted[round] = (linearEnd - randomEnd) / 1e3 / LINEAR_REPEATS;
        direct[round] = (end - linearEnd) / 1e3 / LINEAR_REPEATS;
      }
    }
    System.out.printf("%-11s us per algorithm on 10 tasks, thread CPU time, %d rounds: random demo algorithms"
        + " median %5.1f min %5.1f | linear model median %5.1f min %5.1f | direct Java median %5.1f min %5.1f"
        + " | linear / direct median %.2f (checksum %.6g)%n", variant, rounds, median(random), min(random),
        median(interpreted), min(interpreted), median(direct), min(direct), medianRatio(interpreted, direct), sink);
  }

  /** The evaluator's work without a cache or budget: compile without dead code, mean over tasks. */
  private double evaluate(Algorithm algorithm, CompiledAlgorithm compiled, Executor executor) {
    compiled.compile(algorithm, AddressSpace.DEMO, 4, liveness);
    double sum = 0;
    for (int i = 0, n = tasks.size(); i < n; i++) {
      Task task = tasks.get(i);
      sum += executor.execute(compiled, task, task.maxTrainExamples(), task.numValid(), rng, 100);
    }
    return sum / tasks.size();
  }

  private static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    return sorted[sorted.length / 2];
  }

  private static double min(double[] values) {
    return Arrays.stream(values).min().orElse(Double.NaN);
  }

  private static double medianRatio(double[] numerators, double[] denominators) {
    double[] ratios = new double[numerators.length];
    for (int i = 0; i < ratios.length; i++) {
      ratios[i] = numerators[i] / denominators[i];
    }
    return median(ratios);
  }
}
