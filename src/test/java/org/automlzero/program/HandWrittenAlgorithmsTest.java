package org.automlzero.program;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class HandWrittenAlgorithmsTest {
  @Test
  void linearModelHasTheReferenceAddressMap() {
    Algorithm linear = HandWrittenAlgorithms.linearModel(0.01);
    assertEquals(List.of(Instruction.scalarConst(2, 0.01)), linear.setup());
    assertEquals(List.of(Instruction.of(Op.VECTOR_INNER_PRODUCT, 1, 0, 1)), linear.predict());
    assertEquals(List.of(
        Instruction.of(Op.SCALAR_DIFF, 0, 1, 3),
        Instruction.of(Op.SCALAR_PRODUCT, 2, 3, 3),
        Instruction.of(Op.SCALAR_VECTOR_PRODUCT, 3, 0, 2),
        Instruction.of(Op.VECTOR_SUM, 1, 2, 1)), linear.learn());
  }

  @Test
  void neuralNetHasTheReferenceShapeAndUsesMaxWithZerosForRelu() {
    Algorithm net = HandWrittenAlgorithms.neuralNet(0.02, 0.3, 0.4);
    assertEquals(List.of(3, 5, 11), List.of(net.setup().size(), net.predict().size(), net.learn().size()));
    assertEquals(Instruction.randomSet(Op.VECTOR_GAUSSIAN_SET, 2, 0f, 0.4f), net.setup().get(0));
    assertEquals(Instruction.randomSet(Op.MATRIX_GAUSSIAN_SET, 0, 0f, 0.3f), net.setup().get(1));
    assertEquals(Instruction.scalarConst(3, 0.02), net.setup().get(2));
    assertEquals(Instruction.of(Op.VECTOR_MAX, 3, 5, 4), net.predict().get(2));
    assertEquals(Instruction.of(Op.VECTOR_HEAVYSIDE, 3, 8), net.learn().get(6));
    assertEquals(Instruction.of(Op.MATRIX_SUM, 0, 1, 0), net.learn().get(10));
  }

  @Test
  void modelsFitExactlyTheirSmallestSpaces() {
    assertDoesNotThrow(() -> HandWrittenAlgorithms.linearModel(0.01).check(HandWrittenAlgorithms.LINEAR_MODEL_SPACE));
    assertDoesNotThrow(() -> HandWrittenAlgorithms.neuralNet().check(HandWrittenAlgorithms.NEURAL_NET_SPACE));
    assertDoesNotThrow(() -> HandWrittenAlgorithms.neuralNet().check(AddressSpace.BASELINE));
    assertThrows(IllegalArgumentException.class,
        () -> HandWrittenAlgorithms.neuralNet().check(new AddressSpace(5, 8, 2)));
    assertThrows(IllegalArgumentException.class,
        () -> HandWrittenAlgorithms.linearModel(0.01).check(new AddressSpace(3, 3, 0)));
  }

  @Test
  void damagedNeuralNetLacksOnlyTheGaussianInits() {
    Algorithm net = HandWrittenAlgorithms.neuralNet(0.01, 0.1, 0.1);
    Algorithm damaged = HandWrittenAlgorithms.damagedNeuralNet(0.01);
    assertEquals(List.of(Instruction.scalarConst(3, 0.01)), damaged.setup());
    assertEquals(net.predict(), damaged.predict());
    assertEquals(net.learn(), damaged.learn());
  }

  @Test
  void paddingAddsNoOpsAtTheEndAndNeverTruncates() {
    Algorithm linear = HandWrittenAlgorithms.linearModel(0.01);
    Algorithm padded = HandWrittenAlgorithms.padded(linear, 3, 1, 2);
    assertEquals(List.of(linear.setup().get(0), Instruction.noOp(), Instruction.noOp()), padded.setup());
    assertSame(linear.predict(), padded.predict());
    assertSame(linear.learn(), padded.learn());
    assertThrows(IllegalArgumentException.class, () -> HandWrittenAlgorithms.padded(linear, -1, 0, 0));
  }
}
