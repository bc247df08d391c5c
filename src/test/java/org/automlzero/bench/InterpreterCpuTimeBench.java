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
 * clock, for a shared machine where other processes take the cores: in rounds, each variant in
 * turn (kernels specialised to F=4, kernels with F variable, the linear model written directly in
 * Java), and the median and minimum per variant over the rounds. Run with
 * {@code bench/interpreter-cpu.sh [ROUNDS]}. Not a JMH benchmark: the variants share one JVM and
 * its JIT profile, so the specialised run also carries the generic cases (and the other way round).
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

  public static void main(String[] args) {
    int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 15;
    new InterpreterCpuTimeBench().run(rounds);
  }

  private void run(int rounds) {
    Rng programs = new Rng(20260101);
    Algorithm[] pool = new Algorithm[InterpreterBenchmark.POOL];
    for (int i = 0; i < pool.length; i++) {
      pool[i] = new Algorithm(InterpreterBenchmark.random(10, programs), InterpreterBenchmark.random(2, programs),
          InterpreterBenchmark.random(8, programs));
    }
    Algorithm linear = HandWrittenAlgorithms.linearModel(0.01);
    CompiledAlgorithm[] compiled = {new CompiledAlgorithm(true), new CompiledAlgorithm(false)};
    Executor[] executors = {new Executor(AddressSpace.DEMO), new Executor(AddressSpace.DEMO)};
    String[] names = {"specialised to F=4", "generic (F variable)"};
    // [variant][0: random demo algorithms, 1: linear model][round], in microseconds per algorithm
    double[][][] micros = new double[2][2][rounds];
    double[] direct = new double[rounds];
    for (int round = -3; round < rounds; round++) { // three rounds of warm-up
      for (int variant = 0; variant < 2; variant++) {
        long start = THREADS.getCurrentThreadCpuTime();
        for (Algorithm algorithm : pool) {
          sink += evaluate(algorithm, compiled[variant], executors[variant]);
        }
        long middle = THREADS.getCurrentThreadCpuTime();
        for (int i = 0; i < LINEAR_REPEATS; i++) {
          sink += evaluate(linear, compiled[variant], executors[variant]);
        }
        long end = THREADS.getCurrentThreadCpuTime();
        if (round >= 0) {
          micros[variant][0][round] = (middle - start) / 1e3 / pool.length;
          micros[variant][1][round] = (end - middle) / 1e3 / LINEAR_REPEATS;
        }
      }
      long start = THREADS.getCurrentThreadCpuTime();
      for (int i = 0; i < LINEAR_REPEATS; i++) {
        sink += DirectLinearModel.evaluate(tasks, 0.01, 100);
      }
      if (round >= 0) {
        direct[round] = (THREADS.getCurrentThreadCpuTime() - start) / 1e3 / LINEAR_REPEATS;
      }
    }
    System.out.printf("thread CPU time, us per algorithm on 10 tasks (F=4, 100 train, 100 valid), %d rounds:%n", rounds);
    for (int variant = 0; variant < 2; variant++) {
      System.out.printf("  %-22s random demo algorithms median %6.1f min %6.1f | linear model median %6.1f min %6.1f"
          + " | linear / direct median %.2f%n", names[variant], median(micros[variant][0]), min(micros[variant][0]),
          median(micros[variant][1]), min(micros[variant][1]), medianRatio(micros[variant][1], direct));
    }
    System.out.printf("  %-22s linear model median %6.1f min %6.1f%n", "direct Java", median(direct), min(direct));
    System.out.printf("  specialised / generic, median of per-round ratios: random %.3f, linear %.3f%n",
        medianRatio(micros[0][0], micros[1][0]), medianRatio(micros[0][1], micros[1][1]));
    System.out.println("(checksum " + sink + ")");
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
