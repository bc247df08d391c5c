package org.automlzero.program;

/** The type of a memory address an operand or a result lives in. */
public enum Kind {
  /** The operand is not used by the op. */
  NONE,
  SCALAR,
  VECTOR,
  MATRIX;

  /** The letter of this kind in the text format: {@code s}, {@code v} or {@code m}. */
  public char letter() {
    return switch (this) {
      case SCALAR -> 's';
      case VECTOR -> 'v';
      case MATRIX -> 'm';
      case NONE -> throw new IllegalStateException("NONE has no letter");
    };
  }
}
