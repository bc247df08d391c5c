package org.automlzero.program;

import static org.automlzero.program.ComponentFunction.LEARN;
import static org.automlzero.program.ComponentFunction.PREDICT;
import static org.automlzero.program.ComponentFunction.SETUP;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The liveness rules one at a time, read through {@link Liveness#isLive}. */
class LivenessTest {
  private static final AddressSpace SPACE = new AddressSpace(8, 4, 2);

  private static Instruction op(Op op, int in1, int out) {
    return Instruction.of(op, in1, out);
  }

  @Test
  void fixpointFollowsAValueThroughSeveralLearnSteps() {
    // s4 reaches the prediction only three Learn steps after it is written.
    Algorithm algorithm = new Algorithm(
        List.of(),
        List.of(op(Op.SCALAR_ABS, 2, 1)),
        List.of(op(Op.SCALAR_ABS, 3, 2), op(Op.SCALAR_ABS, 4, 3), op(Op.SCALAR_SIN, 0, 4)));
    Liveness liveness = new Liveness().analyze(algorithm, SPACE);
    for (int i = 0; i < 3; i++) {
      assertTrue(liveness.isLive(LEARN, i), "learn " + i);
    }
    assertEquals(4, liveness.liveCount());
  }

  @Test
  void predictionWrittenOnlyInSetupIsObserved() {
    Algorithm algorithm = new Algorithm(List.of(Instruction.scalarConst(1, 0.7)), List.of(), List.of());
    assertTrue(new Liveness().analyze(algorithm, SPACE).isLive(SETUP, 0));
  }

  @Test
  void learnWriteOfThePredictionIsDeadWhenPredictOverwritesItFirst() {
    Algorithm algorithm = new Algorithm(
        List.of(),
        List.of(op(Op.SCALAR_COS, 2, 1)),
        List.of(op(Op.SCALAR_SIN, 0, 1)));
    Liveness liveness = new Liveness().analyze(algorithm, SPACE);
    assertTrue(liveness.isLive(PREDICT, 0));
    assertFalse(liveness.isLive(LEARN, 0));
  }

  @Test
  void learnWriteOfThePredictionIsLiveWhenPredictReadsIt() {
    // s1 = s1 + s2: Predict reads the s1 that Learn left (after its sigmoid in accuracy tasks).
    Algorithm algorithm = new Algorithm(
        List.of(),
        List.of(Instruction.of(Op.SCALAR_SUM, 1, 2, 1)),
        List.of(op(Op.SCALAR_SIN, 0, 1)));
    assertTrue(new Liveness().analyze(algorithm, SPACE).isLive(LEARN, 0));
  }

  @Test
  void deadInstructionsMakeNothingLive() {
    // s3 feeds only s4, which nothing reads: both are dead (strong liveness).
    Algorithm algorithm = new Algorithm(
        List.of(Instruction.scalarConst(3, 0.5)),
        List.of(op(Op.SCALAR_SIN, 3, 4), op(Op.SCALAR_COS, 0, 1)),
        List.of());
    Liveness liveness = new Liveness().analyze(algorithm, SPACE);
    assertFalse(liveness.isLive(SETUP, 0));
    assertFalse(liveness.isLive(PREDICT, 0));
    assertTrue(liveness.isLive(PREDICT, 1));
  }

  @Test
  void matrixZeroIsAnOrdinaryAddress() {
    Algorithm algorithm = new Algorithm(
        List.of(Instruction.randomSet(Op.MATRIX_GAUSSIAN_SET, 0, 0f, 1f)),
        List.of(Instruction.of(Op.MATRIX_VECTOR_PRODUCT, 0, 0, 1), op(Op.VECTOR_MEAN, 1, 1)),
        List.of());
    Liveness liveness = new Liveness().analyze(algorithm, SPACE);
    assertTrue(liveness.isLive(SETUP, 0));
    assertEquals(3, liveness.liveCount());
  }

  @Test
  void keepAlwaysKeepsDeadDraws() {
    Algorithm algorithm = new Algorithm(
        List.of(Instruction.randomSet(Op.SCALAR_GAUSSIAN_SET, 3, 0f, 1f)),
        List.of(op(Op.SCALAR_COS, 0, 1)),
        List.of(Instruction.randomSet(Op.VECTOR_UNIFORM_SET, 2, 0f, 1f)));
    assertFalse(new Liveness().analyze(algorithm, SPACE).isLive(SETUP, 0));
    Liveness always = new Liveness(Liveness.StochasticOps.KEEP_ALWAYS).analyze(algorithm, SPACE);
    assertTrue(always.isLive(SETUP, 0));
    assertTrue(always.isLive(LEARN, 0));
    assertEquals(3, always.liveCount());
  }

  @Test
  void reanalysingTheSameAlgorithmReusesTheResult() {
    Algorithm first = HandWrittenAlgorithms.linearModel(0.01);
    Algorithm second = new Algorithm(List.of(Instruction.scalarConst(2, 1)), List.of(), List.of());
    Liveness liveness = new Liveness();
    assertSame(liveness, liveness.analyze(first, SPACE));
    assertEquals(6, liveness.liveCount());
    assertEquals(0, liveness.analyze(second, SPACE).liveCount());
    assertEquals(6, liveness.analyze(first, SPACE).liveCount());
    assertEquals(6, liveness.analyze(first, SPACE).liveCount());
  }

  @Test
  void aBufferGrownByALargeAlgorithmServesASmallOne() {
    Liveness liveness = new Liveness();
    liveness.analyze(HandWrittenAlgorithms.neuralNet(), AddressSpace.DEFAULT);
    liveness.analyze(HandWrittenAlgorithms.linearModel(0.01), HandWrittenAlgorithms.LINEAR_MODEL_SPACE);
    assertEquals(6, liveness.liveCount());
    assertThrows(IndexOutOfBoundsException.class, () -> liveness.isLive(PREDICT, 1));
  }

  @Test
  void addressesBeyondSixtyFourBitsAreTracked() {
    AddressSpace wide = new AddressSpace(70, 70, 70);
    Algorithm algorithm = new Algorithm(
        List.of(Instruction.scalarConst(69, 0.5), Instruction.randomSet(Op.MATRIX_UNIFORM_SET, 69, 0f, 1f)),
        List.of(Instruction.of(Op.SCALAR_MATRIX_PRODUCT, 69, 69, 68), op(Op.MATRIX_MEAN, 68, 1)),
        List.of());
    assertEquals(4, new Liveness().analyze(algorithm, wide).liveCount());
  }

  @Test
  void writesToTheLabelAreRejected() {
    Algorithm algorithm = new Algorithm(List.of(), List.of(op(Op.SCALAR_SIN, 2, 0)), List.of());
    assertThrows(IllegalArgumentException.class, () -> new Liveness().analyze(algorithm, SPACE));
  }
}
