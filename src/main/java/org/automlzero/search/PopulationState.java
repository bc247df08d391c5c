package org.automlzero.search;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.automlzero.random.Rng;
import org.automlzero.random.Seeds;

/**
 * Everything a paused population search needs to continue exactly as if it had never stopped:
 * the members in slot order, the search generator's whole state, the position in the current
 * sweep and the counters. Immutable; together with the {@link RegularizedEvolution} configuration
 * it determines the rest of the run, so it can be written out, read back in another process and
 * continued.
 *
 * @param island the island number, encoded in the ids of the individuals born here
 * @param seed the population's seed; evaluation seeds derive from it and the individual number
 * @param rngState the state of the search generator ({@link Rng#state()})
 * @param epoch the epoch new individuals are recorded as born in; the caller sets it
 * @param members the population in slot order; fewer than P while the initial population is built
 * @param sweepPosition the slot the next child of the current sweep goes to (for aging evolution
 *     and random search the oldest member); 0 between sweeps and while initialising
 * @param individuals how many individuals were created and evaluated here, initial ones included
 * @param hits how many of those reached the hit threshold
 * @param best the fittest individual created here so far (the first on ties), null before any
 */
public record PopulationState(
    int island,
    long seed,
    long rngState,
    int epoch,
    List<Individual> members,
    int sweepPosition,
    long individuals,
    long hits,
    Individual best) {

  private static final long SEARCH_STREAM = 1;
  private static final long EVALUATION_STREAM = 2;

  public PopulationState {
    members = List.copyOf(Objects.requireNonNull(members, "members"));
    if (island < 0 || island > Individual.MAX_ISLAND) {
      throw new IllegalArgumentException("island is " + island + ", must be in [0, " + Individual.MAX_ISLAND + "]");
    }
    if (epoch < 0) {
      throw new IllegalArgumentException("epoch is " + epoch + ", must be >= 0");
    }
    if (sweepPosition < 0 || sweepPosition >= Math.max(1, members.size())) {
      throw new IllegalArgumentException(
          "sweepPosition is " + sweepPosition + ", must be in [0, " + Math.max(1, members.size()) + ")");
    }
    if (individuals < members.size()) {
      throw new IllegalArgumentException("individuals is " + individuals + ", below the " + members.size() + " members");
    }
    if (hits < 0 || hits > individuals) {
      throw new IllegalArgumentException("hits is " + hits + ", must be in [0, " + individuals + "]");
    }
    if ((best == null) != (individuals == 0)) {
      throw new IllegalArgumentException("best must be given exactly when some individual exists");
    }
  }

  /** A population with no members yet, for {@code island}, everything drawn from {@code seed}. */
  public static PopulationState start(int island, long seed) {
    return new PopulationState(island, seed, Seeds.derive(seed, SEARCH_STREAM), 0, List.of(), 0, 0, 0, null);
  }

  /** The seed for evaluating the {@code number}-th individual of this population. */
  public long evaluationSeed(long number) {
    return Seeds.derive(seed, EVALUATION_STREAM, number);
  }

  /** This state with new individuals recorded as born in {@code newEpoch}. */
  public PopulationState withEpoch(int newEpoch) {
    return new PopulationState(island, seed, rngState, newEpoch, members, sweepPosition, individuals, hits, best);
  }

  /**
   * This state with the member at {@code slot} replaced, for migration. The counters are kept:
   * the newcomer was not created here.
   */
  public PopulationState withMember(int slot, Individual member) {
    List<Individual> changed = new ArrayList<>(members);
    changed.set(slot, Objects.requireNonNull(member, "member"));
    return new PopulationState(island, seed, rngState, epoch, changed, sweepPosition, individuals, hits, best);
  }

  /**
   * The members from the next to be overwritten on: for aging evolution and random search, oldest
   * first (slot i of a sweep always holds the oldest member). For non-aging evolution, slot order
   * rotated the same way, which says nothing about age.
   */
  public List<Individual> oldestFirst() {
    List<Individual> ordered = new ArrayList<>(members.size());
    ordered.addAll(members.subList(sweepPosition, members.size()));
    ordered.addAll(members.subList(0, Math.min(sweepPosition, members.size())));
    return List.copyOf(ordered);
  }

  /** The stats of the current members; throws when there are none. */
  public PopulationStats stats() {
    return PopulationStats.of(members);
  }
}
