package org.automlzero.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.automlzero.program.AddressSpace;
import org.automlzero.program.Algorithm;
import org.automlzero.program.HandWrittenAlgorithms;
import org.automlzero.program.Instruction;
import org.automlzero.program.Op;
import org.automlzero.random.Rng;
import org.junit.jupiter.api.Test;

class InitialAlgorithmsTest {
  private static final AddressSpace NN = HandWrittenAlgorithms.NEURAL_NET_SPACE;

  @Test
  void noOpAlgorithmHasTheInitSizes() {
    Algorithm a = InitialAlgorithms.of(InitialAlgorithm.NO_OP_ALGORITHM, Fixtures.DEMO_SIZES, Fixtures.OPS,
        Fixtures.SPACE).create(new Rng(1));
    assertEquals(Algorithm.noOp(10, 2, 8), a);
  }

  @Test
  void randomAlgorithmDrawsFromEachListAndLeavesFunctionsWithoutOpsNoOp() {
    ComponentOps ops = new ComponentOps(List.of(Op.SCALAR_SUM, Op.VECTOR_SUM), List.of(), List.of(Op.SCALAR_CONST_SET));
    InitialAlgorithms random = InitialAlgorithms.of(InitialAlgorithm.RANDOM_ALGORITHM, new ComponentSizes(50, 3, 4),
        ops, Fixtures.SPACE);
    Rng rng = new Rng(2);
    Algorithm a = random.create(rng);
    assertEquals(50, a.setup().size());
    assertTrue(a.setup().stream().anyMatch(i -> i.op() == Op.SCALAR_SUM));
    assertTrue(a.setup().stream().anyMatch(i -> i.op() == Op.VECTOR_SUM));
    assertTrue(a.setup().stream().allMatch(i -> ops.setup().contains(i.op())));
    assertEquals(List.of(Instruction.noOp(), Instruction.noOp(), Instruction.noOp()), a.predict());
    assertTrue(a.learn().stream().allMatch(i -> i.op() == Op.SCALAR_CONST_SET));
    a.check(Fixtures.SPACE);
    assertNotEquals(a, random.create(rng));
  }

  @Test
  void handWrittenModelsArePaddedButNeverTruncated() {
    Algorithm linear = InitialAlgorithms.of(InitialAlgorithm.LINEAR_ALGORITHM, new ComponentSizes(3, 0, 6),
        Fixtures.OPS, Fixtures.SPACE).create(new Rng(3));
    assertEquals(HandWrittenAlgorithms.padded(HandWrittenAlgorithms.linearModel(0.01), 3, 1, 6), linear);
    assertEquals(List.of(3, 1, 6), List.of(linear.setup().size(), linear.predict().size(), linear.learn().size()));

    Algorithm net = InitialAlgorithms.of(InitialAlgorithm.NEURAL_NET_ALGORITHM, ComponentSizes.all(1),
        ComponentOps.all(List.of()), NN).create(new Rng(3));
    assertEquals(HandWrittenAlgorithms.neuralNet(), net);
  }

  @Test
  void damagedNetIsPaddedFirstThenLosesItsGaussianInits() {
    // The reference's nonlinear integration test: init sizes 2/1/4.
    Algorithm small = InitialAlgorithms.of(InitialAlgorithm.DAMAGED_NEURAL_NET_ALGORITHM, new ComponentSizes(2, 1, 4),
        ComponentOps.all(List.of()), NN).create(new Rng(4));
    assertEquals(HandWrittenAlgorithms.damagedNeuralNet(0.01), small);
    assertEquals(List.of(Instruction.scalarConst(3, 0.01)), small.setup());

    Algorithm large = InitialAlgorithms.of(InitialAlgorithm.DAMAGED_NEURAL_NET_ALGORITHM, new ComponentSizes(6, 1, 4),
        ComponentOps.all(List.of()), NN).create(new Rng(4));
    assertEquals(4, large.setup().size());
    assertEquals(Instruction.scalarConst(3, 0.01), large.setup().get(0));
  }

  @Test
  void warmStartPadsTheGivenProgram() {
    Algorithm given = HandWrittenAlgorithms.linearModel(0.05);
    InitialAlgorithms warm = InitialAlgorithms.warmStart(given, Fixtures.DEMO_SIZES, Fixtures.OPS, Fixtures.SPACE);
    assertEquals(HandWrittenAlgorithms.padded(given, 10, 2, 8), warm.create(new Rng(5)));
    assertEquals(InitialAlgorithm.RANDOM_ALGORITHM, warm.asRandom().type());
  }

  @Test
  void rejectsProgramsThatDoNotFitTheSpace() {
    assertThrows(IllegalArgumentException.class, () -> InitialAlgorithms.of(InitialAlgorithm.NEURAL_NET_ALGORITHM,
        Fixtures.DEMO_SIZES, Fixtures.OPS, AddressSpace.DEMO));
    assertThrows(IllegalArgumentException.class, () -> InitialAlgorithms.warmStart(HandWrittenAlgorithms.neuralNet(),
        Fixtures.DEMO_SIZES, Fixtures.OPS, AddressSpace.DEMO));
    assertThrows(IllegalArgumentException.class, () -> new InitialAlgorithms(InitialAlgorithm.GIVEN_ALGORITHM, null,
        Fixtures.DEMO_SIZES, Fixtures.OPS, AddressSpace.DEMO));
  }
}
