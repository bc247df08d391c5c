package org.automlzero.search;

/**
 * The mutation actions of the reference ({@code mutator.proto}, {@code MutationType}), in its
 * numbering. What each does is in {@link Mutator}.
 */
public enum MutationAction {
  ALTER_PARAM(0),
  RANDOMIZE_INSTRUCTION(1),
  RANDOMIZE_COMPONENT_FUNCTION(2),
  IDENTITY(3),
  INSERT_INSTRUCTION(4),
  REMOVE_INSTRUCTION(5),
  TRADE_INSTRUCTION(6),
  RANDOMIZE_ALGORITHM(7);

  private final int code;

  MutationAction(int code) {
    this.code = code;
  }

  /** The reference's enum number. */
  public int code() {
    return code;
  }
}
