package org.automlzero.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.automlzero.program.Algorithm;
import org.automlzero.program.ComponentFunction;
import org.automlzero.program.HandWrittenAlgorithms;
import org.automlzero.program.Instruction;
import org.automlzero.program.Op;
import org.automlzero.random.Rng;
import org.junit.jupiter.api.Test;

class MutatorTest {
  private static final int DRAWS = 40_000;

  private static Mutator mutator(List<MutationAction> actions, double p, ComponentOps ops,
      ComponentSizes min, ComponentSizes max) {
    return new Mutator(actions, p, ops, min, max, Fixtures.SPACE);
  }

  private static Mutator only(MutationAction action, ComponentOps ops) {
    return mutator(List.of(action), 1.0, ops, ComponentSizes.all(0), ComponentSizes.all(100));
  }

  private static Algorithm randomParent(long seed) {
    return Fixtures.randomInit().create(new Rng(seed));
  }

  @Test
  void actionsFollowTheConfiguredWeightsWithDuplicates() {
    Mutator mutator = mutator(
        List.of(MutationAction.ALTER_PARAM, MutationAction.ALTER_PARAM, MutationAction.IDENTITY,
            MutationAction.INSERT_INSTRUCTION),
        1.0, Fixtures.OPS, ComponentSizes.all(0), ComponentSizes.all(100));
    Algorithm parent = randomParent(1);
    Rng rng = new Rng(2);
    Map<MutationAction, Integer> counts = new EnumMap<>(MutationAction.class);
    for (int i = 0; i < DRAWS; i++) {
      counts.merge(mutator.mutate(parent, rng).action(), 1, Integer::sum);
    }
    assertEquals(3, counts.size());
    assertEquals(0.50, counts.get(MutationAction.ALTER_PARAM) / (double) DRAWS, 0.01);
    assertEquals(0.25, counts.get(MutationAction.IDENTITY) / (double) DRAWS, 0.01);
    assertEquals(0.25, counts.get(MutationAction.INSERT_INSTRUCTION) / (double) DRAWS, 0.01);
  }

  @Test
  void componentIsUniformAmongFunctionsWithOps() {
    ComponentOps ops = new ComponentOps(List.of(), Fixtures.DEMO_OPS, Fixtures.DEMO_OPS);
    Mutator mutator = only(MutationAction.ALTER_PARAM, ops);
    Algorithm parent = randomParent(3);
    Rng rng = new Rng(4);
    Map<ComponentFunction, Integer> counts = new EnumMap<>(ComponentFunction.class);
    for (int i = 0; i < DRAWS; i++) {
      Mutation mutation = mutator.mutate(parent, rng);
      counts.merge(mutation.component(), 1, Integer::sum);
      assertSame(parent.setup(), mutation.child().setup());
    }
    assertEquals(null, counts.get(ComponentFunction.SETUP));
    assertEquals(0.5, counts.get(ComponentFunction.PREDICT) / (double) DRAWS, 0.01);
  }

  @Test
  void positionsAreUniform() {
    ComponentOps ops = new ComponentOps(List.of(), List.of(), Fixtures.DEMO_OPS);
    Mutator mutator = only(MutationAction.RANDOMIZE_INSTRUCTION, ops);
    Algorithm parent = randomParent(5);
    int size = parent.learn().size();
    int[] counts = new int[size];
    Rng rng = new Rng(6);
    for (int i = 0; i < DRAWS; i++) {
      counts[mutator.mutate(parent, rng).position()]++;
    }
    for (int count : counts) {
      assertEquals(1.0 / size, count / (double) DRAWS, 0.01);
    }
  }

  @Test
  void insertPositionsAreUniformOverSizePlusOne() {
    ComponentOps ops = new ComponentOps(List.of(), List.of(), Fixtures.DEMO_OPS);
    Mutator mutator = only(MutationAction.INSERT_INSTRUCTION, ops);
    Algorithm parent = randomParent(7);
    int slots = parent.learn().size() + 1;
    int[] counts = new int[slots];
    Rng rng = new Rng(8);
    for (int i = 0; i < DRAWS; i++) {
      counts[mutator.mutate(parent, rng).position()]++;
    }
    for (int count : counts) {
      assertEquals(1.0 / slots, count / (double) DRAWS, 0.01);
    }
  }

