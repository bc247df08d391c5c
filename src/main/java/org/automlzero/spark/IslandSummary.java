package org.automlzero.spark;

import java.io.Serializable;
import java.util.List;
import org.apache.spark.sql.Row;

/**
 * What the driver keeps of an island between epochs: its last progress row (its resumable
 * scalars and best-ever individual) and its best population rows. Small; immutable.
 */
public record IslandSummary(int island, Row progress, List<Row> best) implements Serializable {
  private static final long serialVersionUID = 1L;

  public IslandSummary {
    best = List.copyOf(best);
  }

  public double bestEverFitness() {
    return progress.getDouble(progress.fieldIndex("best_ever_fitness"));
  }

  public long individuals() {
    return progress.getLong(progress.fieldIndex("individuals"));
  }
}
