package org.automlzero.spark;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import org.automlzero.search.Individual;
import org.automlzero.search.PopulationState;

/**
 * An island between epochs: its {@link PopulationState} and the per-task fitness of each member and
 * of its best-ever individual, by id (the search keeps only the combined fitness; the job stores
 * both). Immutable: the map is copied in and never changed.
 */
public record IslandState(PopulationState population, Map<Long, double[]> taskFitness) {

  public IslandState {
    Objects.requireNonNull(population, "population");
    taskFitness = Map.copyOf(taskFitness);
  }

  /** The per-task fitness of {@code individual}; an empty array if unknown. */
  public double[] taskFitnessOf(Individual individual) {
    double[] values = taskFitness.get(individual.id());
    return values == null ? new double[0] : values;
  }

  /** The map restricted to the current members and the best-ever individual. */
  static Map<Long, double[]> keepOnly(PopulationState population, Map<Long, double[]> all) {
    Map<Long, double[]> kept = new HashMap<>();
    for (Individual member : population.members()) {
      double[] values = all.get(member.id());
      if (values != null) {
        kept.put(member.id(), values);
      }
    }
    if (population.best() != null && all.containsKey(population.best().id())) {
      kept.put(population.best().id(), all.get(population.best().id()));
    }
    return kept;
  }
}
