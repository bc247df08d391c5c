package org.automlzero.search;

import java.util.Objects;
import java.util.random.RandomGenerator;
import org.automlzero.program.AddressSpace;
import org.automlzero.program.Algorithm;
import org.automlzero.program.HandWrittenAlgorithms;

/**
 * The generator of a population's initial algorithms (the reference's {@code Generator} and its
 * {@code TheInitModel()}). Immutable and thread-safe; the generator is an argument of
 * {@link #create}.
 *
 * <p>Every algorithm has at least the init {@code sizes}: hand-written and given programs are
 * padded at the end of each function with NO_OPs and never truncated. The damaged network is made
 * as the reference makes it: the network is padded first and its first two Setup instructions are
 * then erased, so its Setup has {@code max(3, sizes.setup()) - 2} instructions. RANDOM_ALGORITHM
 * replaces every instruction of a function with a non-empty op list by a random one (op uniform
 * over the list, duplicates weigh); a function with an empty list stays all NO_OPs (semantics
 * section 3; the reference would refuse such a function with a non-zero init size).
 *
 * @param given the program for {@link InitialAlgorithm#GIVEN_ALGORITHM}, null for the others
 */
public record InitialAlgorithms(
    InitialAlgorithm type, Algorithm given, ComponentSizes sizes, ComponentOps ops, AddressSpace space) {

  public InitialAlgorithms {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(sizes, "sizes");
    Objects.requireNonNull(ops, "ops");
    Objects.requireNonNull(space, "space");
    if ((type == InitialAlgorithm.GIVEN_ALGORITHM) != (given != null)) {
      throw new IllegalArgumentException(type == InitialAlgorithm.GIVEN_ALGORITHM
          ? "GIVEN_ALGORITHM needs a program" : type + " takes no given program");
    }
    ops.check(space);
    Algorithm fixed = fixed(type, given, sizes);
    if (fixed != null) {
      try {
        fixed.check(space);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(type + " does not fit the address space: " + e.getMessage(), e);
      }
    }
  }

  /** The generator of a hard-coded type (not {@link InitialAlgorithm#GIVEN_ALGORITHM}). */
  public static InitialAlgorithms of(InitialAlgorithm type, ComponentSizes sizes, ComponentOps ops, AddressSpace space) {
    return new InitialAlgorithms(type, null, sizes, ops, space);
  }

  /** A warm start: every initial algorithm is {@code given}, padded to {@code sizes}. */
  public static InitialAlgorithms warmStart(Algorithm given, ComponentSizes sizes, ComponentOps ops, AddressSpace space) {
    return new InitialAlgorithms(InitialAlgorithm.GIVEN_ALGORITHM, given, sizes, ops, space);
  }

  /** The same sizes, ops and space, generating random algorithms (what random search samples). */
  public InitialAlgorithms asRandom() {
    return new InitialAlgorithms(InitialAlgorithm.RANDOM_ALGORITHM, null, sizes, ops, space);
  }

  /** An initial algorithm; only RANDOM_ALGORITHM draws from {@code rng}. */
  public Algorithm create(RandomGenerator rng) {
    Algorithm noOp = Algorithm.noOp(sizes.setup(), sizes.predict(), sizes.learn());
    return switch (type) {
      case NO_OP_ALGORITHM -> noOp;
      case RANDOM_ALGORITHM -> Randomizer.everyFunction(noOp, ops, space, rng);
      default -> fixed(type, given, sizes);
    };
  }

  private static Algorithm fixed(InitialAlgorithm type, Algorithm given, ComponentSizes sizes) {
    return switch (type) {
      case NO_OP_ALGORITHM, RANDOM_ALGORITHM -> null;
      case LINEAR_ALGORITHM -> pad(HandWrittenAlgorithms.linearModel(HandWrittenAlgorithms.DEFAULT_LEARNING_RATE), sizes);
      case NEURAL_NET_ALGORITHM -> pad(HandWrittenAlgorithms.neuralNet(), sizes);
      case DAMAGED_NEURAL_NET_ALGORITHM ->
          HandWrittenAlgorithms.removeFirstSetupInstructions(pad(HandWrittenAlgorithms.neuralNet(), sizes), 2);
      case GIVEN_ALGORITHM -> pad(given, sizes);
    };
  }

  private static Algorithm pad(Algorithm algorithm, ComponentSizes sizes) {
    return HandWrittenAlgorithms.padded(algorithm, sizes.setup(), sizes.predict(), sizes.learn());
  }
}
