package org.automlzero.program;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.List;
import org.automlzero.random.Rng;
import org.junit.jupiter.api.Test;

/** Whatever the text, the parser returns or throws {@link ProgramParseException}, never anything else. */
class ProgramTextFuzzTest {
  private static final List<String> PIECES = List.of(
      "s", "v", "m", "0", "1", "7", "12", ".", "e", "E", "-", "+", "*", "/", "@", "=", "(", ")", "[", "]",
      ",", ":", "#", " ", "  ", "\t", "\n", "\r", "\r\n", "def ", "Setup", "Predict", "Learn", "np.",
      "np.linalg.", "dot", "matmul", "gaussian", "uniform", "max", "maximum", "heaviside", "bcast", "norm",
      "mean", "axis", "axis=", "size=", "n_features", "inf", "nan", "pass", "NoOp", ".T", "s1", "v0", "m2",
      " = ", "0.5", "1e999", "99999999999", "s99999999999999", "\u0000", "\uFEFF", "\uD83D\uDE00", "\uD800",
      "\uDC00", "\u00FC", "\u2028", "\uFF0B", "'", "\"", "\\", "%", "def Learn():\n  ", "1 / ", "0.");

  private int cases;

  @Test
  void garbageMutationsAndTruncationsNeverThrowAnythingElse() {
    Rng rng = new Rng(424242L);
    for (int n = 0; n < 3_500; n++) {
      String text = garbage(rng);
      check(text);
      check("def Learn():\n  " + text);
    }
    for (int n = 0; n < 2_000; n++) {
      String printed = ProgramText.print(ProgramTextRoundTripTest.randomAlgorithm(rng, AddressSpace.DEFAULT));
      check(mutate(printed, rng));
    }
    for (int n = 0; n < 6; n++) {
      String printed = ProgramText.print(ProgramTextRoundTripTest.randomAlgorithm(rng, AddressSpace.DEFAULT));
      for (int end = 0; end <= printed.length(); end++) {
        check(printed.substring(0, end));
      }
    }
    assertTrue(cases >= 10_000, "cases: " + cases);
  }

  @Test
  void everyPrefixOfANumpyProgramParsesOrFailsCleanly() {
    String text = "def Setup():\n  v2 = np.random.normal(0, 0.1, (n_features,))  # w\n  m0 = uniform(-1e-3, 2.5e+2)\n"
        + "def Predict(v0):\n  v3 = m0 @ v0\n  v4 = np.maximum(0, v3)\n  m1 = m0.T\n  v1 = norm(m1, axis=1)\n"
        + "def Learn(v0, s0):\n  s3 = 1 / s2\n  m0[0.25, 0.75] = -inf\n  v1[0.5] = 3\n  pass\n";
    ProgramText.parse(text);
    for (int end = 0; end <= text.length(); end++) {
      check(text.substring(0, end));
    }
  }

  private void check(String text) {
    cases++;
    checkOne(text, () -> ProgramText.parse(text));
    checkOne(text, () -> ProgramText.parse(text, AddressSpace.DEMO));
    checkOne(text, () -> ProgramText.parseInstruction(text));
  }

  private static void checkOne(String text, Runnable parse) {
    try {
      parse.run();
    } catch (ProgramParseException e) {
      assertNull(e.getCause(), () -> "internal error on " + show(text) + ": " + e.getMessage());
      assertTrue(e.line() >= 1 && e.column() >= 1, e.getMessage());
      assertTrue(e.found() != null && e.expected() != null && !e.expected().isEmpty(), e.getMessage());
      int lines = text.split("\r\n|\r|\n", -1).length;
      assertTrue(e.line() <= lines, () -> e.getMessage() + " beyond the last line of " + show(text));
    } catch (Throwable t) {
      fail("threw " + t + " on " + show(text), t);
    }
  }

  private static String garbage(Rng rng) {
    StringBuilder b = new StringBuilder();
    int pieces = rng.nextInt(40);
    for (int i = 0; i < pieces; i++) {
      if (rng.nextInt(8) == 0) {
        int codePoint = rng.nextInt(Character.MAX_CODE_POINT + 1);
        if (codePoint < 0xD800 || codePoint > 0xDFFF || rng.nextBoolean()) {
          b.appendCodePoint(codePoint);
        }
      } else {
        b.append(PIECES.get(rng.nextInt(PIECES.size())));
      }
    }
    return b.toString();
  }

  /** One to five random deletions, insertions and replacements. */
  private static String mutate(String text, Rng rng) {
    StringBuilder b = new StringBuilder(text);
    int edits = 1 + rng.nextInt(5);
    for (int e = 0; e < edits; e++) {
      int at = rng.nextInt(b.length() + 1);
      String piece = rng.nextBoolean() ? PIECES.get(rng.nextInt(PIECES.size())) : String.valueOf((char) rng.nextInt(128));
      switch (rng.nextInt(3)) {
        case 0 -> {
          if (at < b.length()) {
            b.deleteCharAt(at);
          }
        }
        case 1 -> b.insert(at, piece);
        default -> {
          if (at < b.length()) {
            b.replace(at, at + 1, piece);
          }
        }
      }
    }
    return b.toString();
  }

  private static String show(String text) {
    StringBuilder b = new StringBuilder("\"");
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c < 0x20 || c > 0x7e) {
        b.append(String.format("\\u%04x", (int) c));
      } else {
        b.append(c);
      }
    }
    return b.append('"').toString();
  }

  @Test
  void mutatedProgramsThatStillParseAreValidAlgorithms() {
    Rng rng = new Rng(5L);
    int parsed = 0;
    for (int n = 0; n < 2_000; n++) {
      String printed = ProgramText.print(ProgramTextRoundTripTest.randomAlgorithm(rng, AddressSpace.DEFAULT));
      String mutated = mutate(printed, rng);
      try {
        Algorithm algorithm = ProgramText.parse(mutated);
        assertEquals(algorithm, ProgramText.parse(ProgramText.print(algorithm)));
        parsed++;
      } catch (ProgramParseException expected) {
        // fine: bad text
      }
    }
    assertTrue(parsed > 0, "some mutations still parse");
  }
}
