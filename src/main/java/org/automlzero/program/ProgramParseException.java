package org.automlzero.program;

/**
 * The one exception {@link ProgramText} throws for text it cannot read: where (1-based line and
 * column, columns counted in Unicode code points), what was found there and what was expected.
 * The message reads like {@code line 3, column 9: found 'dott', expected an op such as dot,
 * matmul, ...}. Immutable.
 */
public final class ProgramParseException extends IllegalArgumentException {
  /** What {@link #found()} says when a line ends before the statement is complete. */
  public static final String END_OF_LINE = "end of line";

  private static final int MAX_SHOWN = 40;

  private final int line;
  private final int column;
  private final String found;
  private final String expected;

  /**
   * @param line 1-based line number
   * @param column 1-based column, in code points
   * @param found the offending text as written, or {@link #END_OF_LINE}
   * @param expected what would have been acceptable there, in words
   */
  public ProgramParseException(int line, int column, String found, String expected) {
    super(message(line, column, found, expected));
    this.line = line;
    this.column = column;
    this.found = found;
    this.expected = expected;
  }

  public int line() {
    return line;
  }

  public int column() {
    return column;
  }

  /** The offending text as written, or {@link #END_OF_LINE}. */
  public String found() {
    return found;
  }

  /** What would have been acceptable, in words. */
  public String expected() {
    return expected;
  }

  private static String message(int line, int column, String found, String expected) {
    String shown = END_OF_LINE.equals(found) ? found : "'" + printable(found) + "'";
    return "line " + line + ", column " + column + ": found " + shown + ", expected " + expected;
  }

  /** The found text with control characters escaped and long text shortened, for the message only. */
  private static String printable(String text) {
    StringBuilder b = new StringBuilder();
    int shown = 0;
    for (int i = 0; i < text.length(); ) {
      int c = text.codePointAt(i);
      i += Character.charCount(c);
      if (shown == MAX_SHOWN) {
        b.append("...");
        break;
      }
      if (Character.isISOControl(c) || !Character.isDefined(c) || Character.getType(c) == Character.FORMAT
          || Character.getType(c) == Character.SURROGATE) {
        b.append(String.format("\\u%04x", c));
      } else {
        b.appendCodePoint(c);
      }
      shown++;
    }
    return b.toString();
  }
}
