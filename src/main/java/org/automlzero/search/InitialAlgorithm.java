package org.automlzero.search;

/**
 * Which algorithm a population starts from: the reference's {@code HardcodedAlgorithmID}
 * ({@code generator.proto}), in its numbering, plus {@link #GIVEN_ALGORITHM}, a warm start from a
 * program the user supplies, which the reference does not have.
 */
public enum InitialAlgorithm {
  /** Every function filled with NO_OPs. */
  NO_OP_ALGORITHM(0),
  /** Every instruction of a function with allowed ops random; the others NO_OPs. */
  RANDOM_ALGORITHM(1),
  /** The linear model with learning rate 0.01. */
  LINEAR_ALGORITHM(2),
  /** The two-layer network with learning rate 0.01 and init scales 0.1. */
  NEURAL_NET_ALGORITHM(3),
  /** The reference's {@code INTEGRATION_TEST_DAMAGED_NEURAL_NET_ALGORITHM}. */
  DAMAGED_NEURAL_NET_ALGORITHM(4),
  /** A given program (warm start); not in the reference, so its code is -1. */
  GIVEN_ALGORITHM(-1);

  private final int code;

  InitialAlgorithm(int code) {
    this.code = code;
  }

  /** The reference's enum number, or -1 for {@link #GIVEN_ALGORITHM}. */
  public int code() {
    return code;
  }
}
