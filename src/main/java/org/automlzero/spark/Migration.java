package org.automlzero.spark;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.sql.Row;
import org.automlzero.random.Rng;
import org.automlzero.search.Individual;
import org.automlzero.search.PopulationState;
import org.automlzero.search.SearchMethod;
import org.automlzero.search.Selection;

/**
 * Migration between islands, a pure function of (seed, epoch, the islands' populations): after
 * epoch E (when {@link JobSettings#migratesAfter} says so) each island's best members (see
 * {@link PopulationCodec#best}) go to a target island and are applied at the start of epoch E+1.
 * For aging evolution and random search they replace the target's oldest members and become its
 * youngest (the population is rewritten oldest first, sweep position 0), as a newborn child
 * would; for non-aging evolution they replace the worst. A target whose initial population is not
 * full takes none; a migrant whose id is already in the target is skipped. Migrants keep their
 * ids, lineage and fitness; the target's counters are unchanged. Stateless.
 */
public final class Migration {
  private Migration() {}

  /** The target island of each source island after {@code epoch}. */
  public static int[] targets(MigrationTopology topology, int islands, long runSeed, int epoch) {
    int[] targets = new int[islands];
    for (int i = 0; i < islands; i++) {
      if (islands == 1) {
        targets[i] = i;
      } else if (topology == MigrationTopology.RING) {
        targets[i] = (i + 1) % islands;
      } else {
        int other = new Rng(Streams.migrationSeed(runSeed, epoch, i)).nextInt(islands - 1);
        targets[i] = other >= i ? other + 1 : other;
      }
    }
    return targets;
  }

  /**
   * The migrants arriving at each island, by target: {@code bestBySource.get(i)} are island i's
   * best rows (at least {@code count}), taken in source island order.
   */
  public static Map<Integer, List<Row>> route(Map<Integer, List<Row>> bestBySource, JobSettings settings,
      long runSeed, int epoch) {
    Map<Integer, List<Row>> arriving = new HashMap<>();
    if (!settings.migratesAfter(epoch)) {
      return arriving;
    }
    int[] targets = targets(settings.topology(), settings.islands(), runSeed, epoch);
    for (int source = 0; source < settings.islands(); source++) {
      List<Row> best = bestBySource.getOrDefault(source, List.of());
      List<Row> sent = best.subList(0, Math.min(settings.migrationCount(), best.size()));
      if (targets[source] != source && !sent.isEmpty()) {
        arriving.computeIfAbsent(targets[source], t -> new ArrayList<>()).addAll(sent);
      }
    }
    return arriving;
  }

  /** {@code island} with {@code migrants} (population rows of other islands) applied. */
  public static IslandState apply(IslandState island, List<Row> migrants, SearchMethod method, int populationSize) {
    PopulationState state = island.population();
    if (migrants.isEmpty() || state.members().size() < populationSize) {
      return island;
    }
    Set<Long> present = new HashSet<>();
    for (Individual member : state.members()) {
      present.add(member.id());
    }
    List<Individual> arriving = new ArrayList<>();
    Map<Long, double[]> taskFitness = new HashMap<>(island.taskFitness());
    for (Row row : migrants) {
      Individual migrant = PopulationCodec.individual(row);
      if (present.add(migrant.id()) && arriving.size() < populationSize) {
        arriving.add(migrant);
        taskFitness.put(migrant.id(), PopulationCodec.taskFitness(row));
      }
    }
    if (arriving.isEmpty()) {
      return island;
    }
    PopulationState next;
    if (method == SearchMethod.NON_AGING_EVOLUTION) {
      next = state;
      for (Individual migrant : arriving) {
        next = next.withMember(Selection.worst(next.members()), migrant);
      }
    } else {
      List<Individual> members = new ArrayList<>(state.oldestFirst());
      members.subList(0, arriving.size()).clear();
      members.addAll(arriving);
      next = new PopulationState(state.island(), state.seed(), state.rngState(), state.epoch(), members, 0,
          state.individuals(), state.hits(), state.best());
    }
    return new IslandState(next, IslandState.keepOnly(next, taskFitness));
  }

  /** How many of {@code migrants} {@link #apply} would take (for the progress row). */
  static int applied(IslandState before, IslandState after) {
    if (before == after) {
      return 0;
    }
    Set<Long> old = new HashSet<>();
    for (Individual member : before.population().members()) {
      old.add(member.id());
    }
    int count = 0;
    for (Individual member : after.population().members()) {
      if (!old.contains(member.id())) {
        count++;
      }
    }
    return count;
  }
}
