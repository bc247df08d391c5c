package org.automlzero.spark;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.function.Function2;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Row;
import org.apache.spark.util.SerializableConfiguration;

/**
 * The evolution stage's partition function: takes the partition's islands as the previous epoch
 * left them ({@link IslandResult}s: the cached output of the previous epoch's stage in a normal run,
 * or rebuilt from the committed Parquet by {@link StoredIslands} when resuming; none in epoch 0),
 * runs {@link IslandEpoch} on each island {@link IslandPartitioner#owns} gives it (in island order;
 * a regrouped input may also hold others, which it drops), writes their population and birth rows
 * to the epoch's Parquet folders as it goes (one file per partition and folder, {@code
 * part-NNNNN.snappy.parquet}, put in place when complete; see {@link ParquetRows}) and returns the
 * islands' results. The partition index picks islands and the file name, never randomness. The
 * test-only faults of {@link FaultInjection} fail or hang it on purpose. Immutable; serializable to
 * executors.
 */
public final class EvolvePartition implements Function2<Integer, Iterator<IslandResult>, Iterator<IslandResult>> {
  private static final long serialVersionUID = 2L;

  private final Broadcast<JobPlan> plan;
  private final int epoch;
  private final IslandPartitioner partitioner;
  private final Map<Integer, List<Row>> migrants;
  private final String populationDir;
  private final String birthsDir;
  private final Broadcast<SerializableConfiguration> hadoop;

  /**
   * @param migrants the rows arriving at each island at the start of this epoch
   * @param populationDir the folder of this epoch's population files
   * @param birthsDir the folder of this epoch's births files
   * @param hadoop the Hadoop configuration to write them with
   */
  public EvolvePartition(Broadcast<JobPlan> plan, int epoch, IslandPartitioner partitioner,
      Map<Integer, List<Row>> migrants, String populationDir, String birthsDir,
      Broadcast<SerializableConfiguration> hadoop) {
    this.plan = plan;
    this.epoch = epoch;
    this.partitioner = partitioner;
    this.migrants = new TreeMap<>(migrants);
    this.populationDir = populationDir;
    this.birthsDir = birthsDir;
    this.hadoop = hadoop;
  }

  /** The name of partition {@code partition}'s population file. */
  static String fileName(int partition) {
    return String.format(Locale.ROOT, "part-%05d.snappy.parquet", partition);
  }

  @Override
  public Iterator<IslandResult> call(Integer partition, Iterator<IslandResult> previous) {
    JobPlan job = plan.value();
    Map<Integer, IslandResult> byIsland = new TreeMap<>();
    while (previous.hasNext()) {
      IslandResult island = previous.next();
      byIsland.put(island.island(), island);
    }
    List<IslandResult> results = new ArrayList<>();
    ParquetRows.Writer file = null;
    ParquetRows.Writer birthsFile = null;
    try {
      for (int island = 0; island < job.settings().islands(); island++) {
        if (!partitioner.owns(partition, island)) {
          continue;
        }
        IslandResult before = byIsland.get(island);
        if (before == null && epoch > 0) {
          throw new IllegalStateException("island " + island + " reached partition " + partition + " of epoch " + epoch
              + " without its state from epoch " + (epoch - 1) + " (" + partitioner + ")");
        }
        IslandState state = before == null
            ? PopulationCodec.decode(island, Streams.islandSeed(job.seed(), island), epoch, null, List.of())
            : before.decodeState();
        IslandEpoch.Result result = IslandEpoch.run(job, epoch, state, migrants.getOrDefault(island, List.of()));
        if (results.isEmpty()) {
          file = ParquetRows.open(populationDir, fileName(partition), PopulationCodec.POPULATION,
              hadoop.value().value());
          birthsFile = ParquetRows.open(birthsDir, fileName(partition), PopulationCodec.BIRTH, hadoop.value().value());
        }
        if (file != null) {
          for (Row row : result.population()) {
            file.write(row);
          }
        }
        if (birthsFile != null) {
          for (Row row : result.births()) {
            birthsFile.write(row);
          }
        }
        results.add(IslandResult.of(result));
        FaultInjection faults = job.settings().faults();
        if (faults.failsFirstAttempt(epoch, partition) && TaskContext.get().attemptNumber() == 0) {
          throw new IllegalStateException("injected failure (testing.fail_first_attempts): epoch " + epoch
              + ", partition " + partition + ", attempt 0, after evolving island " + island);
        }
      }
      if (job.settings().faults().stallsIn(epoch, partition)) {
        FaultInjection.stall("testing.stall_in_epoch: epoch " + epoch + ", partition " + partition);
      }
      if (file != null) {
        file.close();
        file = null;
      }
      if (birthsFile != null) {
        birthsFile.close();
        birthsFile = null;
      }
    } finally {
      if (file != null) {
        file.abort();
      }
      if (birthsFile != null) {
        birthsFile.abort();
      }
    }
    return results.iterator();
  }
}
