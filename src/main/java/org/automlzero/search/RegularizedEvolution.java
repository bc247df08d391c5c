package org.automlzero.search;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.automlzero.program.Algorithm;
import org.automlzero.random.Rng;

/**
 * One population's search, by default the reference's regularized evolution
 * ({@code regularized_evolution.cc}, semantics section 6; Real et al. 2019), as a pure function
 * from a {@link PopulationState} to the next. Holds only configuration; it is as thread-safe as
 * its {@link FitnessFunction}, which should be one per population run.
 *
 * <p>While the population has fewer than P members, each new individual is an initial algorithm,
 * appended (the reference's {@code Init()}). Then the slots are swept in order 0..P-1; at each,
 * the parent is the winner of a tournament of T slots drawn with replacement from the current,
 * partially updated population (steady state: children from earlier in the sweep can be parents,
 * and the slot about to be overwritten can win), and its mutated child goes to the swept slot,
 * which holds the oldest member. {@link SearchMethod} swaps in the non-aging or random-search
 * rule. Every random draw comes from the generator in the state, and each evaluation gets its own
 * seed, so {@link #advance} can stop after any individual, mid-sweep or mid-initialisation, and a
 * later call with the returned state continues exactly as an uninterrupted run would.
 *
 * <p>The reference applies {@code Mutate(0)} to each initial algorithm, a no-op that only spends
 * one draw; this port does not (see {@link Mutator}), which changes nothing but the stream.
 */
public final class RegularizedEvolution {
  private final EvolutionParameters parameters;
  private final InitialAlgorithms initial;
  private final Mutator mutator;
  private final FitnessFunction fitness;
  private final Consumer<Individual> births;

  public RegularizedEvolution(
      EvolutionParameters parameters, InitialAlgorithms initial, Mutator mutator, FitnessFunction fitness) {
    this(parameters, initial, mutator, fitness, child -> { });
  }

  /**
   * A search that also hands every individual it creates, in creation order, to {@code births}
   * (the Spark job records them: the whole lineage, not only the survivors).
   */
  public RegularizedEvolution(EvolutionParameters parameters, InitialAlgorithms initial, Mutator mutator,
      FitnessFunction fitness, Consumer<Individual> births) {
    this.births = Objects.requireNonNull(births, "births");
    this.parameters = Objects.requireNonNull(parameters, "parameters");
    this.initial = parameters.method() == SearchMethod.RANDOM_SEARCH
        ? Objects.requireNonNull(initial, "initial").asRandom()
        : Objects.requireNonNull(initial, "initial");
    this.mutator = Objects.requireNonNull(mutator, "mutator");
    this.fitness = Objects.requireNonNull(fitness, "fitness");
  }

  public EvolutionParameters parameters() {
    return parameters;
  }

  /**
   * The state after {@code count} more individuals, initial ones first while the population is not
   * full. Stops exactly after {@code count}, wherever that falls. If the fitness function throws,
   * nothing is lost: {@code state} is unchanged and the call can be repeated.
   */
  public PopulationState advance(PopulationState state, long count) {
    if (count < 0) {
      throw new IllegalArgumentException("count is " + count + ", must be >= 0");
    }
    int populationSize = parameters.populationSize();
    if (state.members().size() > populationSize) {
      throw new IllegalArgumentException("the state has " + state.members().size()
          + " members, more than the population size " + populationSize);
    }
    Rng rng = new Rng(state.rngState());
    List<Individual> members = new ArrayList<>(state.members());
    int position = state.sweepPosition();
    long individuals = state.individuals();
    long hits = state.hits();
    Individual best = state.best();
    for (long k = 0; k < count; k++) {
      Individual child;
      if (members.size() < populationSize) {
        child = evaluate(state, individuals, initial.create(rng), -1, initialDescription());
        members.add(child);
      } else {
        int slot = position;
        if (parameters.method() == SearchMethod.RANDOM_SEARCH) {
          child = evaluate(state, individuals, initial.create(rng), -1, "RANDOM");
        } else {
          Individual parent = members.get(Selection.tournament(members, parameters.tournamentSize(), rng));
          Mutation mutation = mutator.mutate(parent.algorithm(), rng);
          child = evaluate(state, individuals, mutation.child(), parent.id(), mutation.description());
          if (parameters.method() == SearchMethod.NON_AGING_EVOLUTION) {
            slot = Selection.worst(members);
          }
        }
        members.set(slot, child);
        position = (position + 1) % populationSize;
      }
      births.accept(child);
      individuals++;
      if (child.fitness() >= parameters.hitThreshold()) {
        hits++;
      }
      if (best == null || child.fitness() > best.fitness()) {
        best = child;
      }
    }
    return new PopulationState(
        state.island(), state.seed(), rng.state(), state.epoch(), members, position, individuals, hits, best);
  }

  /**
   * Completes the initial population or the current sweep, whichever is under way (nothing when
   * the state is between sweeps).
   */
  public PopulationState completeSweep(PopulationState state) {
    int size = state.members().size();
    int populationSize = parameters.populationSize();
    long remaining = size < populationSize ? populationSize - size
        : state.sweepPosition() == 0 ? 0 : populationSize - state.sweepPosition();
    return advance(state, remaining);
  }

  /**
   * The reference's {@code Init()} then {@code Run()}: completes the current sweep (or the
   * initial population), then runs whole sweeps of P individuals while {@code stop} is false,
   * testing it only between sweeps, so a budget overshoots by up to P - 1 individuals as in the
   * reference. {@code stop} may read the state (individuals, best fitness) or any counter of the
   * caller's, such as the train steps its fitness function has used.
   */
  public PopulationState runSweeps(PopulationState state, Predicate<PopulationState> stop) {
    PopulationState current = completeSweep(state);
    while (!stop.test(current)) {
      current = advance(current, parameters.populationSize());
    }
    return current;
  }

  private Individual evaluate(PopulationState state, long number, Algorithm algorithm, long parentId, String mutation) {
    double value = fitness.evaluate(algorithm, state.evaluationSeed(number));
    if (Double.isNaN(value)) {
      throw new IllegalStateException("the fitness function returned NaN for individual " + number);
    }
    return new Individual(
        Individual.id(state.island(), number), algorithm, value, parentId, mutation, number, state.epoch());
  }

  private String initialDescription() {
    return parameters.method() == SearchMethod.RANDOM_SEARCH ? "RANDOM" : "INIT " + initial.type().name();
  }
}
