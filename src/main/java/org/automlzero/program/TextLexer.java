package org.automlzero.program;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits one line of program text into tokens: names (ASCII, with dots, so {@code np.linalg.norm}
 * and {@code m0.T} are one token), unsigned numbers, the symbols {@code = + - * / @ ( ) [ ] , :},
 * and single unknown code points (so the parser can report them in context). A {@code #} starts a
 * comment that runs to the end of the line. Columns are 1-based and count code points. Stateless;
 * each call returns a fresh list that ends with an {@link Type#END} token.
 */
final class TextLexer {
  /** What a token is. */
  enum Type {
    NAME,
    NUMBER,
    SYMBOL,
    /** A code point that starts no token. */
    OTHER,
    /** The end of the line or the start of a comment. */
    END
  }

  /** One token: its type, its text as written and its 1-based column. */
  record Token(Type type, String text, int column) {
    boolean is(String symbol) {
      return type == Type.SYMBOL && text.equals(symbol);
    }

    boolean isName(String name) {
      return type == Type.NAME && text.equals(name);
    }
  }

  private static final String SYMBOLS = "=+-*/@()[],:";

  private TextLexer() {}

  /** The tokens of {@code line}, starting at char index {@code start}, which is at {@code column}. */
  static List<Token> tokens(String line, int start, int column) {
    List<Token> tokens = new ArrayList<>();
    int i = start;
    int col = column;
    int n = line.length();
    while (i < n) {
      char c = line.charAt(i);
      if (c == ' ' || c == '\t' || c == '\f') {
        i++;
        col++;
      } else if (c == '#') {
        break;
      } else if (isNameStart(c)) {
        int end = nameEnd(line, i);
        tokens.add(new Token(Type.NAME, line.substring(i, end), col));
        col += end - i;
        i = end;
      } else if (isDigit(c) || (c == '.' && i + 1 < n && isDigit(line.charAt(i + 1)))) {
        int end = numberEnd(line, i);
        tokens.add(new Token(Type.NUMBER, line.substring(i, end), col));
        col += end - i;
        i = end;
      } else if (SYMBOLS.indexOf(c) >= 0) {
        tokens.add(new Token(Type.SYMBOL, String.valueOf(c), col));
        i++;
        col++;
      } else {
        int codePoint = line.codePointAt(i);
        int width = Character.charCount(codePoint);
        tokens.add(new Token(Type.OTHER, line.substring(i, i + width), col));
        i += width;
        col++;
      }
    }
    tokens.add(new Token(Type.END, ProgramParseException.END_OF_LINE, col));
    return tokens;
  }

  static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private static boolean isNameStart(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
  }

  private static boolean isNamePart(char c) {
    return isNameStart(c) || isDigit(c);
  }

  private static int nameEnd(String line, int start) {
    int n = line.length();
    int i = start;
    while (true) {
      while (i < n && isNamePart(line.charAt(i))) {
        i++;
      }
      if (i + 1 < n && line.charAt(i) == '.' && isNameStart(line.charAt(i + 1))) {
        i++;
      } else {
        return i;
      }
    }
  }

  /** Digits, an optional fraction and an optional exponent; a dangling {@code e} is left out. */
  private static int numberEnd(String line, int start) {
    int n = line.length();
    int i = start;
    while (i < n && isDigit(line.charAt(i))) {
      i++;
    }
    if (i < n && line.charAt(i) == '.') {
      i++;
      while (i < n && isDigit(line.charAt(i))) {
        i++;
      }
    }
    if (i < n && (line.charAt(i) == 'e' || line.charAt(i) == 'E')) {
      int j = i + 1;
      if (j < n && (line.charAt(j) == '+' || line.charAt(j) == '-')) {
        j++;
      }
      if (j < n && isDigit(line.charAt(j))) {
        while (j < n && isDigit(line.charAt(j))) {
          j++;
        }
        i = j;
      }
    }
    return i;
  }
}