  @Test
  void opsAreUniformOverTheListWithDuplicatesWeighting() {
    ComponentOps ops = new ComponentOps(List.of(), List.of(), List.of(Op.SCALAR_SUM, Op.SCALAR_SUM, Op.VECTOR_SUM));
    Mutator mutator = only(MutationAction.RANDOMIZE_INSTRUCTION, ops);
    Algorithm parent = randomParent(9);
    Map<Op, Integer> counts = new EnumMap<>(Op.class);
    Rng rng = new Rng(10);
    for (int i = 0; i < DRAWS; i++) {
      Mutation mutation = mutator.mutate(parent, rng);
      counts.merge(mutation.child().learn().get(mutation.position()).op(), 1, Integer::sum);
    }
    assertEquals(2, counts.size());
    assertEquals(2.0 / 3, counts.get(Op.SCALAR_SUM) / (double) DRAWS, 0.01);
  }

  @Test
  void sizesStayWithinMinAndMaxMinusOneUnderInsertRemoveAndTrade() {
    ComponentSizes min = new ComponentSizes(1, 2, 3);
    ComponentSizes max = new ComponentSizes(4, 6, 9);
    Mutator mutator = mutator(
        List.of(MutationAction.INSERT_INSTRUCTION, MutationAction.REMOVE_INSTRUCTION, MutationAction.TRADE_INSTRUCTION),
        1.0, Fixtures.OPS, min, max);
    Algorithm algorithm = Algorithm.noOp(2, 3, 4);
    Rng rng = new Rng(11);
    Map<ComponentFunction, int[]> seen = new EnumMap<>(ComponentFunction.class);
    for (ComponentFunction function : ComponentFunction.values()) {
      seen.put(function, new int[] {Integer.MAX_VALUE, 0});
    }
    for (int i = 0; i < 20_000; i++) {
      algorithm = mutator.mutate(algorithm, rng).child();
      for (ComponentFunction function : ComponentFunction.values()) {
        int size = algorithm.component(function).size();
        assertTrue(size >= min.of(function) && size <= max.of(function) - 1, function + " size " + size);
        seen.get(function)[0] = Math.min(seen.get(function)[0], size);
        seen.get(function)[1] = Math.max(seen.get(function)[1], size);
      }
    }
    for (ComponentFunction function : ComponentFunction.values()) {
      assertEquals(min.of(function), seen.get(function)[0], function + " reaches its min");
      assertEquals(max.of(function) - 1, seen.get(function)[1], function + " reaches max - 1");
    }
  }

  @Test
  void insertDoesNothingAtMaxMinusOne() {
    ComponentOps ops = new ComponentOps(List.of(), List.of(), Fixtures.DEMO_OPS);
    Mutator mutator = mutator(List.of(MutationAction.INSERT_INSTRUCTION), 1.0, ops,
        ComponentSizes.all(0), new ComponentSizes(10, 10, 5));
    Algorithm full = Algorithm.noOp(1, 1, 4);
    Mutation mutation = mutator.mutate(full, new Rng(12));
    assertSame(full, mutation.child());
    assertEquals(-1, mutation.position());
    assertEquals("INSERT_INSTRUCTION learn[-]", mutation.description());

    Mutation grows = mutator.mutate(Algorithm.noOp(1, 1, 3), new Rng(12));
    assertEquals(4, grows.child().learn().size());
  }

  @Test
  void removeDoesNothingAtMin() {
    ComponentOps ops = new ComponentOps(List.of(), List.of(), Fixtures.DEMO_OPS);
    Mutator mutator = mutator(List.of(MutationAction.REMOVE_INSTRUCTION), 1.0, ops,
        new ComponentSizes(0, 0, 3), ComponentSizes.all(10));
    Algorithm atMin = Algorithm.noOp(1, 1, 3);
    assertSame(atMin, mutator.mutate(atMin, new Rng(13)).child());
    assertEquals(3, mutator.mutate(Algorithm.noOp(1, 1, 4), new Rng(13)).child().learn().size());
  }

