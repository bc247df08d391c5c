package org.automlzero.execute;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.automlzero.program.AddressSpace;
import org.automlzero.program.HandWrittenAlgorithms;
import org.automlzero.random.Rng;
import org.automlzero.task.Task;
import org.automlzero.task.TaskGenerator;
import org.automlzero.task.TaskSpec;
import org.junit.jupiter.api.Test;

/** The bounds of running side by side: which groups qualify, and the groups kept laid out. */
class LanesTest {
  private static final AddressSpace SPACE = AddressSpace.DEMO;
  private static final CompiledAlgorithm LINEAR =
      new CompiledAlgorithm().compile(HandWrittenAlgorithms.linearModel(0.01), SPACE, 4);

  private static double[] taskAfterTask(List<Task> tasks) {
    Executor executor = new Executor(SPACE);
    double[] fitness = new double[tasks.size()];
    for (int i = 0; i < tasks.size(); i++) {
      Task task = tasks.get(i);
      fitness[i] = executor.execute(LINEAR, task, task.maxTrainExamples(), task.numValid(), new Rng(1), 100);
    }
    return fitness;
  }

  private static long[] allExamples(List<Task> tasks) {
    return tasks.stream().mapToLong(Task::maxTrainExamples).toArray();
  }

  @Test
  void groupsTooLargeToLayOutRunTaskByTask() {
    // 25,000 training examples of F = 4: 1.25 million entries laid out, over the bound.
    List<Task> tasks = new TaskGenerator().generate(TaskSpec.linearRegression(4, 25_000, 10, 10), 0);
    assertFalse(new Lanes(SPACE, 4).fits(tasks.get(0)));
    Executor executor = new Executor(SPACE);
    double[] fitness = new double[10];
    executor.executeAll(LINEAR, tasks, allExamples(tasks), new Rng(1), 100, fitness);
    assertEquals(0, executor.tasksSideBySide());
    assertEquals(List.of(box(taskAfterTask(tasks))), List.of(box(fitness)));
  }

  @Test
  void theGroupsKeptLaidOutStayWithinTheirBoundsAndGiveTheSameFitness() {
    // 50 groups of 2,000 training and 100 validation examples of F = 4: 105,000 entries each,
    // more than the 4 Mi entries (32 MiB) kept together.
    List<Task> tasks = new TaskGenerator().generate(TaskSpec.linearRegression(4, 2000, 100, 500), 0);
    Lanes lanes = new Lanes(SPACE, 4);
    assertTrue(lanes.fits(tasks.get(0)));
    double[] expected = taskAfterTask(tasks);
    for (int round = 0; round < 2; round++) {
      for (int first = 0; first < tasks.size(); first += Lanes.WIDTH) {
        lanes.run(LINEAR, tasks, first, Long.MAX_VALUE, 100);
        for (int l = 0; l < Lanes.WIDTH; l++) {
          assertFalse(lanes.rerun[l]);
          assertEquals(expected[first + l], lanes.fitness[l], 0.0, "task " + (first + l));
        }
        assertTrue(lanes.keptGroups() <= 64, lanes.keptGroups() + " groups kept");
        assertTrue(lanes.keptEntries() <= 1 << 22, lanes.keptEntries() + " entries kept");
      }
    }
    assertEquals((1 << 22) / 105_000, lanes.keptGroups(), "groups kept at the bound");
  }

  private static Double[] box(double[] values) {
    Double[] boxed = new Double[values.length];
    for (int i = 0; i < values.length; i++) {
      boxed[i] = values[i];
    }
    return boxed;
  }
}
