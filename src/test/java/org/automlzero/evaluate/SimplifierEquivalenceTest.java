package org.automlzero.evaluate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.List;
import org.automlzero.execute.CompiledAlgorithm;
import org.automlzero.execute.Executor;
import org.automlzero.program.AddressSpace;
import org.automlzero.program.Algorithm;
import org.automlzero.program.Instruction;
import org.automlzero.program.InstructionRandomizer;
import org.automlzero.program.Liveness;
import org.automlzero.program.Op;
import org.automlzero.program.Simplifier;
import org.automlzero.random.Rng;
import org.automlzero.task.EvalType;
import org.automlzero.task.Task;
import org.automlzero.task.TaskGenerator;
import org.automlzero.task.TaskSpec;
import org.junit.jupiter.api.Test;

/**
 * The property that makes dead-code removal safe: on random algorithms and on regression and
 * accuracy tasks, with one and two epochs (so validation's writes reach training), the simplified
 * program and the compiled program without dead code give the original's fitness to the bit when
 * stochastic ops draw from a generator with the same seed.
 */
class SimplifierEquivalenceTest {
  // Few addresses, so that random data flows often connect.
  private static final AddressSpace SPACE = new AddressSpace(4, 3, 2);
  private static final double MAX_ABS_ERROR = 100;
  private static final int ALGORITHMS = 10_000;

  private static final List<Op> ALL_OPS = Op.all().stream().filter(SPACE::supports).toList();
  private static final List<Op> DEMO_OPS = List.of(Op.SCALAR_CONST_SET, Op.VECTOR_INNER_PRODUCT,
      Op.SCALAR_DIFF, Op.SCALAR_PRODUCT, Op.SCALAR_VECTOR_PRODUCT, Op.VECTOR_SUM);
  private static final List<Op> BASELINE_SETUP_OPS = List.of(Op.SCALAR_CONST_SET, Op.SCALAR_GAUSSIAN_SET,
      Op.SCALAR_UNIFORM_SET, Op.VECTOR_GAUSSIAN_SET, Op.VECTOR_UNIFORM_SET, Op.MATRIX_GAUSSIAN_SET,
      Op.MATRIX_UNIFORM_SET);
  private static final List<Op> BASELINE_PREDICT_OPS = List.of(Op.SCALAR_SUM, Op.MATRIX_VECTOR_PRODUCT,
      Op.VECTOR_MAX, Op.VECTOR_INNER_PRODUCT, Op.VECTOR_SUM);
  private static final List<Op> BASELINE_LEARN_OPS = List.of(Op.SCALAR_SUM, Op.SCALAR_DIFF, Op.SCALAR_PRODUCT,
      Op.SCALAR_VECTOR_PRODUCT, Op.VECTOR_SUM, Op.VECTOR_HEAVYSIDE, Op.VECTOR_PRODUCT, Op.VECTOR_OUTER_PRODUCT,
      Op.MATRIX_SUM, Op.VECTOR_CONST_SET, Op.MATRIX_CONST_SET, Op.SCALAR_GAUSSIAN_SET);

  private static List<Task> tasks() {
    TaskGenerator generator = new TaskGenerator();
    List<Task> tasks = new ArrayList<>();
    tasks.addAll(generator.generate(TaskSpec.linearRegression(2, 20, 10, 1), tasks.size()));
    tasks.addAll(generator.generate(TaskSpec.linearRegression(4, 20, 10, 1).withNumTrainEpochs(2), tasks.size()));
    tasks.addAll(generator.generate(TaskSpec.neuralNetRegression(4, 20, 10, 1).withNumTrainEpochs(2), tasks.size()));
    Task linear4 = generator.generate(
        TaskSpec.linearRegression(4, 20, 10, 1).withNumTrainEpochs(2).withSeeds(List.of(77L), List.of(78L)), 0).get(0);
    tasks.add(thresholded(linear4, tasks.size()));
    Task linear2 = generator.generate(
        TaskSpec.linearRegression(2, 20, 10, 1).withSeeds(List.of(79L), List.of(80L)), 0).get(0);
    tasks.add(thresholded(linear2, tasks.size()));
    return tasks;
  }

  /** An ACCURACY task from a regression task: label 1 where the regression label is positive. */
  static Task thresholded(Task task, int index) {
    return new Task(index, task.featuresSize(), EvalType.ACCURACY, task.trainFeatures(),
        threshold(task.trainLabels()), task.validFeatures(), threshold(task.validLabels()), task.epochs());
  }

  private static double[] threshold(double[] labels) {
    double[] result = new double[labels.length];
    for (int i = 0; i < labels.length; i++) {
      result[i] = labels[i] > 0 ? 1.0 : 0.0;
    }
    return result;
  }

