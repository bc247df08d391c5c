package org.automlzero.spark;

import java.io.Serializable;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.util.KnownSizeEstimation;

/**
 * One island after one epoch, as the evolution stage returns it and the executors cache it until the
 * next epoch has evolved it: its population rows (written as Parquet by the executors), its progress
 * row and its best rows (the migrants and the select candidate; these and the progress row are all
 * the driver collects). Immutable.
 *
 * <p>It tells Spark's memory store its size ({@link KnownSizeEstimation}, a rough figure from the
 * program texts) instead of letting Spark walk its hundreds of thousands of objects each epoch,
 * which cost more than a tenth of the evaluation time.
 *
 * @param best the island's best population rows by {@link PopulationCodec#best}, at least one
 * @param births the {@link PopulationCodec#BIRTH} rows of the individuals created in the epoch
 *     (empty for islands read back from storage, whose epoch is written already)
 */
public record IslandResult(int island, List<Row> population, Row progress, List<Row> best, List<Row> births)
    implements Serializable, KnownSizeEstimation {
  private static final long serialVersionUID = 1L;

  /** Bytes per character of a row's program text: its instruction structs, boxed fields and the text. */
  private static final long BYTES_PER_PROGRAM_CHAR = 10;
  private static final long BYTES_PER_ROW = 1024;
  /** A birth row: six boxed fields and a short mutation description. */
  private static final long BYTES_PER_BIRTH = 300;

  public IslandResult {
    population = List.copyOf(population);
    best = List.copyOf(best);
    births = List.copyOf(births);
  }

  /** What the driver keeps of it. */
  public IslandSummary summary() {
    return new IslandSummary(island, progress, best);
  }

  /** A rough size in memory: a fixed amount per row plus an amount per character of its program text. */
  @Override
  public long estimatedSize() {
    long bytes = (2 + best.size()) * (BYTES_PER_ROW + BYTES_PER_PROGRAM_CHAR * 1024) + births.size() * BYTES_PER_BIRTH;
    for (Row row : population) {
      bytes += BYTES_PER_ROW + BYTES_PER_PROGRAM_CHAR * row.getString(row.fieldIndex("program")).length();
    }
    return bytes;
  }
}
