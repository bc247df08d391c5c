package org.automlzero.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class IslandPartitionerTest {
  @Test
  void moduloPutsIslandIInPartitionIModN() {
    IslandPartitioner layout = IslandPartitioner.modulo(3, 7);
    for (int island = 0; island < 7; island++) {
      assertEquals(island % 3, layout.partitionOf(island));
      assertEquals(island % 3, layout.getPartition(island));
      assertTrue(layout.owns(island % 3, island));
    }
    assertEquals(3, layout.numPartitions());
    assertEquals(7, layout.islands());
  }

  @Test
  void oneIslandPerPartitionOrdersTheIslandsLongestFirst() {
    double[] seconds = {2.0, 5.0, 1.0, 5.0, 3.0};
    IslandPartitioner layout = IslandPartitioner.longestFirst(5, seconds);
    // 5.0 (island 1, then island 3 on the tie), 3.0, 2.0, 1.0
    assertEquals(0, layout.partitionOf(1));
    assertEquals(1, layout.partitionOf(3));
    assertEquals(2, layout.partitionOf(4));
    assertEquals(3, layout.partitionOf(0));
    assertEquals(4, layout.partitionOf(2));
  }

  @Test
  void fewerPartitionsBalanceTheExpectedTimesAndStartTheLongestPartitionFirst() {
    double[] seconds = {4.0, 3.0, 3.0, 2.0, 2.0, 2.0};
    IslandPartitioner layout = IslandPartitioner.longestFirst(2, seconds);
    double[] load = new double[2];
    for (int island = 0; island < seconds.length; island++) {
      load[layout.partitionOf(island)] += seconds[island];
    }
    // Greedy: 4 -> a, 3 -> b, 3 -> b (3 < 4), 2 -> a, 2 -> a (6 = 6, lower bin), 2 -> b: a = 8, b = 8.
    assertEquals(8.0, load[0]);
    assertEquals(8.0, load[1]);
    IslandPartitioner uneven = IslandPartitioner.longestFirst(2, new double[] {1.0, 5.0, 1.0});
    assertEquals(0, uneven.partitionOf(1), "the partition expected to take longest starts first");
    assertEquals(1, uneven.partitionOf(0));
    assertEquals(1, uneven.partitionOf(2));
  }

  @Test
  void everyIslandGetsAValidPartitionWhateverTheTimes() {
    Random random = new Random(7);
    for (int trial = 0; trial < 200; trial++) {
      int islands = 1 + random.nextInt(40);
      int partitions = 1 + random.nextInt(50);
      double[] seconds = new double[islands];
      for (int i = 0; i < islands; i++) {
        seconds[i] = switch (random.nextInt(5)) {
          case 0 -> Double.NaN;
          case 1 -> -1.0;
          case 2 -> 0.0;
          default -> random.nextDouble() * 10;
        };
      }
      IslandPartitioner layout = IslandPartitioner.longestFirst(partitions, seconds);
      int[] count = new int[partitions];
      for (int island = 0; island < islands; island++) {
        int p = layout.partitionOf(island);
        assertTrue(p >= 0 && p < partitions);
        count[p]++;
      }
      // Greedy placement into the least loaded partition never stacks islands while one is empty,
      // except behind islands expected to take no time.
      if (partitions >= islands && java.util.Arrays.stream(seconds).allMatch(t -> t > 0)) {
        for (int c : count) {
          assertTrue(c <= 1);
        }
      }
      assertEquals(layout, IslandPartitioner.longestFirst(partitions, seconds.clone()), "deterministic");
    }
  }

  @Test
  void equalityFollowsThePlacement() {
    assertEquals(IslandPartitioner.modulo(4, 4), IslandPartitioner.longestFirst(4, new double[] {4, 3, 2, 1}));
    assertNotEquals(IslandPartitioner.modulo(4, 4), IslandPartitioner.longestFirst(4, new double[] {1, 2, 3, 4}));
    assertEquals(IslandPartitioner.modulo(4, 4).hashCode(), IslandPartitioner.modulo(4, 4).hashCode());
  }

  @Test
  void refusesNoPartitionsOrNoIslands() {
    assertThrows(IllegalArgumentException.class, () -> IslandPartitioner.modulo(0, 4));
    assertThrows(IllegalArgumentException.class, () -> IslandPartitioner.longestFirst(2, new double[0]));
  }
}
