package org.automlzero.spark;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.Partitioner;

/**
 * Which partition of the evolution stage evolves each island. Either island i in partition i mod n
 * ({@link #modulo}), or the islands spread by their expected time ({@link #longestFirst}): Spark
 * starts a stage's tasks in partition order, and a stage ends with its slowest task, so when
 * there are more tasks than task slots the longest should start first. The partition function
 * knows which islands it owns even when they have no rows yet (epoch 0). Results never depend on
 * it. Immutable.
 */
public final class IslandPartitioner extends Partitioner {
  private static final long serialVersionUID = 2L;

  private final int partitions;
  /** By island, its partition. */
  private final int[] partitionOf;

  private IslandPartitioner(int partitions, int[] partitionOf) {
    this.partitions = partitions;
    this.partitionOf = partitionOf;
  }

  /** Island i in partition i mod {@code partitions}. */
  public static IslandPartitioner modulo(int partitions, int islands) {
    check(partitions, islands);
    int[] partitionOf = new int[islands];
    for (int island = 0; island < islands; island++) {
      partitionOf[island] = island % partitions;
    }
    return new IslandPartitioner(partitions, partitionOf);
  }

  /**
   * The islands spread over {@code partitions} by their expected seconds (the last epoch's, say):
   * longest first, each to the partition with the least expected time so far (lowest index on
   * ties), then the partitions numbered by their expected time, longest first, so that Spark
   * starts them first. With as many partitions as islands, island order by time, longest first.
   * Deterministic for the given times; islands with equal times in island order.
   *
   * @param seconds by island, its expected seconds (NaN or negative counts as 0)
   */
  public static IslandPartitioner longestFirst(int partitions, double[] seconds) {
    check(partitions, seconds.length);
    int islands = seconds.length;
    List<Integer> byTime = new ArrayList<>(islands);
    for (int island = 0; island < islands; island++) {
      byTime.add(island);
    }
    byTime.sort((x, y) -> {
      int longer = Double.compare(time(seconds, y), time(seconds, x));
      return longer != 0 ? longer : Integer.compare(x, y);
    });
    double[] load = new double[partitions];
    int[] bin = new int[islands];
    for (int island : byTime) {
      int least = 0;
      for (int p = 1; p < partitions; p++) {
        if (load[p] < load[least]) {
          least = p;
        }
      }
      bin[island] = least;
      load[least] += time(seconds, island);
    }
    List<Integer> bins = new ArrayList<>(partitions);
    for (int p = 0; p < partitions; p++) {
      bins.add(p);
    }
    bins.sort((x, y) -> {
      int longer = Double.compare(load[y], load[x]);
      return longer != 0 ? longer : Integer.compare(x, y);
    });
    int[] rank = new int[partitions];
    for (int position = 0; position < partitions; position++) {
      rank[bins.get(position)] = position;
    }
    int[] partitionOf = new int[islands];
    for (int island = 0; island < islands; island++) {
      partitionOf[island] = rank[bin[island]];
    }
    return new IslandPartitioner(partitions, partitionOf);
  }

  private static double time(double[] seconds, int island) {
    double t = seconds[island];
    return t > 0 ? t : 0;
  }

  private static void check(int partitions, int islands) {
    if (partitions < 1) {
      throw new IllegalArgumentException("partitions is " + partitions + ", must be >= 1");
    }
    if (islands < 1) {
      throw new IllegalArgumentException("islands is " + islands + ", must be >= 1");
    }
  }

  /** Whether island {@code island} belongs to partition {@code partition}. */
  public boolean owns(int partition, int island) {
    return partitionOf[island] == partition;
  }

  /** The partition of island {@code island}. */
  public int partitionOf(int island) {
    return partitionOf[island];
  }

  /** The number of islands it places. */
  public int islands() {
    return partitionOf.length;
  }

  @Override
  public int numPartitions() {
    return partitions;
  }

  @Override
  public int getPartition(Object key) {
    return partitionOf[(Integer) key];
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof IslandPartitioner that && that.partitions == partitions
        && Arrays.equals(that.partitionOf, partitionOf);
  }

  @Override
  public int hashCode() {
    return 31 * partitions + Arrays.hashCode(partitionOf);
  }

  @Override
  public String toString() {
    return "IslandPartitioner" + Arrays.toString(partitionOf);
  }
}
