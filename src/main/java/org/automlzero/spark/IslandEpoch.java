package org.automlzero.spark;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.automlzero.evaluate.Evaluator;
import org.automlzero.evaluate.FecCache;
import org.automlzero.evaluate.TrainBudget;
import org.automlzero.program.Algorithm;
import org.automlzero.random.Rng;
import org.automlzero.search.EpochBirths;
import org.automlzero.search.ExperimentSpec;
import org.automlzero.search.FitnessFunction;
import org.automlzero.search.Individual;
import org.automlzero.search.PopulationState;
import org.automlzero.search.RegularizedEvolution;
import org.automlzero.search.SearchMethod;

/**
 * One island's epoch, a pure function of (plan, epoch, the island's state, its arriving migrants):
 * apply the migrants, then {@link RegularizedEvolution#advance} by {@code individuals_per_epoch}
 * with an {@link Evaluator} over the search tasks. The functional-equivalence cache is fresh for
 * every island and epoch, so that nothing but the stored state carries over between epochs and a
 * resumed or retried epoch repeats bit for bit (the cache forgets across epochs: slightly fewer
 * hits than one cache per island for the whole run). Stateless; the evaluator is built per call.
 */
public final class IslandEpoch {
  private IslandEpoch() {}

  /**
   * The island after an epoch: its state, its progress row, its best population rows (by
   * {@link PopulationCodec#best}; the migrants and the select candidate) and the
   * {@link PopulationCodec#BIRTH} rows of the individuals born in the epoch that are members at its
   * end or their ancestors ({@link EpochBirths}).
   */
  public record Result(IslandState state, Row progress, List<Row> best, List<Row> births) {
    public Result {
      best = List.copyOf(best);
      births = List.copyOf(births);
    }

    /** The population rows of the state, in slot order (built on demand: they are large). */
    public List<Row> population() {
      return PopulationCodec.populationRows(state);
    }

    /** What the driver keeps of it. */
    public IslandSummary summary() {
      return new IslandSummary(state.population().island(), progress, best);
    }
  }

  /** Runs the epoch; {@code start} must be born into {@code epoch}. */
  public static Result run(JobPlan plan, int epoch, IslandState start, List<Row> migrants) {
    long began = System.nanoTime();
    ExperimentSpec spec = plan.spec();
    IslandState arrived = Migration.apply(start.population().epoch() == epoch ? start
            : new IslandState(start.population().withEpoch(epoch), start.taskFitness()),
        migrants, spec.evolution().method(), spec.evolution().populationSize());
    FecCache cache = spec.fec() == null ? null : spec.fec().newCache();
    TrainBudget budget = spec.budgetBaseline() == null ? null
        : new TrainBudget(spec.budgetBaseline(), spec.budgetThresholdFactor());
    Evaluator evaluator = new Evaluator(plan.searchTasks(), spec.space(), spec.combination(), spec.maxAbsError(),
        new Rng(0), cache, budget);
    PopulationState before = arrived.population();
    RecordingFitness fitness = new RecordingFitness(evaluator, plan.searchTasks().size(),
        spec.evolution().method() == SearchMethod.NON_AGING_EVOLUTION ? 0 : spec.evolution().populationSize(),
        before.best() == null ? Double.NEGATIVE_INFINITY : before.best().fitness());
    EpochBirths births = new EpochBirths(before.island(), before.individuals());
    RegularizedEvolution evolution = new RegularizedEvolution(spec.evolution(), spec.initial(), spec.mutator(),
        fitness, births);
    PopulationState after = evolution.advance(before, plan.settings().individualsPerEpoch());

    Map<Long, double[]> taskFitness = new HashMap<>(arrived.taskFitness());
    List<Individual> kept = new ArrayList<>(after.members());
    if (after.best() != null) {
      kept.add(after.best());
    }
    for (Individual individual : kept) {
      long number = individual.id() - Individual.id(before.island(), 0);
      if (Individual.island(individual.id()) == before.island() && number >= before.individuals()) {
        taskFitness.put(individual.id(), fitness.taskFitness(before, number));
      }
    }
    IslandState finished = new IslandState(after, IslandState.keepOnly(after, taskFitness));
    long lookups = cache == null ? 0 : cache.hits() + cache.misses();
    Row progress = PopulationCodec.progressRow(finished, new PopulationCodec.EpochCounters(
        after.individuals() - before.individuals(), cache == null ? 0 : cache.hits(), lookups,
        evaluator.trainSteps(), (System.nanoTime() - began) / 1e9, Migration.applied(start, arrived)));
    int keep = Math.max(1, plan.settings().migrationCount());
    List<Row> birthRows = new ArrayList<>();
    for (EpochBirths.Birth birth : births.ancestorsOf(after.members())) {
      birthRows.add(PopulationCodec.birthRow(before.island(), birth));
    }
    return new Result(finished, progress, PopulationCodec.bestRows(finished, keep), birthRows);
  }

