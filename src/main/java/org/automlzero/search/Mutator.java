package org.automlzero.search;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.random.RandomGenerator;
import org.automlzero.program.AddressSpace;
import org.automlzero.program.Algorithm;
import org.automlzero.program.ComponentFunction;
import org.automlzero.program.Instruction;
import org.automlzero.program.InstructionRandomizer;
import org.automlzero.program.Op;

/**
 * The reference's mutator ({@code mutator.cc}, semantics section 5). Immutable and thread-safe;
 * the generator is an argument of {@link #mutate}. Children share every unchanged instruction
 * (and every unchanged function) with their parent.
 *
 * <p>With probability {@code mutateProbability} one action is drawn uniformly from {@code actions}
 * (duplicates weigh) and applied; otherwise the child is the parent. A probability of 1 draws no
 * number for this choice, as in the reference. Actions that work on one function pick it uniformly
 * among the functions with a non-empty op list. ALTER_PARAM and RANDOMIZE_INSTRUCTION change one
 * uniformly chosen instruction and do nothing to an empty function; RANDOMIZE_COMPONENT_FUNCTION
 * replaces every instruction of the function, keeping its size; INSERT_INSTRUCTION does nothing
 * when the size is at least {@code max - 1} (so the effective maximum is {@code max - 1}, as in
 * the reference), else inserts a random instruction at a uniform position in [0, size];
 * REMOVE_INSTRUCTION does nothing when the size is at most {@code min}, else removes at a uniform
 * position; TRADE_INSTRUCTION inserts as INSERT does and then removes at a uniform position of the
 * lengthened function, with no size checks (so it keeps the size); RANDOMIZE_ALGORITHM replaces
 * every instruction of every function with allowed ops. The order of random draws within each
 * action follows the reference (for INSERT and TRADE: op, position, parameters).
 *
 * <p>The reference's {@code Mutate(0)} (no mutation, but one probability draw) is not provided:
 * the Java streams cannot match the reference's anyway, so spending a draw buys nothing.
 */
