package org.automlzero.spark;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.api.java.function.Function2;
import org.apache.spark.sql.Row;
import scala.Tuple2;

/**
 * Rebuilds a partition's islands from a committed epoch's stored rows: its population rows (keyed
 * by island and partitioned by {@link IslandPartitioner}) and the islands' progress rows (read by the
 * driver), as the {@link IslandResult}s that the epoch's evolution stage had returned. Only used
 * where the previous epoch's results are not cached (a resumed run, and every
 * {@link IslandSearch#LINEAGE_EPOCHS} epochs to bound the lineage); {@link EvolvePartition} then
 * decodes both kinds alike. Immutable; serializable to executors.
 */
public final class StoredIslands
    implements Function2<Integer, Iterator<Tuple2<Integer, Row>>, Iterator<IslandResult>> {
  private static final long serialVersionUID = 1L;

  private final IslandPartitioner partitioner;
  private final Map<Integer, Row> progress;
  private final int keep;

  /**
   * @param progress each island's progress row of the stored epoch
   * @param keep how many best rows each result keeps ({@link IslandEpoch} keeps as many)
   */
  public StoredIslands(IslandPartitioner partitioner, Map<Integer, Row> progress, int keep) {
    this.partitioner = partitioner;
    this.progress = new TreeMap<>(progress);
    this.keep = keep;
  }

  @Override
  public Iterator<IslandResult> call(Integer partition, Iterator<Tuple2<Integer, Row>> rows) {
    Map<Integer, List<Row>> byIsland = new TreeMap<>();
    while (rows.hasNext()) {
      Tuple2<Integer, Row> row = rows.next();
      byIsland.computeIfAbsent(row._1(), i -> new ArrayList<>()).add(row._2());
    }
    List<IslandResult> islands = new ArrayList<>();
    for (Map.Entry<Integer, Row> entry : progress.entrySet()) {
      int island = entry.getKey();
      if (partitioner.owns(partition, island)) {
        List<Row> population = byIsland.getOrDefault(island, List.of());
        islands.add(new IslandResult(island, population, entry.getValue(), PopulationCodec.best(population, keep),
            List.of()));
      }
    }
    return islands.iterator();
  }
}
