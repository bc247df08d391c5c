package org.automlzero.search;

import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;
import org.automlzero.program.AddressSpace;
import org.automlzero.program.Algorithm;
import org.automlzero.program.ComponentFunction;
import org.automlzero.program.Instruction;
import org.automlzero.program.InstructionRandomizer;
import org.automlzero.program.Op;

/**
 * Random instructions and functions drawn from allowed-op lists (the reference's
 * {@code randomizer.cc}), shared by {@link Mutator} and {@link InitialAlgorithms}. Stateless.
 */
final class Randomizer {
  private Randomizer() {}

  /** An op uniform over {@code ops} (duplicates weigh), then an instruction with fresh params. */
  static Instruction instruction(List<Op> ops, AddressSpace space, RandomGenerator rng) {
    Op op = ops.get(rng.nextInt(ops.size()));
    return InstructionRandomizer.random(op, space, rng);
  }

  /** A function of {@code size} random instructions. */
  static List<Instruction> function(List<Op> ops, int size, AddressSpace space, RandomGenerator rng) {
    List<Instruction> instructions = new ArrayList<>(size);
    for (int i = 0; i < size; i++) {
      instructions.add(instruction(ops, space, rng));
    }
    return instructions;
  }

  /**
   * {@code algorithm} with every instruction of every function that has allowed ops replaced by a
   * random one, sizes kept; functions without allowed ops are shared unchanged.
   */
  static Algorithm everyFunction(Algorithm algorithm, ComponentOps ops, AddressSpace space, RandomGenerator rng) {
    Algorithm result = algorithm;
    for (ComponentFunction function : ops.evolvable()) {
      int size = algorithm.component(function).size();
      result = result.withComponent(function, function(ops.of(function), size, space, rng));
    }
    return result;
  }
}
