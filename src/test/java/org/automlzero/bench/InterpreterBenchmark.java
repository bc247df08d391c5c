package org.automlzero.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.automlzero.evaluate.Evaluator;
import org.automlzero.execute.CompiledAlgorithm;
import org.automlzero.execute.Executor;
import org.automlzero.evaluate.FitnessCombination;
import org.automlzero.program.AddressSpace;
import org.automlzero.program.Algorithm;
import org.automlzero.program.HandWrittenAlgorithms;
import org.automlzero.program.Instruction;
import org.automlzero.program.InstructionRandomizer;
import org.automlzero.program.Liveness;
import org.automlzero.program.Op;
import org.automlzero.random.Rng;
import org.automlzero.task.Task;
import org.automlzero.task.TaskGenerator;
import org.automlzero.task.TaskSpec;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The interpreter on the reference demo's workload (issue 2): random algorithms over the demo's six
 * ops with Setup/Predict/Learn sizes 10/2/8 on 10 linear tasks of F=4 with 100 train and 100 valid
 * examples, no cache; and the linear model interpreted against the same model written directly in
 * Java. Each invocation evaluates one algorithm on all 10 tasks, as the evaluator does: side by
 * side, the 10 tasks as one group of lanes ({@code Executor.executeAll}). The
 * {@code ...TaskAfterTask} benchmarks run the tasks one after the other instead ({@code
 * Executor.execute}), as the evaluator did before, and the {@code ...GenericKernels} ones do so
 * through {@code new CompiledAlgorithm(false)}, which keeps the kernels' F variable instead of
 * specialising them to F=4: the befores and afters of those changes, measured in one run. Run with
 * {@code bench/jmh.sh}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xmx2g"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class InterpreterBenchmark {
  static final List<Op> DEMO_OPS = List.of(Op.SCALAR_CONST_SET, Op.VECTOR_INNER_PRODUCT, Op.SCALAR_DIFF,
      Op.SCALAR_PRODUCT, Op.SCALAR_VECTOR_PRODUCT, Op.VECTOR_SUM);
  static final int POOL = 4096;

  List<Task> tasks;
  Evaluator evaluator;
  Evaluator withoutDeadCodeSkipping;
  Algorithm[] pool;
  Algorithm linear;
  int next;
  CompiledAlgorithm generic;
  CompiledAlgorithm specialised;
  Executor oneByOneExecutor;
  Liveness oneByOneLiveness;
  Rng oneByOneRng;

  @Setup
  public void setUp() {
    tasks = new TaskGenerator().generate(TaskSpec.linearRegression(4, 100, 100, 10), 0);
    evaluator = new Evaluator(tasks, AddressSpace.DEMO, FitnessCombination.MEAN, 100, new Rng(1), null, null);
    withoutDeadCodeSkipping = new Evaluator(
        tasks, AddressSpace.DEMO, FitnessCombination.MEAN, 100, new Rng(1), null, null, false);
    Rng rng = new Rng(20260101);
    pool = new Algorithm[POOL];
    for (int i = 0; i < POOL; i++) {
      pool[i] = new Algorithm(random(10, rng), random(2, rng), random(8, rng));
    }
    linear = HandWrittenAlgorithms.linearModel(0.01);
    generic = new CompiledAlgorithm(false);
    specialised = new CompiledAlgorithm();
    oneByOneExecutor = new Executor(AddressSpace.DEMO);
    oneByOneLiveness = new Liveness(Liveness.StochasticOps.KEEP_ALWAYS);
    oneByOneRng = new Rng(1);
    System.out.printf("%nexecuted instructions per algorithm (10 tasks): random %.0f with dead-code skipping, %.0f"
        + " without; linear model %.0f%n", instructions(evaluator, true), instructions(withoutDeadCodeSkipping, false),
        instructionsOf(linear, evaluator, true));
  }

  /** The mean number of instructions one pool algorithm executes over the 10 tasks (untimed). */
  private double instructions(Evaluator counting, boolean skipDeadCode) {
    double total = 0;
    for (Algorithm algorithm : pool) {
      total += instructionsOf(algorithm, counting, skipDeadCode);
    }
    return total / pool.length;
  }

  private double instructionsOf(Algorithm algorithm, Evaluator counting, boolean skipDeadCode) {
    CompiledAlgorithm compiled = new CompiledAlgorithm().compile(algorithm, AddressSpace.DEMO, 4,
        skipDeadCode ? new Liveness(Liveness.StochasticOps.KEEP_ALWAYS) : null);
    long train = counting.trainSteps();
    long learn = counting.learnSteps();
    long valid = counting.validSteps();
    counting.evaluate(algorithm);
    return (double) tasks.size() * compiled.setupLength()
        + (counting.trainSteps() - train + counting.validSteps() - valid) * compiled.predictLength()
        + (counting.learnSteps() - learn) * compiled.learnLength();
  }

  static List<Instruction> random(int size, Rng rng) {
    List<Instruction> list = new ArrayList<>(size);
    for (int i = 0; i < size; i++) {
      list.add(InstructionRandomizer.random(DEMO_OPS.get(rng.nextInt(DEMO_OPS.size())), AddressSpace.DEMO, rng));
    }
    return list;
  }

  /** One random demo algorithm on the 10 tasks; divide by 10 for the time per algorithm per task. */
  @Benchmark
  public double randomDemoAlgorithm() {
    Algorithm algorithm = pool[next];
    next = (next + 1) & (POOL - 1);
    return evaluator.evaluate(algorithm);
  }

  /** As {@link #randomDemoAlgorithm}, interpreting every instruction, dead or not. */
  @Benchmark
  public double randomDemoAlgorithmWithoutDeadCodeSkipping() {
    Algorithm algorithm = pool[next];
    next = (next + 1) & (POOL - 1);
    return withoutDeadCodeSkipping.evaluate(algorithm);
  }

  /** The linear model (learning rate 0.01) interpreted on the 10 tasks. */
  @Benchmark
  public double linearModelInterpreted() {
    return evaluator.evaluate(linear);
  }

  /** The same linear model as plain Java over the same tasks: the no-interpreter limit. */
  @Benchmark
  public double linearModelDirect() {
    return DirectLinearModel.evaluate(tasks, 0.01, 100);
  }

  /** As {@link #randomDemoAlgorithm}, the tasks one after the other. */
  @Benchmark
  public double randomDemoAlgorithmTaskAfterTask() {
    Algorithm algorithm = pool[next];
    next = (next + 1) & (POOL - 1);
    return taskAfterTask(specialised, algorithm);
  }

  /** As {@link #linearModelInterpreted}, the tasks one after the other. */
  @Benchmark
  public double linearModelInterpretedTaskAfterTask() {
    return taskAfterTask(specialised, linear);
  }

  /** As {@link #randomDemoAlgorithmTaskAfterTask}, with the kernels' F variable (no specialisation to F=4). */
  @Benchmark
  public double randomDemoAlgorithmGenericKernels() {
    Algorithm algorithm = pool[next];
    next = (next + 1) & (POOL - 1);
    return taskAfterTask(generic, algorithm);
  }

  /** As {@link #linearModelInterpretedTaskAfterTask}, with the kernels' F variable (no specialisation to F=4). */
  @Benchmark
  public double linearModelInterpretedGenericKernels() {
    return taskAfterTask(generic, linear);
  }

  /** What the evaluator did without a cache or budget before tasks ran side by side (dead code skipped, mean). */
  private double taskAfterTask(CompiledAlgorithm buffer, Algorithm algorithm) {
    buffer.compile(algorithm, AddressSpace.DEMO, 4, oneByOneLiveness);
    double sum = 0;
    for (int i = 0, n = tasks.size(); i < n; i++) {
      Task task = tasks.get(i);
      sum += oneByOneExecutor.execute(buffer, task, task.maxTrainExamples(), task.numValid(), oneByOneRng, 100);
    }
    return sum / tasks.size();
  }
}
