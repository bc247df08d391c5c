package org.automlzero.execute;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.automlzero.program.AddressSpace;
import org.automlzero.program.Algorithm;
import org.automlzero.program.ComponentFunction;
import org.automlzero.program.HandWrittenAlgorithms;
import org.automlzero.program.Instruction;
import org.automlzero.program.Liveness;
import org.automlzero.program.Op;
import org.junit.jupiter.api.Test;

/** A compiled program's identity: what the cache's probe memo finds programs by. */
class CompiledAlgorithmTest {
  private static final AddressSpace SPACE = AddressSpace.DEMO;

  /** The reference's linear model with one more Learn instruction at the end. */
  private static Algorithm linear(double learningRate, Instruction lastLearn) {
    Algorithm model = HandWrittenAlgorithms.linearModel(learningRate);
    List<Instruction> learn = new ArrayList<>(model.learn());
    learn.add(lastLearn);
    return model.withComponent(ComponentFunction.LEARN, learn);
  }

  private static CompiledAlgorithm compile(Algorithm algorithm) {
    return new CompiledAlgorithm().compile(algorithm, SPACE, 4, new Liveness(Liveness.StochasticOps.KEEP_ALWAYS));
  }

  @Test
  void programsThatDifferInDeadCodeOnlyAreTheSameProgram() {
    // The last Learn instruction writes s3, which no Predict reads and the next Learn overwrites
    // before reading it: dead, so not compiled, whatever it computes.
    CompiledAlgorithm a = compile(linear(0.01, Instruction.of(Op.SCALAR_PRODUCT, 3, 3, 3)));
    CompiledAlgorithm b = compile(linear(0.01, Instruction.of(Op.SCALAR_DIFF, 1, 0, 3)));
    assertEquals(a.length(), b.length());
    assertEquals(a.fingerprint(), b.fingerprint());
    assertTrue(a.sameProgram(b));
    assertTrue(b.sameProgram(a));
  }

  @Test
  void aChangedLiveConstantOrInstructionIsAnotherProgram() {
    CompiledAlgorithm a = compile(linear(0.01, Instruction.of(Op.SCALAR_PRODUCT, 3, 3, 3)));
    CompiledAlgorithm rate = compile(linear(0.02, Instruction.of(Op.SCALAR_PRODUCT, 3, 3, 3)));
    assertNotEquals(a.fingerprint(), rate.fingerprint());
    assertFalse(a.sameProgram(rate));
    CompiledAlgorithm negativeZero = compile(linear(-0.0, Instruction.of(Op.SCALAR_PRODUCT, 3, 3, 3)));
    CompiledAlgorithm zero = compile(linear(0.0, Instruction.of(Op.SCALAR_PRODUCT, 3, 3, 3)));
    assertFalse(zero.sameProgram(negativeZero), "constants compare to the bit");
    Algorithm linear = HandWrittenAlgorithms.linearModel(0.01);
    List<Instruction> learn = new ArrayList<>(linear.learn());
    learn.set(0, Instruction.of(Op.SCALAR_SUM, 0, 1, 3));
    CompiledAlgorithm otherOp = compile(linear.withComponent(ComponentFunction.LEARN, learn));
    assertFalse(a.sameProgram(otherOp));
  }

  @Test
  void aCopyIsTheSameProgramAndStaysSoWhenTheOriginalIsRecompiled() {
    CompiledAlgorithm original = compile(linear(0.01, Instruction.of(Op.SCALAR_PRODUCT, 3, 3, 3)));
    CompiledAlgorithm copy = new CompiledAlgorithm();
    copy.copyFrom(original);
    assertTrue(copy.sameProgram(original));
    assertEquals(original.fingerprint(), copy.fingerprint());
    long before = copy.fingerprint();
    original.compile(linear(0.5, Instruction.of(Op.SCALAR_PRODUCT, 3, 3, 3)), SPACE, 4, null);
    assertFalse(copy.sameProgram(original));
    assertEquals(before, copy.fingerprint());
  }
}