public record Mutator(
    List<MutationAction> actions,
    double mutateProbability,
    ComponentOps ops,
    ComponentSizes minSizes,
    ComponentSizes maxSizes,
    AddressSpace space) {

  /** The reference's default {@code mutate_prob}. */
  public static final double DEFAULT_MUTATE_PROBABILITY = 0.9;

  private static final EnumSet<MutationAction> WHOLE_ALGORITHM_ACTIONS =
      EnumSet.of(MutationAction.IDENTITY, MutationAction.RANDOMIZE_ALGORITHM);

  public Mutator {
    actions = List.copyOf(Objects.requireNonNull(actions, "actions"));
    Objects.requireNonNull(ops, "ops");
    Objects.requireNonNull(minSizes, "minSizes");
    Objects.requireNonNull(maxSizes, "maxSizes");
    Objects.requireNonNull(space, "space");
    if (actions.isEmpty()) {
      throw new IllegalArgumentException("actions is empty; list at least one mutation action");
    }
    if (!(mutateProbability >= 0 && mutateProbability <= 1)) {
      throw new IllegalArgumentException("mutateProbability is " + mutateProbability + ", must be in [0, 1]");
    }
    ops.check(space);
    for (ComponentFunction function : ComponentFunction.ALL) {
      if (minSizes.of(function) > maxSizes.of(function)) {
        throw new IllegalArgumentException(function.title() + " min size " + minSizes.of(function)
            + " is above its max size " + maxSizes.of(function));
      }
    }
    boolean picksFunction = actions.stream().anyMatch(a -> !WHOLE_ALGORITHM_ACTIONS.contains(a));
    if (picksFunction && ops.evolvable().isEmpty()) {
      throw new IllegalArgumentException(
          "every op list is empty, so no function can be mutated by " + actions);
    }
  }

  /** One mutation of {@code parent} (the reference's {@code Mutate(1, ...)}), and what it did. */
  public Mutation mutate(Algorithm parent, RandomGenerator rng) {
    if (mutateProbability < 1 && !(rng.nextDouble() < mutateProbability)) {
      return Mutation.copy(parent);
    }
    MutationAction action = actions.get(rng.nextInt(actions.size()));
    return switch (action) {
      case ALTER_PARAM, RANDOMIZE_INSTRUCTION -> replaceOne(parent, action, rng);
      case RANDOMIZE_COMPONENT_FUNCTION -> randomizeFunction(parent, rng);
      case IDENTITY -> new Mutation(parent, action, null, -1, -1);
      case INSERT_INSTRUCTION -> insert(parent, rng);
      case REMOVE_INSTRUCTION -> remove(parent, rng);
      case TRADE_INSTRUCTION -> trade(parent, rng);
      case RANDOMIZE_ALGORITHM ->
          new Mutation(Randomizer.everyFunction(parent, ops, space, rng), action, null, -1, -1);
    };
  }

  private Mutation replaceOne(Algorithm parent, MutationAction action, RandomGenerator rng) {
    ComponentFunction function = randomFunction(rng);
    List<Instruction> instructions = parent.component(function);
    if (instructions.isEmpty()) {
      return new Mutation(parent, action, function, -1, -1);
    }
    int position = rng.nextInt(instructions.size());
    Instruction replacement = action == MutationAction.ALTER_PARAM
        ? InstructionRandomizer.alterParam(instructions.get(position), space, rng)
        : Randomizer.instruction(ops.of(function), space, rng);
    List<Instruction> changed = new ArrayList<>(instructions);
    changed.set(position, replacement);
    return new Mutation(parent.withComponent(function, changed), action, function, position, -1);
  }

  private Mutation randomizeFunction(Algorithm parent, RandomGenerator rng) {
    ComponentFunction function = randomFunction(rng);
    int size = parent.component(function).size();
    Algorithm child = parent.withComponent(function, Randomizer.function(ops.of(function), size, space, rng));
    return new Mutation(child, MutationAction.RANDOMIZE_COMPONENT_FUNCTION, function, -1, -1);
  }

  private Mutation insert(Algorithm parent, RandomGenerator rng) {
    ComponentFunction function = randomFunction(rng);
    List<Instruction> instructions = parent.component(function);
    if (instructions.size() >= maxSizes.of(function) - 1) {
      return new Mutation(parent, MutationAction.INSERT_INSTRUCTION, function, -1, -1);
    }
    List<Instruction> changed = new ArrayList<>(instructions.size() + 1);
    changed.addAll(instructions);
    int position = insertRandom(function, changed, rng);
    return new Mutation(parent.withComponent(function, changed), MutationAction.INSERT_INSTRUCTION, function, position, -1);
  }

  private Mutation remove(Algorithm parent, RandomGenerator rng) {
    ComponentFunction function = randomFunction(rng);
    List<Instruction> instructions = parent.component(function);
    if (instructions.size() <= minSizes.of(function)) {
      return new Mutation(parent, MutationAction.REMOVE_INSTRUCTION, function, -1, -1);
    }
    List<Instruction> changed = new ArrayList<>(instructions);
    int position = rng.nextInt(changed.size());
    changed.remove(position);
    return new Mutation(parent.withComponent(function, changed), MutationAction.REMOVE_INSTRUCTION, function, position, -1);
  }

  private Mutation trade(Algorithm parent, RandomGenerator rng) {
    ComponentFunction function = randomFunction(rng);
    List<Instruction> changed = new ArrayList<>(parent.component(function).size() + 1);
    changed.addAll(parent.component(function));
    int inserted = insertRandom(function, changed, rng);
    int removed = rng.nextInt(changed.size());
    changed.remove(removed);
    return new Mutation(parent.withComponent(function, changed), MutationAction.TRADE_INSTRUCTION, function, inserted, removed);
  }

  /** Inserts a random instruction at a uniform position of [0, size]; draws op, position, params. */
  private int insertRandom(ComponentFunction function, List<Instruction> instructions, RandomGenerator rng) {
    List<Op> allowed = ops.of(function);
    Op op = allowed.get(rng.nextInt(allowed.size()));
    int position = rng.nextInt(instructions.size() + 1);
    instructions.add(position, InstructionRandomizer.random(op, space, rng));
    return position;
  }

  private ComponentFunction randomFunction(RandomGenerator rng) {
    List<ComponentFunction> functions = ops.evolvable();
    return functions.get(rng.nextInt(functions.size()));
  }
}
