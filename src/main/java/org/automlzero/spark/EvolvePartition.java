package org.automlzero.spark;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.api.java.function.Function2;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Row;
import scala.Tuple2;

/**
 * The evolution stage's partition function: rebuilds the partition's islands from the previous
 * epoch's population rows and the driver's progress rows, runs {@link IslandEpoch} on each (in
 * island order) and returns their results. Owns the islands {@link IslandPartitioner#owns} gives
 * it; the partition index picks islands, never randomness. Immutable; serializable to executors.
 */
public final class EvolvePartition
    implements Function2<Integer, Iterator<Tuple2<Integer, Row>>, Iterator<IslandResult>> {
  private static final long serialVersionUID = 1L;

  private final Broadcast<JobPlan> plan;
  private final int epoch;
  private final IslandPartitioner partitioner;
  private final Map<Integer, Row> progress;
  private final Map<Integer, List<Row>> migrants;

  /**
   * @param progress each island's progress row of the previous epoch (empty for epoch 0)
   * @param migrants the rows arriving at each island at the start of this epoch
   */
  public EvolvePartition(Broadcast<JobPlan> plan, int epoch, IslandPartitioner partitioner,
      Map<Integer, Row> progress, Map<Integer, List<Row>> migrants) {
    this.plan = plan;
    this.epoch = epoch;
    this.partitioner = partitioner;
    this.progress = new TreeMap<>(progress);
    this.migrants = new TreeMap<>(migrants);
  }

  @Override
  public Iterator<IslandResult> call(Integer partition, Iterator<Tuple2<Integer, Row>> rows) {
    JobPlan job = plan.value();
    Map<Integer, List<Row>> byIsland = new TreeMap<>();
    while (rows.hasNext()) {
      Tuple2<Integer, Row> row = rows.next();
      byIsland.computeIfAbsent(row._1(), i -> new ArrayList<>()).add(row._2());
    }
    List<IslandResult> results = new ArrayList<>();
    for (int island = 0; island < job.settings().islands(); island++) {
      if (!partitioner.owns(partition, island)) {
        continue;
      }
      IslandState state = PopulationCodec.decode(island, Streams.islandSeed(job.seed(), island), epoch,
          progress.get(island), byIsland.getOrDefault(island, List.of()));
      results.add(IslandEpoch.run(job, epoch, state, migrants.getOrDefault(island, List.of())));
    }
    return results.iterator();
  }
}
