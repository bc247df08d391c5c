package org.automlzero.search;

import java.util.Objects;
import org.automlzero.program.Algorithm;
import org.automlzero.program.ComponentFunction;

/**
 * What {@link Mutator#mutate} made and how: the child and the action applied, for lineage.
 * Immutable.
 *
 * <p>{@code action} is null when the mutation probability chose an unchanged copy (the reference
 * draws no action then). {@code component} is null for actions that do not pick one (IDENTITY,
 * RANDOMIZE_ALGORITHM). {@code position} is the index altered, randomised, inserted or removed,
 * or -1 when the action did not touch one (whole-function actions, or an action the size bounds
 * or an empty function turned into no change). {@code removedPosition} is used by TRADE only: the
 * index removed after the insertion at {@code position}, counted in the lengthened function.
 */
public record Mutation(
    Algorithm child, MutationAction action, ComponentFunction component, int position, int removedPosition) {

  public Mutation {
    Objects.requireNonNull(child, "child");
    if (position < -1 || removedPosition < -1) {
      throw new IllegalArgumentException("positions must be >= -1, got " + position + " and " + removedPosition);
    }
    boolean needsComponent = action != null
        && action != MutationAction.IDENTITY
        && action != MutationAction.RANDOMIZE_ALGORITHM;
    if (needsComponent != (component != null)) {
      throw new IllegalArgumentException(
          action + (needsComponent ? " needs a component function" : " takes no component function"));
    }
    if (removedPosition != -1 && action != MutationAction.TRADE_INSTRUCTION) {
      throw new IllegalArgumentException("only TRADE_INSTRUCTION removes at a second position, not " + action);
    }
  }

  /** The parent itself, not mutated (the mutation probability chose a copy). */
  public static Mutation copy(Algorithm parent) {
    return new Mutation(parent, null, null, -1, -1);
  }

  /** True when the mutation probability chose to mutate (even if the action changed nothing). */
  public boolean mutated() {
    return action != null;
  }

  /**
   * A short description for lineage, such as {@code ALTER_PARAM learn[3]},
   * {@code TRADE_INSTRUCTION setup[+2,-5]}, {@code INSERT_INSTRUCTION predict[-]} (no change:
   * the function was full) or {@code COPY} (not mutated).
   */
  public String description() {
    if (action == null) {
      return "COPY";
    }
    if (component == null) {
      return action.name();
    }
    String function = component.key();
    return switch (action) {
      case RANDOMIZE_COMPONENT_FUNCTION -> action.name() + " " + function;
      case TRADE_INSTRUCTION -> action.name() + " " + function + "[+" + position + ",-" + removedPosition + "]";
      default -> action.name() + " " + function + "[" + (position < 0 ? "-" : Integer.toString(position)) + "]";
    };
  }

  @Override
  public String toString() {
    return description();
  }
}
