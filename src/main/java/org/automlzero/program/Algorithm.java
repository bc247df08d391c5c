package org.automlzero.program;

import java.util.List;
import java.util.Objects;

/**
 * A candidate learning algorithm: the three component functions Setup, Predict and Learn, each a
 * list of instructions (reference {@code algorithm.h}). Immutable; instructions are shared between
 * an algorithm and its mutated children, as in the reference.
 *
 * <p>Equality is instruction-wise, with the constant tolerance of {@link Instruction#equals}.
 */
public record Algorithm(List<Instruction> setup, List<Instruction> predict, List<Instruction> learn) {

  public Algorithm {
    setup = List.copyOf(Objects.requireNonNull(setup, "setup"));
    predict = List.copyOf(Objects.requireNonNull(predict, "predict"));
    learn = List.copyOf(Objects.requireNonNull(learn, "learn"));
  }

  /** Every function filled with NO_OPs (the reference's NO_OP_ALGORITHM). */
  public static Algorithm noOp(int setupSize, int predictSize, int learnSize) {
    return new Algorithm(
        java.util.Collections.nCopies(setupSize, Instruction.noOp()),
        java.util.Collections.nCopies(predictSize, Instruction.noOp()),
        java.util.Collections.nCopies(learnSize, Instruction.noOp()));
  }

  /** The instructions of {@code function}. */
  public List<Instruction> component(ComponentFunction function) {
    return switch (function) {
      case SETUP -> setup;
      case PREDICT -> predict;
      case LEARN -> learn;
    };
  }

  /** A copy with {@code function} replaced; the other two lists are shared. */
  public Algorithm withComponent(ComponentFunction function, List<Instruction> instructions) {
    return switch (function) {
      case SETUP -> new Algorithm(instructions, predict, learn);
      case PREDICT -> new Algorithm(setup, instructions, learn);
      case LEARN -> new Algorithm(setup, predict, instructions);
    };
  }

  /** The number of instructions in all three functions. */
  public int size() {
    return setup.size() + predict.size() + learn.size();
  }

  /** Throws {@link IllegalArgumentException} when an instruction does not fit {@code space}. */
  public void check(AddressSpace space) {
    for (ComponentFunction function : ComponentFunction.ALL) {
      List<Instruction> instructions = component(function);
      for (int i = 0; i < instructions.size(); i++) {
        try {
          space.check(instructions.get(i));
        } catch (IllegalArgumentException e) {
          throw new IllegalArgumentException(function.title() + " instruction " + i + ": " + e.getMessage(), e);
        }
      }
    }
  }
}
