package org.automlzero.spark;

import java.io.Serializable;
import java.util.List;
import org.apache.spark.sql.Row;

/**
 * One island after one epoch, as the evolution stage returns it: its population rows (written as
 * Parquet by the executors), its progress row and its best rows (the migrants and the select
 * candidate; these and the progress row are all the driver collects). Immutable.
 *
 * @param best the island's best population rows by {@link PopulationCodec#best}, at least one
 */
public record IslandResult(int island, List<Row> population, Row progress, List<Row> best) implements Serializable {
  private static final long serialVersionUID = 1L;

  public IslandResult {
    population = List.copyOf(population);
    best = List.copyOf(best);
  }

  /** What the driver keeps of it. */
  public IslandSummary summary() {
    return new IslandSummary(island, progress, best);
  }
}