  @Test
  void tradeKeepsTheSizeAndIgnoresTheBounds() {
    ComponentOps ops = new ComponentOps(List.of(), List.of(), List.of(Op.SCALAR_SUM));
    Mutator mutator = mutator(List.of(MutationAction.TRADE_INSTRUCTION), 1.0, ops,
        ComponentSizes.all(5), ComponentSizes.all(5));
    Rng rng = new Rng(14);
    for (int size : new int[] {0, 1, 4, 7}) {
      Mutation mutation = mutator.mutate(Algorithm.noOp(1, 1, size), rng);
      assertEquals(size, mutation.child().learn().size());
      assertTrue(mutation.position() >= 0 && mutation.position() <= size);
      assertTrue(mutation.removedPosition() >= 0 && mutation.removedPosition() <= size);
    }
  }

  @Test
  void alterParamAndRandomizeInstructionLeaveAnEmptyFunctionAlone() {
    ComponentOps ops = new ComponentOps(List.of(), Fixtures.DEMO_OPS, List.of());
    for (MutationAction action : List.of(MutationAction.ALTER_PARAM, MutationAction.RANDOMIZE_INSTRUCTION)) {
      Algorithm empty = Algorithm.noOp(2, 0, 2);
      Mutation mutation = only(action, ops).mutate(empty, new Rng(15));
      assertSame(empty, mutation.child());
      assertEquals(ComponentFunction.PREDICT, mutation.component());
      assertEquals(-1, mutation.position());
    }
  }

  @Test
  void randomizeComponentFunctionKeepsSizeAndTheOtherFunctions() {
    ComponentOps ops = new ComponentOps(List.of(), List.of(), List.of(Op.SCALAR_SUM));
    Algorithm parent = randomParent(16);
    Mutation mutation = only(MutationAction.RANDOMIZE_COMPONENT_FUNCTION, ops).mutate(parent, new Rng(17));
    assertEquals("RANDOMIZE_COMPONENT_FUNCTION learn", mutation.description());
    assertEquals(parent.learn().size(), mutation.child().learn().size());
    assertTrue(mutation.child().learn().stream().allMatch(i -> i.op() == Op.SCALAR_SUM));
    assertSame(parent.setup(), mutation.child().setup());
    assertSame(parent.predict(), mutation.child().predict());
  }

  @Test
  void randomizeAlgorithmRandomizesOnlyFunctionsWithOps() {
    ComponentOps ops = new ComponentOps(List.of(Op.SCALAR_SUM), List.of(), List.of(Op.VECTOR_SUM));
    Algorithm parent = Algorithm.noOp(3, 4, 5);
    Mutation mutation = only(MutationAction.RANDOMIZE_ALGORITHM, ops).mutate(parent, new Rng(18));
    assertNull(mutation.component());
    assertEquals("RANDOMIZE_ALGORITHM", mutation.description());
    assertTrue(mutation.child().setup().stream().allMatch(i -> i.op() == Op.SCALAR_SUM));
    assertSame(parent.predict(), mutation.child().predict());
    assertEquals(5, mutation.child().learn().size());
    assertTrue(mutation.child().learn().stream().allMatch(i -> i.op() == Op.VECTOR_SUM));
  }

  @Test
  void mutateProbabilityIsRespected() {
    Mutator mutator = mutator(List.of(MutationAction.IDENTITY), 0.3, Fixtures.OPS,
        ComponentSizes.all(0), ComponentSizes.all(100));
    Algorithm parent = randomParent(19);
    Rng rng = new Rng(20);
    int mutated = 0;
    for (int i = 0; i < DRAWS; i++) {
      Mutation mutation = mutator.mutate(parent, rng);
      if (mutation.mutated()) {
        mutated++;
      } else {
        assertSame(parent, mutation.child());
        assertEquals("COPY", mutation.description());
      }
    }
    assertEquals(0.3, mutated / (double) DRAWS, 0.01);
  }

  @Test
  void probabilityOneDrawsNothingForTheChoiceAndAlwaysMutates() {
    Mutator mutator = mutator(List.of(MutationAction.IDENTITY, MutationAction.IDENTITY), 1.0, Fixtures.OPS,
        ComponentSizes.all(0), ComponentSizes.all(100));
    Rng rng = new Rng(21);
    Rng replica = new Rng(21);
    Mutation mutation = mutator.mutate(randomParent(22), rng);
    assertTrue(mutation.mutated());
    replica.nextInt(2); // the action draw, and nothing else
    assertEquals(replica.state(), rng.state());
  }