  /**
   * The evaluator as the search's fitness function, keeping the per-task fitness of the evaluations
   * whose individuals can be members at the end of the epoch: the search evaluates each new
   * individual once, in the order of their numbers, so the k-th evaluation of the epoch is its k-th
   * individual (checked by its seed). Where children replace the oldest member (regularized
   * evolution, random search) the members born in the epoch are among its last {@code window}
   * births, the population size, so only those are kept, in a ring, and the epoch's first strictly
   * better evaluation than the best so far (the search's rule for its best individual); where they
   * replace the worst (non-aging evolution) every evaluation is kept ({@code window} 0).
   */
  static final class RecordingFitness implements FitnessFunction {
    private final Evaluator evaluator;
    private final int tasks;
    private final int window;
    private long[] seeds;
    private double[] values;
    private long count;
    private double bestFitness;
    private long bestIndex = -1;
    private long bestSeed;
    private final double[] bestValues;

    /**
     * @param window the evaluations to keep, the last so many; 0 keeps all
     * @param bestBefore the fitness of the island's best individual before the epoch, or negative
     *     infinity for none
     */
    RecordingFitness(Evaluator evaluator, int tasks, int window, double bestBefore) {
      this.evaluator = evaluator;
      this.tasks = tasks;
      this.window = window;
      int capacity = window > 0 ? window : 1024;
      this.seeds = new long[capacity];
      this.values = new double[capacity * tasks];
      this.bestFitness = bestBefore;
      this.bestValues = new double[tasks];
    }

    @Override
    public double evaluate(Algorithm algorithm, long seed) {
      double value = evaluator.evaluate(algorithm, seed);
      int slot;
      if (window > 0) {
        slot = (int) (count % window);
      } else {
        if (count == seeds.length) {
          seeds = Arrays.copyOf(seeds, 2 * (int) count);
          values = Arrays.copyOf(values, 2 * (int) count * tasks);
        }
        slot = (int) count;
      }
      seeds[slot] = seed;
      evaluator.copyLastPerTaskFitness(values, slot * tasks);
      if (value > bestFitness) {
        bestFitness = value;
        bestIndex = count;
        bestSeed = seed;
        System.arraycopy(values, slot * tasks, bestValues, 0, tasks);
      }
      count++;
      return value;
    }

    /** The per-task fitness of {@code before}'s individual {@code number}, evaluated in this epoch. */
    double[] taskFitness(PopulationState before, long number) {
      long index = number - before.individuals();
      long seed = before.evaluationSeed(number);
      if (index == bestIndex && seed == bestSeed) {
        return bestValues.clone();
      }
      boolean kept = index >= 0 && index < count && (window == 0 || index >= count - window);
      int slot = !kept ? -1 : (int) (window > 0 ? index % window : index);
      if (!kept || seeds[slot] != seed) {
        throw new IllegalStateException("individual " + number + " of island " + before.island()
            + " is not among the epoch's kept evaluations (evaluation " + index + " of " + count + ")");
      }
      return Arrays.copyOfRange(values, slot * tasks, (slot + 1) * tasks);
    }
  }
}
