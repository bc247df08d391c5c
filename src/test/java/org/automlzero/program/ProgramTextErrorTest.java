package org.automlzero.program;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ProgramTextErrorTest {

  @Test
  void misspelledOpNamesTheClosestOps() {
    ProgramParseException e = parseError("def Setup():\n  s2 = 0.01\ndef Predict():\n  s1 = dott(v1, v0)\n");
    assertAt(e, 4, 8, "dott");
    assertTrue(e.expected().startsWith("an op such as dot, matmul"), e.expected());
    assertTrue(e.getMessage().startsWith("line 4, column 8: found 'dott', expected an op such as dot, matmul, "),
        e.getMessage());
  }

  @Test
  void closeMisspellingsAreSuggestedFirst() {
    assertTrue(instructionError("v1 = hevisde(v2)").expected().startsWith("an op such as heaviside, dot"));
    assertTrue(instructionError("m1 = np.transpos(m2)").expected().startsWith("an op such as transpose, dot"));
    assertTrue(instructionError("s1 = sqrt(s2)").expected().startsWith("an op such as dot, matmul"));
  }

  @Test
  void wrongOperandKindsListTheSignatures() {
    ProgramParseException e = parseError("def Predict():\n  s1 = dot(v1, s0)\n");
    assertAt(e, 2, 8, "s1 = dot(v1, s0)");
    assertEquals("one of s = dot(v, v), v = dot(m, v) or m = dot(m, m)", e.expected());

    e = parseError("def Learn():\n  v1 = s2 + s3\n");
    assertAt(e, 2, 8, "v1 = s2 + s3");
    assertEquals("one of s = s + s, v = v + v or m = m + m", e.expected());

    e = instructionError("m0 = np.maximum(0, m1)");
    assertAt(e, 1, 6, "m0 = np.maximum(0, m1)");
    assertEquals("v = relu(v)", e.expected());
  }

  @Test
  void indexOutsideTheUnitIntervalPointsAtTheIndex() {
    assertAt(instructionError("  v1[1.5] = 0.5"), 1, 6, "1.5");
    assertAt(instructionError("m0[0.5, -0.25] = 0.5"), 1, 9, "-");
    assertAt(instructionError("v1[0.5, 0.5] = 1"), 1, 7, ",");
    assertAt(instructionError("m1[0.5] = 1"), 1, 9, "=");
    assertAt(instructionError("s1[0.5] = 1"), 1, 3, "[");
  }

  @Test
  void incompleteLinesReportTheEndOfLine() {
    ProgramParseException e = instructionError("s1 = dot(v1,");
    assertAt(e, 1, 13, ProgramParseException.END_OF_LINE);
    assertTrue(e.getMessage().startsWith("line 1, column 13: found end of line, expected "), e.getMessage());
    assertAt(instructionError("s1 = s2"), 1, 8, ProgramParseException.END_OF_LINE);
    assertTrue(instructionError("s1 = s2").expected().contains("no copy"));
    assertAt(instructionError("s1 ="), 1, 5, ProgramParseException.END_OF_LINE);
    assertAt(instructionError("s1 dot(v1, v0)"), 1, 4, "dot");
    assertEquals("'='", instructionError("s1 dot(v1, v0)").expected());
    assertAt(instructionError(""), 1, 1, ProgramParseException.END_OF_LINE);
  }

  @Test
  void structureErrorsPointAtTheLine() {
    assertAt(parseError("  s1 = s2 + s3\n"), 1, 3, "s1");
    ProgramParseException e = parseError("def Predict():\n  s1 = dot(v1, v0)\ndef Setup():\n");
    assertAt(e, 3, 5, "Setup");
    assertTrue(e.expected().startsWith("Learn"), e.expected());
    assertAt(parseError("def Train():\n"), 1, 5, "Train");
    assertEquals("Setup, Predict or Learn", parseError("def Train():\n").expected());
    assertAt(parseError("def Learn()\n"), 1, 12, ProgramParseException.END_OF_LINE);
    assertAt(parseError("def Learn(v0 s0):\n"), 1, 14, "s0");
    assertAt(parseError("def Learn():\n  s1 = s2 + s3\n    s1 = s2 + s3\n"), 3, 5, "s1");
    assertAt(parseError("def Learn():\ns1 = s2 + s3\n"), 2, 1, "s1");
    assertAt(parseError("def Setup():\n def Learn():\n"), 2, 2, "def");
    assertAt(parseError("def Setup():\n  s1 = s2 + s3 s4\n"), 2, 16, "s4");
  }

  @Test
  void hugeAddressesAndNumbersAreRejected() {
    assertAt(instructionError("s99999999999999 = s1 + s2"), 1, 1, "s99999999999999");
    assertAt(instructionError("s1 = s2 + v2147483648"), 1, 11, "v2147483648");
    assertAt(instructionError("s2 = 1e999"), 1, 6, "1e999");
    assertAt(instructionError("s2 = -1e999"), 1, 6, "-");
    assertAt(instructionError("v2[0.5] = 1e39"), 1, 11, "1e39");
    assertEquals(1e300, ProgramText.parseInstruction("s2 = 1e300").activation());
  }

  @Test
  void unknownCharactersAreReportedByCodePointColumn() {
    assertAt(instructionError("s1 = s2 \uFF0B s3"), 1, 9, "\uFF0B");
    ProgramParseException e = instructionError("s1 = s2 + \uD83D\uDE00 # \uD83D\uDE00");
    assertAt(e, 1, 11, "\uD83D\uDE00");
    assertAt(instructionError("s1 = \"s2\""), 1, 6, "\"");
    ProgramParseException control = instructionError("s1 = \u0000");
    assertTrue(control.getMessage().contains("'\\u0000'"), control.getMessage());
  }

  @Test
  void ambiguousReductionsAskForAnAxis() {
    ProgramParseException e = instructionError("m1 = bcast(v2)");
    assertAt(e, 1, 6, "bcast");
    assertTrue(e.expected().contains("axis=0") && e.expected().contains("axis=1"), e.expected());
    assertAt(instructionError("v1 = norm(m2, axis=2)"), 1, 20, "2");
    assertAt(instructionError("v1 = norm(m2, axes=1)"), 1, 15, "axes");
  }

  @Test
  void addressSpaceViolationsPointAtTheAddress() {
    String text = "def Setup():\n  s2 = 0.01\ndef Learn():\n  s3 = s0 - s5\n";
    ProgramParseException e = assertThrows(ProgramParseException.class, () -> ProgramText.parse(text, AddressSpace.DEMO));
    assertAt(e, 4, 13, "s5");
    assertTrue(e.expected().contains("s0..s3"), e.expected());
    e = assertThrows(ProgramParseException.class,
        () -> ProgramText.parse("def Learn():\n  s0 = s0 - s1\n", AddressSpace.DEMO));
    assertAt(e, 2, 3, "s0");
    assertTrue(e.expected().contains("output") && e.expected().contains("s1..s3"), e.expected());
    e = assertThrows(ProgramParseException.class,
        () -> ProgramText.parseInstruction("v0[0.5] = 1", AddressSpace.DEMO));
    assertAt(e, 1, 1, "v0");
    e = assertThrows(ProgramParseException.class,
        () -> ProgramText.parseInstruction("m0 = outer(v1, v2)", new AddressSpace(2, 3, 0)));
    assertTrue(e.expected().contains("has none"), e.expected());
    // Without a space any non-negative address is fine, and Algorithm.check does the rest.
    assertEquals(Instruction.of(Op.SCALAR_DIFF, 0, 5, 3), ProgramText.parseInstruction("s3 = s0 - s5"));
  }

  @Test
  void randomSetOpsNeedTwoNumbers() {
    assertAt(instructionError("v1 = gaussian(0.1)"), 1, 6, "gaussian");
    assertAt(instructionError("v1 = gaussian(0.1, v2)"), 1, 20, "v2");
    assertAt(instructionError("v1 = uniform(0, 1, 2, 3)"), 1, 20, "2");
    assertAt(instructionError("v1 = gaussian(0, 1, axis=0)"), 1, 26, "0");
  }

  private static ProgramParseException parseError(String text) {
    return assertThrows(ProgramParseException.class, () -> ProgramText.parse(text));
  }

  private static ProgramParseException instructionError(String text) {
    return assertThrows(ProgramParseException.class, () -> ProgramText.parseInstruction(text));
  }

  private static void assertAt(ProgramParseException e, int line, int column, String found) {
    String m = e.getMessage();
    assertEquals(line, e.line(), m);
    assertEquals(column, e.column(), m);
    assertEquals(found, e.found(), m);
    assertTrue(m.startsWith("line " + line + ", column " + column + ": found "), m);
    assertTrue(e.expected() != null && !e.expected().isEmpty(), m);
  }
}
