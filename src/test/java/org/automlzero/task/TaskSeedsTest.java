package org.automlzero.task;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.Test;

class TaskSeedsTest {

  @Test
  void emptyListsGiveReferenceDefaults() {
    List<Long> data = List.of(11001L, 11012L, 11010L, 11000L, 11006L, 11008L, 11007L, 11003L);
    List<Long> param = List.of(1001L, 1012L, 1010L, 1000L, 1006L, 1008L, 1007L, 1003L);
    for (int i = 0; i < 8; i++) {
      assertEquals(data.get(i), TaskSeeds.seedAt(List.of(), TaskSeeds.DEFAULT_DATA_SEEDS, i));
      assertEquals(param.get(i), TaskSeeds.seedAt(List.of(), TaskSeeds.DEFAULT_PARAM_SEEDS, i));
    }
  }

  @Test
  void defaultsContinueByOnePastTheirEnd() {
    assertEquals(11004L, TaskSeeds.seedAt(List.of(), TaskSeeds.DEFAULT_DATA_SEEDS, 8));
    assertEquals(1005L, TaskSeeds.seedAt(List.of(), TaskSeeds.DEFAULT_PARAM_SEEDS, 9));
  }

  @Test
  void givenListContinuesByOneFromItsLastSeed() {
    List<Long> seeds = List.of(2_000_000L, 50L);
    assertEquals(2_000_000L, TaskSeeds.seedAt(seeds, TaskSeeds.DEFAULT_DATA_SEEDS, 0));
    assertEquals(50L, TaskSeeds.seedAt(seeds, TaskSeeds.DEFAULT_DATA_SEEDS, 1));
    assertEquals(51L, TaskSeeds.seedAt(seeds, TaskSeeds.DEFAULT_DATA_SEEDS, 2));
    assertEquals(148L, TaskSeeds.seedAt(seeds, TaskSeeds.DEFAULT_DATA_SEEDS, 99));
  }

  @Test
  void randomizeIsDeterministicPerSeed() {
    List<TaskSpec> specs = List.of(TaskSpec.linearRegression(4, 10, 10, 10), TaskSpec.linearRegression(4, 10, 10, 3));
    assertEquals(TaskSeeds.randomize(specs, 42), TaskSeeds.randomize(specs, 42));
    assertNotEquals(TaskSeeds.randomize(specs, 42), TaskSeeds.randomize(specs, 43));
  }

  @Test
  void randomizeGivesNumTasksFreshSeedsInUint32Range() {
    List<TaskSpec> out = TaskSeeds.randomize(
        List.of(TaskSpec.linearRegression(4, 10, 10, 10), TaskSpec.linearRegression(4, 10, 10, 3)), 7);
    assertEquals(10, out.get(0).dataSeeds().size());
    assertEquals(10, out.get(0).paramSeeds().size());
    assertEquals(3, out.get(1).dataSeeds().size());
    HashSet<Long> all = new HashSet<>();
    for (TaskSpec spec : out) {
      for (long s : spec.dataSeeds()) {
        assertTrue(s >= 1 && s < 0xFFFFFFFFL, "seed " + s);
        all.add(s);
      }
    }
    assertEquals(13, all.size());
  }

  @Test
  void withRandomizedSeedsMatchesRandomizeOfOneSpec() {
    TaskSpec spec = TaskSpec.linearRegression(4, 10, 10, 5);
    assertEquals(TaskSeeds.randomize(List.of(spec), 9).get(0), spec.withRandomizedSeeds(9));
  }
}
