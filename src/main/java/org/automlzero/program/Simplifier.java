package org.automlzero.program;

import java.util.ArrayList;
import java.util.List;

/**
 * Removes the instructions that cannot change any prediction (and every NO_OP), as decided by
 * {@link Liveness}, so that a discovered algorithm prints the way the paper shows its programs
 * (Real et al. 2020: the figures list the evolved code after its redundant instructions have been
 * removed by hand). The simplified algorithm gives bit-for-bit the fitness of the original when run
 * from the same generator state on any task (semantics page sections 1 and 4.1); stochastic ops
 * follow {@link Liveness.StochasticOps#KEEP_ALL_IF_ANY_LIVE}. Stateless and thread-safe; meant for
 * reports and printing, not the hot loop (it allocates; the evaluator skips dead code through
 * {@code CompiledAlgorithm} instead).
 */
public final class Simplifier {
  private Simplifier() {}

  /**
   * {@code algorithm} without dead instructions, for the smallest address space holding every
   * address it names (the result does not depend on unused addresses).
   */
  public static Algorithm simplify(Algorithm algorithm) {
    return simplify(algorithm, spaceOf(algorithm));
  }

  /**
   * {@code algorithm} without dead instructions, for memories of {@code space}.
   *
   * @throws IllegalArgumentException when an instruction does not fit {@code space}
   */
  public static Algorithm simplify(Algorithm algorithm, AddressSpace space) {
    Liveness liveness = new Liveness(Liveness.StochasticOps.KEEP_ALL_IF_ANY_LIVE).analyze(algorithm, space);
    return new Algorithm(
        kept(algorithm, ComponentFunction.SETUP, liveness),
        kept(algorithm, ComponentFunction.PREDICT, liveness),
        kept(algorithm, ComponentFunction.LEARN, liveness));
  }

  private static List<Instruction> kept(Algorithm algorithm, ComponentFunction function, Liveness liveness) {
    List<Instruction> instructions = algorithm.component(function);
    List<Instruction> result = new ArrayList<>(instructions.size());
    for (int i = 0; i < instructions.size(); i++) {
      if (liveness.isLive(function, i)) {
        result.add(instructions.get(i));
      }
    }
    return result;
  }

  /** The smallest space that holds s1, v0 and every address {@code algorithm} names. */
  static AddressSpace spaceOf(Algorithm algorithm) {
    int scalars = AddressSpace.PREDICTION_SCALAR + 1;
    int vectors = AddressSpace.FEATURES_VECTOR + 1;
    int matrices = 0;
    for (ComponentFunction function : ComponentFunction.ALL) {
      for (Instruction instruction : algorithm.component(function)) {
        Op op = instruction.op();
        int[] addresses = {instruction.in1(), instruction.in2(), instruction.out()};
        Kind[] kinds = {op.in1(), op.in2(), op.out()};
        for (int k = 0; k < 3; k++) {
          switch (kinds[k]) {
            case SCALAR -> scalars = Math.max(scalars, addresses[k] + 1);
            case VECTOR -> vectors = Math.max(vectors, addresses[k] + 1);
            case MATRIX -> matrices = Math.max(matrices, addresses[k] + 1);
            case NONE -> { }
          }
        }
      }
    }
    return new AddressSpace(scalars, vectors, matrices);
  }
}
