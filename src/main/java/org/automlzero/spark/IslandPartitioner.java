package org.automlzero.spark;

import org.apache.spark.Partitioner;

/**
 * Island i goes to partition i mod n: islands spread evenly, and the partition function knows
 * which islands it owns even when they have no rows yet (epoch 0). Results never depend on it.
 * Immutable.
 */
public final class IslandPartitioner extends Partitioner {
  private static final long serialVersionUID = 1L;

  private final int partitions;

  public IslandPartitioner(int partitions) {
    if (partitions < 1) {
      throw new IllegalArgumentException("partitions is " + partitions + ", must be >= 1");
    }
    this.partitions = partitions;
  }

  /** Whether island {@code island} belongs to partition {@code partition}. */
  public boolean owns(int partition, int island) {
    return island % partitions == partition;
  }

  @Override
  public int numPartitions() {
    return partitions;
  }

  @Override
  public int getPartition(Object key) {
    return (Integer) key % partitions;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof IslandPartitioner that && that.partitions == partitions;
  }

  @Override
  public int hashCode() {
    return partitions;
  }
}
