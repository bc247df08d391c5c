package org.automlzero.spark;

import java.util.List;
import org.apache.spark.api.java.function.Function;
import org.apache.spark.broadcast.Broadcast;
import org.automlzero.evaluate.Evaluator;
import org.automlzero.program.AddressSpace;
import org.automlzero.program.Algorithm;
import org.automlzero.program.Instruction;
import org.automlzero.program.Kind;
import org.automlzero.program.Op;
import org.automlzero.program.ProgramText;
import org.automlzero.random.Rng;
import org.automlzero.search.ExperimentSpec;
import org.automlzero.task.Task;

/**
 * Scores a finalist on the select or the final tasks, as the single-thread driver does: no cache,
 * no train budget, the stochastic ops' generator seeded from (seed, stage, id or finalist index).
 * Baselines run in the config's memory widened to their own addresses (the demo's memory has no
 * room for the neural net), which changes nothing else. Immutable.
 */
public final class EvaluateFinalist implements Function<Finalist, Finalist> {
  private static final long serialVersionUID = 1L;

  /** Which tasks to score on. */
  public enum Stage { SELECT, FINAL }

  private final Broadcast<JobPlan> plan;
  private final Stage stage;
  private final List<String> order;

  /** @param order the finalists' names in order, for the final stage's seeds */
  public EvaluateFinalist(Broadcast<JobPlan> plan, Stage stage, List<String> order) {
    this.plan = plan;
    this.stage = stage;
    this.order = List.copyOf(order);
  }

  @Override
  public Finalist call(Finalist finalist) {
    double fitness = evaluate(plan.value(), stage, finalist, order, null);
    return stage == Stage.SELECT ? finalist.withSelectFitness(fitness) : finalist.withFinalFitness(fitness);
  }

  /**
   * The finalist's fitness on each task of {@code stage}, in task order, measured exactly as the
   * stage measures it (the same generator seed), so that their combination is the stage's fitness.
   */
  public static double[] perTask(JobPlan job, Stage stage, Finalist finalist, List<String> order) {
    double[][] perTask = new double[1][];
    evaluate(job, stage, finalist, order, perTask);
    return perTask[0];
  }

  private static double evaluate(JobPlan job, Stage stage, Finalist finalist, List<String> order,
      double[][] perTask) {
    ExperimentSpec spec = job.spec();
    Algorithm algorithm = ProgramText.parse(finalist.program());
    AddressSpace space = spec.space();
    if (finalist.kind().equals(Finalist.BASELINE)) {
      space = widen(space, algorithm);
    }
    List<Task> tasks = stage == Stage.SELECT ? job.selectTasks() : job.finalTasks();
    long seed = stage == Stage.SELECT ? Streams.selectSeed(job.seed(), finalist.id())
        : Streams.finalSeed(job.seed(), order.indexOf(finalist.name()));
    Evaluator evaluator = new Evaluator(tasks, space, spec.combination(), spec.maxAbsError(), new Rng(seed), null, null);
    double fitness = evaluator.evaluate(algorithm);
    if (perTask != null) {
      perTask[0] = evaluator.lastPerTaskFitness().clone();
    }
    return fitness;
  }

  /** {@code space} grown to hold every address {@code algorithm} uses. */
  static AddressSpace widen(AddressSpace space, Algorithm algorithm) {
    int scalars = space.scalars();
    int vectors = space.vectors();
    int matrices = space.matrices();
    for (List<Instruction> function : List.of(algorithm.setup(), algorithm.predict(),
        algorithm.learn())) {
      for (Instruction instruction : function) {
        scalars = grow(scalars, instruction, Kind.SCALAR);
        vectors = grow(vectors, instruction, Kind.VECTOR);
        matrices = grow(matrices, instruction, Kind.MATRIX);
      }
    }
    return new AddressSpace(scalars, vectors, matrices);
  }

  private static int grow(int count, Instruction instruction,
      Kind kind) {
    Op op = instruction.op();
    if (op.in1() == kind) {
      count = Math.max(count, instruction.in1() + 1);
    }
    if (op.in2() == kind) {
      count = Math.max(count, instruction.in2() + 1);
    }
    if (op.out() == kind) {
      count = Math.max(count, instruction.out() + 1);
    }
    return count;
  }
}
