package org.automlzero.search;

import java.util.List;
import org.automlzero.program.AddressSpace;
import org.automlzero.program.Algorithm;
import org.automlzero.program.ComponentFunction;
import org.automlzero.program.HandWrittenAlgorithms;
import org.automlzero.program.Instruction;
import org.automlzero.program.Op;
import org.automlzero.random.Rng;

/** Shared configurations and a cheap synthetic fitness for the search tests. */
final class Fixtures {
  /** The demo's ops ({@code run_demo.sh}). */
  static final List<Op> DEMO_OPS = List.of(
      Op.SCALAR_CONST_SET, Op.VECTOR_INNER_PRODUCT, Op.SCALAR_DIFF,
      Op.SCALAR_PRODUCT, Op.SCALAR_VECTOR_PRODUCT, Op.VECTOR_SUM);
  static final ComponentSizes DEMO_SIZES = new ComponentSizes(10, 2, 8);
  static final AddressSpace SPACE = AddressSpace.DEMO;
  static final ComponentOps OPS = ComponentOps.all(DEMO_OPS);

  /** The linear model the synthetic fitness rewards, padded to the demo sizes. */
  static final Algorithm TARGET = HandWrittenAlgorithms.padded(
      HandWrittenAlgorithms.linearModel(0.01), DEMO_SIZES.setup(), DEMO_SIZES.predict(), DEMO_SIZES.learn());

  private Fixtures() {}

  /** The demo's mutator: ALTER_PARAM, RANDOMIZE_INSTRUCTION, RANDOMIZE_COMPONENT_FUNCTION, p = 0.9. */
  static Mutator demoMutator() {
    return new Mutator(
        List.of(MutationAction.ALTER_PARAM, MutationAction.RANDOMIZE_INSTRUCTION,
            MutationAction.RANDOMIZE_COMPONENT_FUNCTION),
        0.9, OPS, DEMO_SIZES, DEMO_SIZES, SPACE);
  }

  static InitialAlgorithms randomInit() {
    return InitialAlgorithms.of(InitialAlgorithm.RANDOM_ALGORITHM, DEMO_SIZES, OPS, SPACE);
  }

  /**
   * A stand-in for the evaluator: how much of the target's non-NO_OP instructions the algorithm
   * has at the same places (a point for the op, and if it matches, a point for each equal address),
   * plus a little noise from the evaluation seed (like an algorithm with random ops), so a search
   * that mishandled evaluation seeds would not repeat itself. In [0, 1].
   */
  static double syntheticFitness(Algorithm algorithm, long seed) {
    int score = 0;
    int max = 0;
    for (ComponentFunction function : ComponentFunction.values()) {
      List<Instruction> target = TARGET.component(function);
      List<Instruction> actual = algorithm.component(function);
      for (int i = 0; i < target.size(); i++) {
        Instruction t = target.get(i);
        if (t.op() == Op.NO_OP) {
          continue;
        }
        max += 4;
        if (i < actual.size() && actual.get(i).op() == t.op()) {
          Instruction a = actual.get(i);
          score += 1 + (a.in1() == t.in1() ? 1 : 0) + (a.in2() == t.in2() ? 1 : 0) + (a.out() == t.out() ? 1 : 0);
        }
      }
    }
    return (score + 1e-3 * new Rng(seed).nextDouble()) / (max + 1);
  }
}
