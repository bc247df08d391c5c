package org.automlzero.program;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class ProgramTextParseTest {
  private static final Algorithm LINEAR = new Algorithm(
      List.of(Instruction.scalarConst(2, 0.01)),
      List.of(Instruction.of(Op.VECTOR_INNER_PRODUCT, 1, 0, 1)),
      List.of(
          Instruction.of(Op.SCALAR_DIFF, 0, 1, 3),
          Instruction.of(Op.SCALAR_PRODUCT, 2, 3, 3),
          Instruction.of(Op.SCALAR_VECTOR_PRODUCT, 3, 0, 2),
          Instruction.of(Op.VECTOR_SUM, 1, 2, 1)));

  /** The reference's NeuralNet(0.01, 0.1, 0.1) (semantics section 9). */
  /** The reference's NeuralNet(0.01, 0.1, 0.1); its address map is checked by HandWrittenAlgorithmsTest. */
  private static final Algorithm NEURAL_NET = HandWrittenAlgorithms.neuralNet(0.01, 0.1, 0.1);

  @Test
  void linearModelInThePapersStyleWithParametersAndComments() {
    String text = """
        # The linear model of DESIGN.md.
        def Setup():
          s2 = 0.01  # learning rate

        def Predict(v0):  # v0 = features
          s1 = dot(v1, v0)
        def Learn(v0, s0):  # s0 = label
          s3 = s0 - s1  # error
          s3 = s2 * s3
          v2 = s3 * v0
          v1 = v1 + v2
        """;
    assertEquals(LINEAR, ProgramText.parse(text));
    assertEquals(LINEAR, ProgramText.parse(text, AddressSpace.DEMO));
  }

  @Test
  void neuralNetInNumpyStyleParsesToTheReferenceInstructions() {
    String text = """
        def Setup():
            v2 = np.random.normal(0, 0.1, n_features)  # final layer weights
            m0 = gaussian(0.0, 0.1, (n_features, n_features))
            s3 = 0.01
        def Predict(v0):
            v3 = np.matmul(m0, v0)
            v3 = v3 + v1
            v4 = np.maximum(v3, v5)
            s1 = np.dot(v4, v2)
            s1 = s1 + s2
        def Learn(v0, s0):
            s4 = s0 - s1
            s4 = s3 * s4
            s2 = s2 + s4
            v6 = s4 * v4
            v2 = v2 + v6
            v7 = s4 * v2
            v8 = np.heaviside(v3, 1.0)
            v7 = v8 * v7
            v1 = v1 + v7
            m1 = np.outer(v7, v0)
            m0 = m0 + m1
        """;
    assertEquals(NEURAL_NET, ProgramText.parse(text));
    assertEquals(NEURAL_NET, ProgramText.parse(text, AddressSpace.BASELINE));
    assertEquals(NEURAL_NET, ProgramText.parse(ProgramText.print(NEURAL_NET)));
  }

  @Test
  void referencePrintedFormOfAWholeAlgorithmParses() {
    String text = "def Setup():\n"
        + "  v2 = gaussian(0, 0.1, n_features)\n"
        + "  m0 = gaussian(0, 0.1, (n_features, n_features))\n"
        + "  s3 = 0.01\n"
        + "def Predict():\n"
        + "  v3 = dot(m0, v0)\n"
        + "  v3 = v3 + v1\n"
        + "  v4 = maximum(v3, v5)\n"
        + "  s1 = dot(v4, v2)\n"
        + "  s1 = s1 + s2\n"
        + "def Learn():\n"
        + "  s4 = s0 - s1\n"
        + "  s4 = s3 * s4\n"
        + "  s2 = s2 + s4\n"
        + "  v6 = s4 * v4\n"
        + "  v2 = v2 + v6\n"
        + "  v7 = s4 * v2\n"
        + "  v8 = heaviside(v3, 1.0)\n"
        + "  v7 = v8 * v7\n"
        + "  v1 = v1 + v7\n"
        + "  m1 = outer(v7, v0)\n"
        + "  m0 = m0 + m1\n";
    assertEquals(NEURAL_NET, ProgramText.parse(text));
  }

  @Test
  void referencePrintedLinesParseToTheirOps() {
    assertLine("  NoOp()", Instruction.noOp());
    assertLine("  s3 = s0 - s1", Instruction.of(Op.SCALAR_DIFF, 0, 1, 3));
    assertLine("  v2 = s4 * v0", Instruction.of(Op.SCALAR_VECTOR_PRODUCT, 4, 0, 2));
    assertLine("  s1 = dot(v0, v1)", Instruction.of(Op.VECTOR_INNER_PRODUCT, 0, 1, 1));
    assertLine("  v1 = v1 + v2", Instruction.of(Op.VECTOR_SUM, 1, 2, 1));
    assertLine("  m0 = matmul(m1, m2)", Instruction.of(Op.MATRIX_MATRIX_PRODUCT, 1, 2, 0));
    assertLine("  v3 = heaviside(v1, 1.0)", Instruction.of(Op.VECTOR_HEAVYSIDE, 1, 3));
    assertLine("  s3 = heaviside(s1, 1.0)", Instruction.of(Op.SCALAR_HEAVYSIDE, 1, 3));
    assertLine("  m3 = heaviside(m1, 1.0)", Instruction.of(Op.MATRIX_HEAVYSIDE, 1, 3));
    assertLine("  s2 = 0.001", Instruction.scalarConst(2, 0.001));
    assertLine("  s2 = 1e-05", Instruction.scalarConst(2, 1e-5));
    assertLine("  s2 = -inf", Instruction.scalarConst(2, Double.NEGATIVE_INFINITY));
    assertLine("  v1[0.3] = 0.5", Instruction.vectorConst(1, 0.3f, 0.5f));
    assertLine("  m0[0.25, 0.75] = -0.5", Instruction.matrixConst(0, 0.25f, 0.75f, -0.5f));
    assertLine("  m0 = gaussian(0, 0.1, (n_features, n_features))",
        Instruction.randomSet(Op.MATRIX_GAUSSIAN_SET, 0, 0f, 0.1f));
    assertLine("  v1 = gaussian(0, 0.1, n_features)", Instruction.randomSet(Op.VECTOR_GAUSSIAN_SET, 1, 0f, 0.1f));
    assertLine("  s1 = gaussian(0.5, 0.1)", Instruction.randomSet(Op.SCALAR_GAUSSIAN_SET, 1, 0.5f, 0.1f));
    assertLine("  m1 = uniform(-1, 1, (n_features, n_features))",
        Instruction.randomSet(Op.MATRIX_UNIFORM_SET, 1, -1f, 1f));
    assertLine("  v1 = uniform(-0.5, 0.5, n_features)", Instruction.randomSet(Op.VECTOR_UNIFORM_SET, 1, -0.5f, 0.5f));
    assertLine("  s1 = uniform(-0.5, 0.5)", Instruction.randomSet(Op.SCALAR_UNIFORM_SET, 1, -0.5f, 0.5f));
    assertLine("  s1 = minimum(s2, s3)", Instruction.of(Op.SCALAR_MIN, 2, 3, 1));
    assertLine("  v1 = maximum(v2, v3)", Instruction.of(Op.VECTOR_MAX, 2, 3, 1));
    assertLine("  m1 = minimum(m2, m3)", Instruction.of(Op.MATRIX_MIN, 2, 3, 1));
    assertLine("  s1 = arcsin(s2)", Instruction.of(Op.SCALAR_ARCSIN, 2, 1));
    assertLine("  s1 = 1 / s2", Instruction.of(Op.SCALAR_RECIPROCAL, 2, 1));
    assertLine("  v1 = 1 / v2", Instruction.of(Op.VECTOR_RECIPROCAL, 2, 1));
    assertLine("  m1 = 1 / m2", Instruction.of(Op.MATRIX_RECIPROCAL, 2, 1));
    assertLine("  v1 = bcast(s2)", Instruction.of(Op.SCALAR_BROADCAST, 2, 1));
    assertLine("  m1 = bcast(v2, axis=0)", Instruction.of(Op.VECTOR_COLUMN_BROADCAST, 2, 1));
    assertLine("  m1 = bcast(v2, axis=1)", Instruction.of(Op.VECTOR_ROW_BROADCAST, 2, 1));
    assertLine("  v1 = norm(m2, axis=0)", Instruction.of(Op.MATRIX_COLUMN_NORM, 2, 1));
    assertLine("  v1 = norm(m2, axis=1)", Instruction.of(Op.MATRIX_ROW_NORM, 2, 1));
    assertLine("  s1 = norm(v2)", Instruction.of(Op.VECTOR_NORM, 2, 1));
    assertLine("  s1 = norm(m2)", Instruction.of(Op.MATRIX_NORM, 2, 1));
    assertLine("  v1 = dot(m2, v3)", Instruction.of(Op.MATRIX_VECTOR_PRODUCT, 2, 3, 1));
    assertLine("  m1 = outer(v2, v3)", Instruction.of(Op.VECTOR_OUTER_PRODUCT, 2, 3, 1));
    assertLine("  m1 = s2 * m3", Instruction.of(Op.SCALAR_MATRIX_PRODUCT, 2, 3, 1));
    assertLine("  m1 = transpose(m2)", Instruction.of(Op.MATRIX_TRANSPOSE, 2, 1));
    assertLine("  s1 = mean(v2)", Instruction.of(Op.VECTOR_MEAN, 2, 1));
    assertLine("  s1 = std(m2)", Instruction.of(Op.MATRIX_ST_DEV, 2, 1));
    assertLine("  v1 = mean(m2, axis=1)", Instruction.of(Op.MATRIX_ROW_MEAN, 2, 1));
    assertLine("  v1 = std(m2, axis=1)", Instruction.of(Op.MATRIX_ROW_ST_DEV, 2, 1));
  }

  @Test
  void starPicksTheProductFromTheOperandKinds() {
    assertLine("s1 = s2 * s3", Instruction.of(Op.SCALAR_PRODUCT, 2, 3, 1));
    assertLine("v1 = s2 * v3", Instruction.of(Op.SCALAR_VECTOR_PRODUCT, 2, 3, 1));
    assertLine("v1 = v2 * v3", Instruction.of(Op.VECTOR_PRODUCT, 2, 3, 1));
    assertLine("m1 = s2 * m3", Instruction.of(Op.SCALAR_MATRIX_PRODUCT, 2, 3, 1));
    assertLine("m1 = m2 * m3", Instruction.of(Op.MATRIX_PRODUCT, 2, 3, 1));
    // Scaling commutes, so v * s is read as s * v.
    assertLine("v2 = v0 * s3", Instruction.of(Op.SCALAR_VECTOR_PRODUCT, 3, 0, 2));
    assertLine("m2 = m0 * s3", Instruction.of(Op.SCALAR_MATRIX_PRODUCT, 3, 0, 2));
  }

  @Test
  void numpySpellingsParseToTheirOps() {
    assertLine("v7 = np.maximum(0, v6)", Instruction.of(Op.VECTOR_RELU, 6, 7));
    assertLine("v7 = np.maximum(v6, 0)", Instruction.of(Op.VECTOR_RELU, 6, 7));
    assertLine("v7 = np.maximum(v6, 0.0)", Instruction.of(Op.VECTOR_RELU, 6, 7));
    assertLine("v7 = relu(v6)", Instruction.of(Op.VECTOR_RELU, 6, 7));
    assertLine("v7 = np.maximum(v1, v2)", Instruction.of(Op.VECTOR_MAX, 1, 2, 7));
    assertLine("s7 = np.minimum(s1, s2)", Instruction.of(Op.SCALAR_MIN, 1, 2, 7));
    assertLine("v7 = np.heaviside(v6, 1.0)", Instruction.of(Op.VECTOR_HEAVYSIDE, 6, 7));
    assertLine("s7 = np.heaviside(s6, 1.0)", Instruction.of(Op.SCALAR_HEAVYSIDE, 6, 7));
    assertLine("s7 = heaviside(s6)", Instruction.of(Op.SCALAR_HEAVYSIDE, 6, 7));
    assertLine("s1 = np.dot(v1, v0)", Instruction.of(Op.VECTOR_INNER_PRODUCT, 1, 0, 1));
    assertLine("m1 = np.outer(v3, v0)", Instruction.of(Op.VECTOR_OUTER_PRODUCT, 3, 0, 1));
    assertLine("v1 = np.matmul(m0, v0)", Instruction.of(Op.MATRIX_VECTOR_PRODUCT, 0, 0, 1));
    assertLine("m1 = np.dot(m0, m2)", Instruction.of(Op.MATRIX_MATRIX_PRODUCT, 0, 2, 1));
    assertLine("v1 = m0 @ v0", Instruction.of(Op.MATRIX_VECTOR_PRODUCT, 0, 0, 1));
    assertLine("m1 = m0 @ m2", Instruction.of(Op.MATRIX_MATRIX_PRODUCT, 0, 2, 1));
    assertLine("m1 = np.abs(m2)", Instruction.of(Op.MATRIX_ABS, 2, 1));
    assertLine("s1 = np.linalg.norm(v1)", Instruction.of(Op.VECTOR_NORM, 1, 1));
    assertLine("v1 = np.linalg.norm(m1, axis=0)", Instruction.of(Op.MATRIX_COLUMN_NORM, 1, 1));
    assertLine("s1 = np.mean(v1)", Instruction.of(Op.VECTOR_MEAN, 1, 1));
    assertLine("s1 = np.std(m1)", Instruction.of(Op.MATRIX_ST_DEV, 1, 1));
    assertLine("s1 = np.exp(s2)", Instruction.of(Op.SCALAR_EXP, 2, 1));
    assertLine("s1 = np.log(s2)", Instruction.of(Op.SCALAR_LOG, 2, 1));
    assertLine("s1 = np.sin(s2)", Instruction.of(Op.SCALAR_SIN, 2, 1));
    assertLine("s1 = np.arctan(s2)", Instruction.of(Op.SCALAR_ARCTAN, 2, 1));
    assertLine("s1 = math.acos(s2)", Instruction.of(Op.SCALAR_ARCCOS, 2, 1));
    assertLine("m1 = np.transpose(m0)", Instruction.of(Op.MATRIX_TRANSPOSE, 0, 1));
    assertLine("m1 = m0.T", Instruction.of(Op.MATRIX_TRANSPOSE, 0, 1));
    assertLine("v1 = np.reciprocal(v2)", Instruction.of(Op.VECTOR_RECIPROCAL, 2, 1));
    assertLine("v1 = np.multiply(v2, v3)", Instruction.of(Op.VECTOR_PRODUCT, 2, 3, 1));
    assertLine("s2 = np.random.normal(-0.5, 0.25)", Instruction.randomSet(Op.SCALAR_GAUSSIAN_SET, 2, -0.5f, 0.25f));
    assertLine("v2 = np.random.uniform(-1, 1, size=(n_features,))",
        Instruction.randomSet(Op.VECTOR_UNIFORM_SET, 2, -1f, 1f));
    assertLine("m2 = np.random.normal(0, 1, size=(F, F))", Instruction.randomSet(Op.MATRIX_GAUSSIAN_SET, 2, 0f, 1f));
    assertLine("v2 = gaussian(0.0, 0.1)", Instruction.randomSet(Op.VECTOR_GAUSSIAN_SET, 2, 0f, 0.1f));
    assertLine("pass", Instruction.noOp());
    assertLine("no_op", Instruction.noOp());
    assertEquals(true, Double.isNaN(ProgramText.parseInstruction("s2 = np.nan").activation()));
    assertEquals(Double.POSITIVE_INFINITY, ProgramText.parseInstruction("s2 = np.inf").activation());
  }

  @Test
  void reductionsWithoutAxisFollowTheOutputKind() {
    assertLine("v1 = mean(m2)", Instruction.of(Op.MATRIX_ROW_MEAN, 2, 1));
    assertLine("v1 = std(m2)", Instruction.of(Op.MATRIX_ROW_ST_DEV, 2, 1));
    assertLine("v1 = norm_col(m2)", Instruction.of(Op.MATRIX_COLUMN_NORM, 2, 1));
    assertLine("m1 = bcast_row(v2)", Instruction.of(Op.VECTOR_ROW_BROADCAST, 2, 1));
    assertThrows(ProgramParseException.class, () -> ProgramText.parseInstruction("v1 = norm(m2)"));
    assertThrows(ProgramParseException.class, () -> ProgramText.parseInstruction("m1 = bcast(v2)"));
  }

  @Test
  void layoutIsFlexible() {
    String tabs = "def Setup():\r\n\ts2 = 0.01\r\ndef Predict():\r\n\ts1 = dot(v1, v0)\r\n"
        + "def Learn():\r\n\t\ts3 = s0 - s1\r\n\t\ts3 = s2 * s3\r\n\t\tv2 = s3 * v0\r\n\t\tv1 = v1 + v2";
    assertEquals(LINEAR, ProgramText.parse(tabs));
    String indentedHeaders = "    def Setup():\n        s2 = 0.01\n    def Predict():\n      s1 = dot(v1,v0)\n"
        + "    def Learn():\n\n      # comment\n      s3 = s0 - s1\n      s3 = s2 * s3\n      v2 = s3 * v0\n"
        + "      v1 = v1 + v2   \n\n";
    assertEquals(LINEAR, ProgramText.parse(indentedHeaders));
    assertEquals(LINEAR, ProgramText.parse("\uFEFF" + ProgramText.print(LINEAR)));
  }

  @Test
  void missingFunctionsAreEmpty() {
    Algorithm empty = new Algorithm(List.of(), List.of(), List.of());
    assertEquals(empty, ProgramText.parse(""));
    assertEquals(empty, ProgramText.parse("\n  # nothing here\n\n"));
    assertEquals(empty, ProgramText.parse("def Predict():\n"));
    assertEquals(new Algorithm(List.of(), List.of(Instruction.of(Op.VECTOR_INNER_PRODUCT, 1, 0, 1)), List.of()),
        ProgramText.parse("def Predict(v0):\n  s1 = dot(v1, v0)\n"));
    assertEquals(new Algorithm(List.of(Instruction.noOp()), List.of(), List.of()),
        ProgramText.parse("def Setup():\n  pass\ndef Learn():\n"));
  }

  @Test
  void addressesAreAnyNonNegativeIntWithoutASpace() {
    assertLine("s2147483647 = s0 + s01", Instruction.of(Op.SCALAR_SUM, 0, 1, Integer.MAX_VALUE));
    assertLine("s0 = s1 + s2", Instruction.of(Op.SCALAR_SUM, 1, 2, 0));
  }

  private static void assertLine(String line, Instruction expected) {
    Instruction parsed = ProgramText.parseInstruction(line);
    assertEquals(expected, parsed, line);
    Algorithm inLearn = ProgramText.parse("def Learn():\n" + (line.startsWith(" ") ? "" : "  ") + line + "\n");
    assertEquals(List.of(expected), inLearn.learn(), line);
  }
}