  /** A random algorithm of 0 to 12 instructions per function; the op lists vary with {@code kind}. */
  static Algorithm randomAlgorithm(Rng rng, int kind) {
    List<Op> setupOps;
    List<Op> predictOps;
    List<Op> learnOps;
    switch (kind % 4) {
      case 0 -> {
        setupOps = ALL_OPS;
        predictOps = ALL_OPS;
        learnOps = ALL_OPS;
      }
      case 1 -> {
        List<Op> subset = new ArrayList<>();
        int size = 2 + rng.nextInt(8);
        for (int i = 0; i < size; i++) {
          subset.add(ALL_OPS.get(rng.nextInt(ALL_OPS.size())));
        }
        setupOps = subset;
        predictOps = subset;
        learnOps = subset;
      }
      case 2 -> {
        setupOps = DEMO_OPS;
        predictOps = DEMO_OPS;
        learnOps = DEMO_OPS;
      }
      default -> {
        setupOps = BASELINE_SETUP_OPS;
        predictOps = BASELINE_PREDICT_OPS;
        learnOps = BASELINE_LEARN_OPS;
      }
    }
    return new Algorithm(component(rng, setupOps), component(rng, predictOps), component(rng, learnOps));
  }

  private static List<Instruction> component(Rng rng, List<Op> ops) {
    int size = rng.nextInt(13);
    List<Instruction> instructions = new ArrayList<>(size);
    for (int i = 0; i < size; i++) {
      instructions.add(InstructionRandomizer.random(ops.get(rng.nextInt(ops.size())), SPACE, rng));
    }
    return instructions;
  }

  private static int withoutNoOps(Algorithm algorithm) {
    int n = 0;
    for (List<Instruction> component : List.of(algorithm.setup(), algorithm.predict(), algorithm.learn())) {
      for (Instruction instruction : component) {
        if (instruction.op() != Op.NO_OP) {
          n++;
        }
      }
    }
    return n;
  }

  private static boolean hasStochastic(Algorithm algorithm) {
    for (List<Instruction> component : List.of(algorithm.setup(), algorithm.predict(), algorithm.learn())) {
      for (Instruction instruction : component) {
        if (instruction.op().isStochastic()) {
          return true;
        }
      }
    }
    return false;
  }

