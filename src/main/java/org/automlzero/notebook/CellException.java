package org.automlzero.notebook;

/**
 * A cell that did not run: a snippet JShell rejected (the compiler's messages with the snippet), or
 * the exception a snippet threw (its class, message and the cell's part of the stack trace).
 * Immutable.
 */
public final class CellException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public CellException(String message) {
    super(message);
  }

  public CellException(String message, Throwable cause) {
    super(message, cause);
  }
}
