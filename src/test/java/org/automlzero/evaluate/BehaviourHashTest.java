package org.automlzero.evaluate;

import static org.automlzero.evaluate.FecCacheTest.linearModel;
import static org.automlzero.evaluate.FecCacheTest.linearTask;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.automlzero.program.AddressSpace;
import org.automlzero.program.Algorithm;
import org.automlzero.program.ComponentFunction;
import org.automlzero.program.Instruction;
import org.automlzero.random.Rng;
import org.automlzero.task.Task;
import org.junit.jupiter.api.Test;

class BehaviourHashTest {
  private static final FecSpec FEC = new FecSpec(10, 10, 100, 100);
  private static final List<Task> TASKS = List.of(linearTask(0, 7), linearTask(1, 8));

  private static long hash(Algorithm algorithm) {
    return new BehaviourHash(TASKS, AddressSpace.DEMO, FEC, 100).of(algorithm);
  }

  @Test
  void programsThatComputeTheSameHashAlike() {
    Algorithm padded = linearModel(0.01, 3).withComponent(ComponentFunction.SETUP,
        List.of(Instruction.noOp(), Instruction.scalarConst(2, 0.01)));
    assertEquals(hash(linearModel(0.01, 3)), hash(padded));
  }

  @Test
  void programsThatBehaveDifferentlyHashApart() {
    assertNotEquals(hash(linearModel(0.01, 3)), hash(linearModel(0.02, 3)));
    assertNotEquals(hash(linearModel(0.01, 3)), hash(Algorithm.noOp(1, 1, 1)));
  }

  @Test
  void equalHashesAreExactlyWhatTheCacheTreatsAsOneEntry() {
    // Whenever two programs hash alike, the cache answers the second from the first's entries
    // on every task; whenever they hash apart, it evaluates the second in full.
    Algorithm padded = linearModel(0.01, 3).withComponent(ComponentFunction.SETUP,
        List.of(Instruction.noOp(), Instruction.scalarConst(2, 0.01)));
    Algorithm[] programs = {linearModel(0.01, 3), padded, linearModel(0.02, 3), Algorithm.noOp(1, 1, 1)};
    for (Algorithm a : programs) {
      for (Algorithm b : programs) {
        FecCache cache = new FecCache(FEC);
        Evaluator evaluator = new Evaluator(TASKS, AddressSpace.DEMO, FitnessCombination.MEAN, 100, new Rng(1),
            cache, null);
        evaluator.evaluate(a);
        evaluator.evaluate(b);
        assertEquals(hash(a) == hash(b) ? TASKS.size() : 0, cache.hits(), a + " then " + b);
      }
    }
  }

  @Test
  void theHashDependsOnTheTasksInOrder() {
    long forward = new BehaviourHash(TASKS, AddressSpace.DEMO, FEC, 100).of(linearModel(0.01, 3));
    long backward = new BehaviourHash(List.of(TASKS.get(1), TASKS.get(0)), AddressSpace.DEMO, FEC, 100)
        .of(linearModel(0.01, 3));
    assertNotEquals(forward, backward);
  }

  @Test
  void anEmptyTaskListIsRefused() {
    assertThrows(IllegalArgumentException.class, () -> new BehaviourHash(List.of(), AddressSpace.DEMO, FEC, 100));
  }
}
