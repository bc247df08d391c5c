package org.automlzero.search;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.automlzero.program.AddressSpace;
import org.automlzero.program.ComponentFunction;
import org.automlzero.program.Op;

/**
 * The ops each component function may be given ({@code setup_ops}, {@code predict_ops},
 * {@code learn_ops} of the reference). Immutable. Lists, not sets: an op listed twice is drawn
 * twice as often, as in the reference. A function with an empty list is never randomised or
 * mutated.
 */
public record ComponentOps(List<Op> setup, List<Op> predict, List<Op> learn) {

  public ComponentOps {
    setup = List.copyOf(Objects.requireNonNull(setup, "setup"));
    predict = List.copyOf(Objects.requireNonNull(predict, "predict"));
    learn = List.copyOf(Objects.requireNonNull(learn, "learn"));
  }

  /** The same ops for all three functions. */
  public static ComponentOps all(List<Op> ops) {
    return new ComponentOps(ops, ops, ops);
  }

  /** The allowed ops of {@code function}. */
  public List<Op> of(ComponentFunction function) {
    return switch (function) {
      case SETUP -> setup;
      case PREDICT -> predict;
      case LEARN -> learn;
    };
  }

  /** The functions with a non-empty op list, in Setup, Predict, Learn order. */
  public List<ComponentFunction> evolvable() {
    return EVOLVABLE.get((setup.isEmpty() ? 0 : 1) | (predict.isEmpty() ? 0 : 2) | (learn.isEmpty() ? 0 : 4));
  }

  /** {@link #evolvable()} for each set of non-empty lists (bit 0 Setup, 1 Predict, 2 Learn): no allocation per call. */
  private static final List<List<ComponentFunction>> EVOLVABLE = evolvableByMask();

  private static List<List<ComponentFunction>> evolvableByMask() {
    List<List<ComponentFunction>> byMask = new ArrayList<>(8);
    for (int mask = 0; mask < 8; mask++) {
      List<ComponentFunction> functions = new ArrayList<>(3);
      for (ComponentFunction function : ComponentFunction.ALL) {
        if ((mask & (1 << function.ordinal())) != 0) {
          functions.add(function);
        }
      }
      byMask.add(List.copyOf(functions));
    }
    return List.copyOf(byMask);
  }

  /** Throws {@link IllegalArgumentException} naming the first op that does not fit {@code space}. */
  public void check(AddressSpace space) {
    for (ComponentFunction function : ComponentFunction.ALL) {
      for (Op op : of(function)) {
        if (!space.supports(op)) {
          throw new IllegalArgumentException(
              function.title() + " op " + op + " does not fit the address space " + space);
        }
      }
    }
  }
}
