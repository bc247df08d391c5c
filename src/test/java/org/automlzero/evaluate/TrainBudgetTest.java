package org.automlzero.evaluate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.automlzero.program.Algorithm;
import org.automlzero.program.Instruction;
import org.automlzero.program.Op;
import org.junit.jupiter.api.Test;

class TrainBudgetTest {
  private static final Instruction DOT = Instruction.of(Op.VECTOR_INNER_PRODUCT, 1, 0, 1);
  private static final Instruction MATVEC = Instruction.of(Op.MATRIX_VECTOR_PRODUCT, 0, 0, 1);

  private static Algorithm predicting(Instruction... predict) {
    return new Algorithm(List.of(), List.of(predict), List.of());
  }

  @Test
  void anAlgorithmAsCheapAsTheBaselineGetsAllItsExamples() {
    TrainBudget budget = new TrainBudget(predicting(DOT), 2.0);
    assertEquals(1000, budget.trainExamples(predicting(DOT), 1000));
  }

  @Test
  void anAlgorithmUpToTheFactorTimesTheBaselineCostIsAccepted() {
    TrainBudget budget = new TrainBudget(predicting(DOT), 2.0);
    assertEquals(1000, budget.trainExamples(predicting(DOT, DOT), 1000));
  }

  @Test
  void anAlgorithmBeyondTheFactorGetsNoExamples() {
    TrainBudget budget = new TrainBudget(predicting(DOT), 2.0);
    // MATRIX_VECTOR_PRODUCT alone costs 9310002 against 2 x 4294617 for the baseline.
    assertEquals(0, budget.trainExamples(predicting(MATVEC), 1000));
    assertEquals(1000, new TrainBudget(predicting(DOT), 2.2).trainExamples(predicting(MATVEC), 1000));
  }

  @Test
  void setupCostCountsOnceNotPerExample() {
    TrainBudget budget = new TrainBudget(predicting(DOT), 2.0);
    Instruction gaussian = Instruction.randomSet(Op.MATRIX_GAUSSIAN_SET, 0, 0f, 0.1f);
    Algorithm withCostlySetup = new Algorithm(List.of(gaussian), List.of(DOT), List.of());
    // 277690384 once is too much for 10 examples but amortised over a million.
    assertEquals(0, budget.trainExamples(withCostlySetup, 10));
    assertEquals(1_000_000, budget.trainExamples(withCostlySetup, 1_000_000));
  }

  @Test
  void anAlgorithmWithEmptyPredictAndLearnIsRefused() {
    TrainBudget budget = new TrainBudget(predicting(DOT), 2.0);
    assertThrows(IllegalArgumentException.class,
        () -> budget.trainExamples(new Algorithm(List.of(DOT), List.of(), List.of()), 100));
  }

  @Test
  void everyOpHasACost() {
    for (Op op : Op.values()) {
      assertEquals(true, ComputeCost.of(op) > 0, op.name());
    }
    assertEquals(4294617.0, ComputeCost.of(Op.VECTOR_INNER_PRODUCT));
    assertEquals(ComputeCost.of(Op.VECTOR_MAX), ComputeCost.of(Op.VECTOR_RELU));
  }
}
