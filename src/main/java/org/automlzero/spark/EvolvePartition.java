package org.automlzero.spark;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.function.Function2;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Row;

/**
 * The evolution stage's partition function: takes the partition's islands as the previous epoch
 * left them ({@link IslandResult}s: the cached output of the previous epoch's stage in a normal run,
 * or rebuilt from the committed Parquet by {@link StoredIslands} when resuming; none in epoch 0),
 * rebuilds each island's state with {@link PopulationCodec#decode}, runs {@link IslandEpoch} on each
 * (in island order) and returns their results. Owns the islands {@link IslandPartitioner#owns} gives
 * it; the partition index picks islands, never randomness. The test-only faults of
 * {@link FaultInjection} fail or hang it on purpose. Immutable; serializable to executors.
 */
public final class EvolvePartition implements Function2<Integer, Iterator<IslandResult>, Iterator<IslandResult>> {
  private static final long serialVersionUID = 1L;

  private final Broadcast<JobPlan> plan;
  private final int epoch;
  private final IslandPartitioner partitioner;
  private final Map<Integer, List<Row>> migrants;

  /** @param migrants the rows arriving at each island at the start of this epoch */
  public EvolvePartition(Broadcast<JobPlan> plan, int epoch, IslandPartitioner partitioner,
      Map<Integer, List<Row>> migrants) {
    this.plan = plan;
    this.epoch = epoch;
    this.partitioner = partitioner;
    this.migrants = new TreeMap<>(migrants);
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
    for (int island = 0; island < job.settings().islands(); island++) {
      if (!partitioner.owns(partition, island)) {
        continue;
      }
      IslandResult before = byIsland.get(island);
      IslandState state = PopulationCodec.decode(island, Streams.islandSeed(job.seed(), island), epoch,
          before == null ? null : before.progress(), before == null ? List.of() : before.population());
      results.add(IslandEpoch.run(job, epoch, state, migrants.getOrDefault(island, List.of())));
      FaultInjection faults = job.settings().faults();
      if (faults.failsFirstAttempt(epoch, partition) && TaskContext.get().attemptNumber() == 0) {
        throw new IllegalStateException("injected failure (testing.fail_first_attempts): epoch " + epoch
            + ", partition " + partition + ", attempt 0, after evolving island " + island);
      }
    }
    if (job.settings().faults().stallsIn(epoch, partition)) {
      FaultInjection.stall("testing.stall_in_epoch: epoch " + epoch + ", partition " + partition);
    }
    return results.iterator();
  }
}