  @Test
  void simplifiedProgramsGiveTheOriginalFitnessToTheBit() {
    List<Task> tasks = tasks();
    Executor executor = new Executor(SPACE);
    CompiledAlgorithm full = new CompiledAlgorithm();
    CompiledAlgorithm simple = new CompiledAlgorithm();
    CompiledAlgorithm skipping = new CompiledAlgorithm();
    CompiledAlgorithm skippingKeepDraws = new CompiledAlgorithm();
    Liveness rule = new Liveness(Liveness.StochasticOps.KEEP_ALL_IF_ANY_LIVE);
    Liveness keepDraws = new Liveness(Liveness.StochasticOps.KEEP_ALWAYS);
    Rng generator = new Rng(20200712L);
    Algorithm empty = Algorithm.noOp(0, 0, 0);

    int smaller = 0;
    int nonEmpty = 0;
    int liveDraws = 0;
    int removedDraws = 0;
    long kept = 0;
    long total = 0;
    int runs = 0;
    int informative = 0;
    for (int a = 0; a < ALGORITHMS; a++) {
      Algorithm algorithm = randomAlgorithm(generator, a);
      Algorithm simplified = Simplifier.simplify(algorithm, SPACE);
      int original = withoutNoOps(algorithm);
      total += original;
      kept += simplified.size();
      if (simplified.size() < original) {
        smaller++;
      }
      if (simplified.size() > 0) {
        nonEmpty++;
      }
      if (hasStochastic(simplified)) {
        liveDraws++;
      } else if (hasStochastic(algorithm)) {
        removedDraws++;
      }
      for (Task task : tasks) {
        int f = task.featuresSize();
        long seed = 1_000_003L * a + task.index() + 1;
        long numTrain = task.maxTrainExamples();

        Rng rng = new Rng(seed);
        double expected = executor.execute(full.compile(algorithm, SPACE, f), task, numTrain, task.numValid(),
            rng, MAX_ABS_ERROR);
        long stateAfter = rng.state();

        double simplifiedFitness = executor.execute(simple.compile(simplified, SPACE, f), task, numTrain,
            task.numValid(), new Rng(seed), MAX_ABS_ERROR);
        double skippedFitness = executor.execute(skipping.compile(algorithm, SPACE, f, rule), task, numTrain,
            task.numValid(), new Rng(seed), MAX_ABS_ERROR);
        Rng keepRng = new Rng(seed);
        double keptDrawsFitness = executor.execute(skippingKeepDraws.compile(algorithm, SPACE, f, keepDraws), task,
            numTrain, task.numValid(), keepRng, MAX_ABS_ERROR);
        runs++;

        if (Double.doubleToRawLongBits(expected) != Double.doubleToRawLongBits(simplifiedFitness)
            || Double.doubleToRawLongBits(expected) != Double.doubleToRawLongBits(skippedFitness)
            || Double.doubleToRawLongBits(expected) != Double.doubleToRawLongBits(keptDrawsFitness)
            || keepRng.state() != stateAfter
            || skipping.length() != simplified.size()) {
          fail("algorithm " + a + " on task " + task.index() + ": original " + expected + ", simplified "
              + simplifiedFitness + ", skipping " + skippedFitness + ", skipping keeping draws " + keptDrawsFitness
              + ", generator states " + stateAfter + " / " + keepRng.state() + ", compiled length "
              + skipping.length() + " vs simplified " + simplified.size() + "\n" + algorithm + "\n" + simplified);
        }
        double emptyFitness = executor.execute(simple.compile(empty, SPACE, f), task, numTrain, task.numValid(),
            new Rng(seed), MAX_ABS_ERROR);
        if (expected != emptyFitness) {
          informative++;
        }
      }
    }
    System.out.printf(
        "simplifier property: %d algorithms x %d tasks; strictly smaller %d (%.1f%%), non-empty after %d (%.1f%%),"
            + " kept %d of %d instructions (%.1f%%), live draws %d, removed draws %d, runs differing from the"
            + " empty program %d of %d%n",
        ALGORITHMS, tasks.size(), smaller, 100.0 * smaller / ALGORITHMS, nonEmpty, 100.0 * nonEmpty / ALGORITHMS,
        kept, total, 100.0 * kept / total, liveDraws, removedDraws, informative, runs);
    // Not vacuous: much is removed, much is kept, and many programs compute something.
    assertTrue(smaller >= ALGORITHMS / 2, "strictly smaller: " + smaller);
    assertTrue(nonEmpty >= ALGORITHMS / 2, "non-empty: " + nonEmpty);
    assertTrue(liveDraws >= ALGORITHMS / 20, "live draws: " + liveDraws);
    assertTrue(removedDraws >= ALGORITHMS / 20, "removed draws: " + removedDraws);
    assertTrue(informative >= runs / 5, "runs differing from the empty program: " + informative);
  }

  @Test
  void evaluatorSkippingDeadCodeRepeatsTheFullEvaluatorBitForBit() {
    // One shared generator across a sequence of algorithms, as in a search: with every draw kept,
    // the generator's stream, the fitnesses and the train steps all stay the same.
    List<Task> tasks = tasks();
    Rng skipRng = new Rng(5);
    Rng fullRng = new Rng(5);
    Evaluator skipping = new Evaluator(tasks, SPACE, FitnessCombination.MEAN, MAX_ABS_ERROR, skipRng,
        new FecCache(10, 10, 1000, 50), null, true);
    Evaluator full = new Evaluator(tasks, SPACE, FitnessCombination.MEAN, MAX_ABS_ERROR, fullRng,
        new FecCache(10, 10, 1000, 50), null, false);
    assertTrue(skipping.skipsDeadCode());
    assertTrue(!full.skipsDeadCode());
    Rng generator = new Rng(99);
    long fullNanos = 0;
    long skippingNanos = 0;
    for (int a = 0; a < 1500; a++) {
      Algorithm algorithm = randomAlgorithm(generator, a);
      long t0 = System.nanoTime();
      double expected = full.evaluate(algorithm);
      long t1 = System.nanoTime();
      double actual = skipping.evaluate(algorithm);
      fullNanos += t1 - t0;
      skippingNanos += System.nanoTime() - t1;
      assertEquals(Double.doubleToRawLongBits(expected), Double.doubleToRawLongBits(actual), "algorithm " + a);
      assertEquals(fullRng.state(), skipRng.state(), "generator after algorithm " + a);
    }
    System.out.printf("evaluator on 1500 random algorithms (20-example tasks, FEC on, so mostly overhead): full %.0f ms,"
        + " skipping dead code %.0f ms%n",
        fullNanos / 1e6, skippingNanos / 1e6);
    assertEquals(full.trainSteps(), skipping.trainSteps());
    assertEquals(full.cache().hits(), skipping.cache().hits());
  }
}
