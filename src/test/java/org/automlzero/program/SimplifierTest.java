package org.automlzero.program;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Hand cases of dead-code removal, each against the exact program expected. */
class SimplifierTest {
  private static final AddressSpace SPACE = AddressSpace.DEFAULT;

  private static Algorithm algorithm(List<Instruction> setup, List<Instruction> predict, List<Instruction> learn) {
    return new Algorithm(setup, predict, learn);
  }

  private static Instruction op(Op op, int in1, int in2, int out) {
    return Instruction.of(op, in1, in2, out);
  }

  private static Instruction op(Op op, int in1, int out) {
    return Instruction.of(op, in1, out);
  }

  @Test
  void linearModelWithDeadInstructionsSimplifiesToTheLinearModel() {
    Algorithm padded = algorithm(
        List.of(
            Instruction.noOp(),
            Instruction.scalarConst(3, 0.5), // overwritten by Learn's first write before any read
            Instruction.scalarConst(2, 0.01),
            Instruction.scalarConst(7, 2.0)), // read only by a dead instruction
        List.of(
            op(Op.SCALAR_SUM, 2, 2, 1), // overwritten by the dot product before being read
            op(Op.VECTOR_INNER_PRODUCT, 1, 0, 1),
            op(Op.SCALAR_SIN, 7, 4), // s4 is never read
            Instruction.noOp()),
        List.of(
            op(Op.SCALAR_VECTOR_PRODUCT, 2, 0, 2), // v2 overwritten below before being read
            op(Op.SCALAR_DIFF, 0, 1, 3),
            op(Op.SCALAR_PRODUCT, 2, 3, 3),
            op(Op.SCALAR_VECTOR_PRODUCT, 3, 0, 2),
            op(Op.VECTOR_SUM, 1, 2, 1),
            op(Op.VECTOR_SUM, 1, 2, 3), // v3: nothing reads it
            op(Op.SCALAR_PRODUCT, 0, 3, 5))); // s5: nothing reads it
    Algorithm linear = HandWrittenAlgorithms.linearModel(0.01);

    assertEquals(linear, Simplifier.simplify(padded, SPACE));
    assertEquals(linear, Simplifier.simplify(padded));
    assertEquals(linear, Simplifier.simplify(linear, HandWrittenAlgorithms.LINEAR_MODEL_SPACE));
  }

  @Test
  void neuralNetIsAlreadySimple() {
    Algorithm net = HandWrittenAlgorithms.neuralNet(0.01, 0.1, 0.1);
    assertEquals(net, Simplifier.simplify(net, HandWrittenAlgorithms.NEURAL_NET_SPACE));
  }

  @Test
  void learnWritesReadByTheNextPredictAreKept() {
    Algorithm algorithm = algorithm(
        List.of(),
        List.of(op(Op.SCALAR_ABS, 2, 1)),
        List.of(op(Op.SCALAR_COS, 0, 3), op(Op.SCALAR_SUM, 0, 3, 2)));
    assertEquals(algorithm, Simplifier.simplify(algorithm, SPACE));
  }

  @Test
  void valueWrittenInValidationPredictAndReadByTheNextPredictIsKept() {
    // Training's Learn overwrites s2, so only Predict -> Predict (validation) carries cos(s1).
    Algorithm algorithm = algorithm(
        List.of(),
        List.of(op(Op.SCALAR_ABS, 2, 1), op(Op.SCALAR_COS, 1, 2)),
        List.of(op(Op.SCALAR_SIN, 0, 2)));
    assertEquals(algorithm, Simplifier.simplify(algorithm, SPACE));
  }

  @Test
  void predictWriteOverwrittenByEveryFollowerIsRemoved() {
    // Both Learn and Predict overwrite s2 before reading it, so Predict's write of s2 is dead.
    Algorithm algorithm = algorithm(
        List.of(),
        List.of(op(Op.SCALAR_SIN, 0, 2), op(Op.SCALAR_ABS, 2, 1), op(Op.SCALAR_COS, 1, 2)),
        List.of(op(Op.SCALAR_SIN, 0, 2)));
    Algorithm expected = algorithm(
        List.of(),
        List.of(op(Op.SCALAR_SIN, 0, 2), op(Op.SCALAR_ABS, 2, 1)),
        List.of());
    assertEquals(expected, Simplifier.simplify(algorithm, SPACE));
  }