  @Test
  void childrenShareUnchangedInstructionsWithTheParent() {
    Mutator mutator = mutator(
        List.of(MutationAction.ALTER_PARAM, MutationAction.RANDOMIZE_INSTRUCTION,
            MutationAction.INSERT_INSTRUCTION, MutationAction.REMOVE_INSTRUCTION),
        1.0, Fixtures.OPS, ComponentSizes.all(0), ComponentSizes.all(100));
    Rng rng = new Rng(23);
    for (int i = 0; i < 2000; i++) {
      Algorithm parent = randomParent(i);
      Mutation mutation = mutator.mutate(parent, rng);
      for (ComponentFunction function : ComponentFunction.values()) {
        List<Instruction> before = parent.component(function);
        List<Instruction> after = mutation.child().component(function);
        if (function != mutation.component() || mutation.position() < 0) {
          assertSame(before, after);
          continue;
        }
        int p = mutation.position();
        for (int k = 0; k < after.size(); k++) {
          if (k == p && mutation.action() != MutationAction.REMOVE_INSTRUCTION) {
            continue;
          }
          int source = switch (mutation.action()) {
            case INSERT_INSTRUCTION -> k < p ? k : k - 1;
            case REMOVE_INSTRUCTION -> k < p ? k : k + 1;
            default -> k;
          };
          assertSame(before.get(source), after.get(k), mutation.description() + " at " + k);
        }
      }
    }
  }

  @Test
  void sameSeedGivesTheSameMutation() {
    Mutator mutator = Fixtures.demoMutator();
    Algorithm parent = randomParent(24);
    for (long seed = 1; seed < 200; seed++) {
      Mutation a = mutator.mutate(parent, new Rng(seed));
      Mutation b = mutator.mutate(parent, new Rng(seed));
      assertEquals(a, b);
    }
    assertNotEquals(mutator.mutate(parent, new Rng(1)).child(), mutator.mutate(parent, new Rng(2)).child());
  }

  @Test
  void describesWhatItDid() {
    ComponentOps ops = new ComponentOps(List.of(), List.of(), Fixtures.DEMO_OPS);
    Mutation mutation = only(MutationAction.ALTER_PARAM, ops).mutate(randomParent(25), new Rng(26));
    assertEquals("ALTER_PARAM learn[" + mutation.position() + "]", mutation.description());
    Mutation trade = only(MutationAction.TRADE_INSTRUCTION, ops).mutate(randomParent(25), new Rng(26));
    assertEquals("TRADE_INSTRUCTION learn[+" + trade.position() + ",-" + trade.removedPosition() + "]",
        trade.description());
    assertNotSame(null, trade.toString());
  }

  @Test
  void rejectsConfigurationsThatCannotWork() {
    assertThrows(IllegalArgumentException.class, () -> mutator(List.of(), 0.9, Fixtures.OPS,
        ComponentSizes.all(0), ComponentSizes.all(9)));
    assertThrows(IllegalArgumentException.class, () -> mutator(List.of(MutationAction.ALTER_PARAM), 1.5,
        Fixtures.OPS, ComponentSizes.all(0), ComponentSizes.all(9)));
    assertThrows(IllegalArgumentException.class, () -> mutator(List.of(MutationAction.ALTER_PARAM), 0.9,
        ComponentOps.all(List.of()), ComponentSizes.all(0), ComponentSizes.all(9)));
    assertThrows(IllegalArgumentException.class, () -> new Mutator(List.of(MutationAction.ALTER_PARAM), 0.9,
        ComponentOps.all(List.of(Op.MATRIX_SUM)), ComponentSizes.all(0), ComponentSizes.all(9),
        HandWrittenAlgorithms.LINEAR_MODEL_SPACE));
    assertThrows(IllegalArgumentException.class, () -> mutator(List.of(MutationAction.ALTER_PARAM), 0.9,
        Fixtures.OPS, ComponentSizes.all(5), ComponentSizes.all(4)));
  }
}
