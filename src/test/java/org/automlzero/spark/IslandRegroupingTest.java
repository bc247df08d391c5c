package org.automlzero.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import scala.Tuple2;

class IslandRegroupingTest {
  private static SparkSession spark;

  @BeforeAll
  static void start() {
    spark = SparkSession.builder().master("local[2]").appName("IslandRegroupingTest")
        .config("spark.ui.enabled", "false").config("spark.driver.host", "127.0.0.1").getOrCreate();
  }

  @AfterAll
  static void stop() {
    spark.stop();
  }

  /** Islands 0..n-1 laid out by {@code from}, then moved to {@code to}: (partition, island) pairs. */
  private static List<Tuple2<Integer, Integer>> regroup(IslandPartitioner from, IslandPartitioner to) {
    JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
    List<Integer> islands = new ArrayList<>();
    for (int island = 0; island < from.islands(); island++) {
      islands.add(island);
    }
    JavaRDD<Integer> laidOut = jsc.parallelize(islands, 1).mapToPair(i -> new Tuple2<>(i, i)).partitionBy(from)
        .map(Tuple2::_1);
    laidOut.cache().count();
    JavaRDD<Integer> moved = IslandRegrouping.move(laidOut, from, to);
    assertEquals(to.numPartitions(), moved.getNumPartitions());
    for (int partition = 0; partition < to.numPartitions(); partition++) {
      // No location of its own: the scheduler finds the cached block's through the narrow dependency.
      assertFalse(spark.sparkContext().getPreferredLocs(moved.rdd(), partition).isEmpty(),
          "partition " + partition + " has the location of the cached block it reads");
    }
    return moved.mapPartitionsWithIndex((Integer partition, Iterator<Integer> it) -> {
      List<Tuple2<Integer, Integer>> out = new ArrayList<>();
      it.forEachRemaining(island -> out.add(new Tuple2<>(partition, island)));
      return out.iterator();
    }, true).collect();
  }

  @Test
  void eachIslandReachesThePartitionOfTheNewLayout() {
    IslandPartitioner from = IslandPartitioner.modulo(6, 6);
    IslandPartitioner to = IslandPartitioner.longestFirst(6, new double[] {1, 6, 2, 5, 3, 4});
    List<Tuple2<Integer, Integer>> placed = regroup(from, to);
    assertEquals(6, placed.size(), "one island per partition reads exactly one old partition");
    for (Tuple2<Integer, Integer> p : placed) {
      assertEquals(to.partitionOf(p._2()), p._1());
    }
  }

  @Test
  void equalLayoutsLeaveTheRddAsItIs() {
    JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
    JavaRDD<Integer> rdd = jsc.parallelize(List.of(0, 1, 2), 3);
    assertSame(rdd, IslandRegrouping.move(rdd, IslandPartitioner.modulo(3, 3),
        IslandPartitioner.longestFirst(3, new double[] {3, 2, 1})));
  }

  @Test
  void partitionsHoldingSeveralIslandsAreReadWhereverOneOfThemGoes() {
    IslandPartitioner from = IslandPartitioner.modulo(2, 5);
    IslandPartitioner to = IslandPartitioner.longestFirst(3, new double[] {5, 4, 3, 2, 1});
    List<Tuple2<Integer, Integer>> placed = regroup(from, to);
    for (int island = 0; island < 5; island++) {
      int owner = to.partitionOf(island);
      final int i = island;
      assertTrue(placed.stream().anyMatch(p -> p._1() == owner && p._2() == i),
          "island " + island + " reaches partition " + owner + ": " + placed);
    }
  }
}
