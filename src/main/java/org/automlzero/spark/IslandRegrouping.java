package org.automlzero.spark;

import org.apache.spark.Partition;
import org.apache.spark.Partitioner;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.rdd.PartitionCoalescer;
import org.apache.spark.rdd.PartitionGroup;
import org.apache.spark.rdd.RDD;
import scala.Option;

/**
 * Moves the islands of an RDD laid out by one {@link IslandPartitioner} to the partitions another
 * gives them, without a shuffle: new partition k reads every old partition that holds one of its
 * islands (a narrow dependency on the cached results of the previous epoch), and the partition
 * function keeps only its own islands ({@link EvolvePartition} does). With one island per
 * partition, the default, each new partition reads exactly one old one. The groups name no
 * preferred location of their own: Spark's scheduler then takes the location of the first cached
 * block a new partition reads through the narrow dependency (an island's cached result, its
 * compact state, is 0.8 MB for the demo's population of 1,000, should it be fetched elsewhere).
 *
 * <p>It is also the target layout's {@link Partitioner} (the islands' partitions after the move):
 * Spark under Scala 2.12 accepts only a coalescer that is a {@code scala.Serializable}, which a
 * Java class can be only by extending a Scala class that is one, and {@link Partitioner} is the
 * one whose meaning this class has. Immutable; serializable to executors.
 */
public final class IslandRegrouping extends Partitioner implements PartitionCoalescer {
  private static final long serialVersionUID = 1L;

  private final IslandPartitioner from;
  private final IslandPartitioner to;

  /**
   * {@code rdd}, laid out by {@code from}, as an RDD laid out by {@code to}: {@code rdd} itself when
   * the layouts are equal, else its partitions regrouped by this coalescer.
   */
  public static <T> JavaRDD<T> move(JavaRDD<T> rdd, IslandPartitioner from, IslandPartitioner to) {
    if (from.equals(to)) {
      return rdd;
    }
    return JavaRDD.fromRDD(rdd.rdd().coalesce(to.numPartitions(), false,
        Option.apply(new IslandRegrouping(from, to)), null), rdd.classTag());
  }

  public IslandRegrouping(IslandPartitioner from, IslandPartitioner to) {
    if (from.islands() != to.islands()) {
      throw new IllegalArgumentException(from + " and " + to + " place different islands");
    }
    this.from = from;
    this.to = to;
  }

  @Override
  public int numPartitions() {
    return to.numPartitions();
  }

  @Override
  public int getPartition(Object island) {
    return to.getPartition(island);
  }

  @Override
  public PartitionGroup[] coalesce(int maxPartitions, RDD<?> parent) {
    if (maxPartitions != to.numPartitions() || parent.getNumPartitions() != from.numPartitions()) {
      throw new IllegalArgumentException("regrouping " + from + " into " + to + " asked for " + maxPartitions
          + " partitions of an RDD of " + parent.getNumPartitions());
    }
    Partition[] old = parent.partitions();
    PartitionGroup[] groups = new PartitionGroup[maxPartitions];
    for (int k = 0; k < maxPartitions; k++) {
      groups[k] = new PartitionGroup(Option.empty());
    }
    for (int island = 0; island < to.islands(); island++) {
      int k = to.partitionOf(island);
      int source = from.partitionOf(island);
      if (!groups[k].partitions().contains(old[source])) {
        groups[k].partitions().$plus$eq(old[source]);
      }
    }
    return groups;
  }
}