  @Test
  void partialConstantWritesAreKeptWhenTheVectorIsLive() {
    Algorithm algorithm = algorithm(
        List.of(
            Instruction.vectorConst(1, 0.3f, 0.5f),
            Instruction.vectorConst(1, 0.7f, -0.25f),
            Instruction.matrixConst(0, 0.1f, 0.6f, 2f),
            Instruction.matrixConst(0, 0.6f, 0.1f, 3f)),
        List.of(op(Op.MATRIX_VECTOR_PRODUCT, 0, 1, 2), op(Op.VECTOR_INNER_PRODUCT, 2, 0, 1)),
        List.of());
    assertEquals(algorithm, Simplifier.simplify(algorithm, SPACE));
  }

  @Test
  void partialConstantWritesBeforeAFullWriteAreRemoved() {
    Algorithm algorithm = algorithm(
        List.of(
            Instruction.vectorConst(1, 0.3f, 0.5f), // then v1 is fully overwritten
            Instruction.scalarConst(2, 0.25),
            op(Op.SCALAR_BROADCAST, 2, 1),
            Instruction.vectorConst(1, 0.7f, -0.25f), // on top of the broadcast: kept
            Instruction.vectorConst(3, 0.7f, -0.25f)), // v3 is dead
        List.of(op(Op.VECTOR_INNER_PRODUCT, 1, 0, 1)),
        List.of());
    Algorithm expected = algorithm(
        List.of(
            Instruction.scalarConst(2, 0.25),
            op(Op.SCALAR_BROADCAST, 2, 1),
            Instruction.vectorConst(1, 0.7f, -0.25f)),
        List.of(op(Op.VECTOR_INNER_PRODUCT, 1, 0, 1)),
        List.of());
    assertEquals(expected, Simplifier.simplify(algorithm, SPACE));
  }

  @Test
  void everyStochasticOpIsKeptWhenOneIsLive() {
    Instruction liveDraw = Instruction.randomSet(Op.VECTOR_GAUSSIAN_SET, 1, 0f, 0.5f);
    Instruction deadDraw = Instruction.randomSet(Op.SCALAR_UNIFORM_SET, 3, -1f, 1f);
    Instruction deadMatrixDraw = Instruction.randomSet(Op.MATRIX_GAUSSIAN_SET, 0, 0f, 1f);
    Instruction deadLearnDraw = Instruction.randomSet(Op.VECTOR_UNIFORM_SET, 4, 0f, 1f);
    Algorithm algorithm = algorithm(
        List.of(deadDraw, liveDraw, deadMatrixDraw, op(Op.SCALAR_COS, 3, 5)),
        List.of(op(Op.VECTOR_INNER_PRODUCT, 1, 0, 1)),
        List.of(deadLearnDraw));
    Algorithm expected = algorithm(
        List.of(deadDraw, liveDraw, deadMatrixDraw),
        List.of(op(Op.VECTOR_INNER_PRODUCT, 1, 0, 1)),
        List.of(deadLearnDraw));
    assertEquals(expected, Simplifier.simplify(algorithm, SPACE));
  }

  @Test
  void stochasticOpsGoWhenNoneIsLive() {
    Algorithm algorithm = algorithm(
        List.of(Instruction.randomSet(Op.VECTOR_GAUSSIAN_SET, 1, 0f, 0.5f), Instruction.scalarConst(2, 0.5)),
        List.of(op(Op.SCALAR_SIN, 2, 1)),
        List.of(Instruction.randomSet(Op.SCALAR_GAUSSIAN_SET, 3, 0f, 1f)));
    Algorithm expected = algorithm(
        List.of(Instruction.scalarConst(2, 0.5)),
        List.of(op(Op.SCALAR_SIN, 2, 1)),
        List.of());
    assertEquals(expected, Simplifier.simplify(algorithm, SPACE));
  }

  @Test
  void everythingGoesWhenNothingReachesThePrediction() {
    Algorithm algorithm = algorithm(
        List.of(Instruction.scalarConst(2, 0.5), Instruction.noOp()),
        List.of(op(Op.SCALAR_SIN, 2, 3)),
        List.of(op(Op.SCALAR_SUM, 0, 3, 2)));
    assertEquals(Algorithm.noOp(0, 0, 0), Simplifier.simplify(algorithm, SPACE));
  }

  @Test
  void instructionsOutsideTheSpaceAreRejected() {
    Algorithm algorithm = algorithm(List.of(), List.of(op(Op.SCALAR_SIN, 9, 1)), List.of());
    assertThrows(IllegalArgumentException.class, () -> Simplifier.simplify(algorithm, new AddressSpace(4, 3, 1)));
  }
}
