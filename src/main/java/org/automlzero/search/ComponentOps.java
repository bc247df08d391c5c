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
    List<ComponentFunction> functions = new ArrayList<>(3);
    for (ComponentFunction function : ComponentFunction.values()) {
      if (!of(function).isEmpty()) {
        functions.add(function);
      }
    }
    return List.copyOf(functions);
  }

  /** Throws {@link IllegalArgumentException} naming the first op that does not fit {@code space}. */
  public void check(AddressSpace space) {
    for (ComponentFunction function : ComponentFunction.values()) {
      for (Op op : of(function)) {
        if (!space.supports(op)) {
          throw new IllegalArgumentException(
              function.title() + " op " + op + " does not fit the address space " + space);
        }
      }
    }
  }
}
