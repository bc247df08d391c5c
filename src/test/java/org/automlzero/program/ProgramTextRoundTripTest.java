package org.automlzero.program;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.automlzero.random.Rng;
import org.junit.jupiter.api.Test;

class ProgramTextRoundTripTest {

  /** A random algorithm over every op, 0..15 instructions per function, as the search would draw them. */
  static Algorithm randomAlgorithm(Rng rng, AddressSpace space) {
    List<Op> ops = Op.all();
    List<List<Instruction>> functions = new ArrayList<>();
    for (int f = 0; f < 3; f++) {
      int size = rng.nextInt(16);
      List<Instruction> instructions = new ArrayList<>();
      for (int i = 0; i < size; i++) {
        instructions.add(InstructionRandomizer.random(ops.get(rng.nextInt(ops.size())), space, rng));
      }
      functions.add(instructions);
    }
    return new Algorithm(functions.get(0), functions.get(1), functions.get(2));
  }

  @Test
  void randomAlgorithmsOverAllOpsParseBackToEqualAlgorithmsWithTheSameBits() {
    Rng rng = new Rng(20200101L);
    int instructions = 0;
    for (int n = 0; n < 10_000; n++) {
      Algorithm algorithm = randomAlgorithm(rng, AddressSpace.DEFAULT);
      String text = ProgramText.print(algorithm);
      Algorithm parsed = ProgramText.parse(text);
      assertEquals(algorithm, parsed, text);
      assertSameBits(algorithm, parsed);
      assertEquals(text, ProgramText.print(parsed), "printing is a fixpoint");
      instructions += algorithm.size();
    }
    assertEquals(true, instructions > 100_000, "enough instructions drawn: " + instructions);
  }

  @Test
  void randomAlgorithmsParseWithTheirAddressSpace() {
    Rng rng = new Rng(7L);
    for (AddressSpace space : List.of(AddressSpace.DEFAULT, AddressSpace.BASELINE, new AddressSpace(2, 2, 1))) {
      for (int n = 0; n < 500; n++) {
        Algorithm algorithm = randomAlgorithm(rng, space);
        assertEquals(algorithm, ProgramText.parse(ProgramText.print(algorithm), space));
      }
    }
  }

  @Test
  void everyOpRoundTripsAsOneInstruction() {
    Rng rng = new Rng(99L);
    for (Op op : Op.all()) {
      for (int n = 0; n < 200; n++) {
        Instruction instruction = InstructionRandomizer.random(op, AddressSpace.DEFAULT, rng);
        String line = ProgramText.print(instruction);
        Instruction parsed = ProgramText.parseInstruction(line);
        assertEquals(instruction, parsed, line);
        assertSameBits(instruction, parsed);
        assertEquals(instruction, ProgramText.parseInstruction("    " + line + "   # comment\n"), line);
      }
    }
  }

  @Test
  void emptyFunctionsPrintAsBareHeadersAndRoundTrip() {
    Algorithm empty = new Algorithm(List.of(), List.of(), List.of());
    String text = ProgramText.print(empty);
    assertEquals("def Setup():\ndef Predict():\ndef Learn():\n", text);
    assertEquals(empty, ProgramText.parse(text));

    Algorithm onlyLearn = new Algorithm(List.of(), List.of(), List.of(Instruction.noOp()));
    assertEquals(onlyLearn, ProgramText.parse(ProgramText.print(onlyLearn)));
  }

  @Test
  void linearModelPrintsInThePapersStyle() {
    Algorithm linear = new Algorithm(
        List.of(Instruction.scalarConst(2, 0.01)),
        List.of(Instruction.of(Op.VECTOR_INNER_PRODUCT, 1, 0, 1)),
        List.of(
            Instruction.of(Op.SCALAR_DIFF, 0, 1, 3),
            Instruction.of(Op.SCALAR_PRODUCT, 2, 3, 3),
            Instruction.of(Op.SCALAR_VECTOR_PRODUCT, 3, 0, 2),
            Instruction.of(Op.VECTOR_SUM, 1, 2, 1)));
    assertEquals(
        "def Setup():\n"
            + "  s2 = 0.01\n"
            + "def Predict():\n"
            + "  s1 = dot(v1, v0)\n"
            + "def Learn():\n"
            + "  s3 = s0 - s1\n"
            + "  s3 = s2 * s3\n"
            + "  v2 = s3 * v0\n"
            + "  v1 = v1 + v2\n",
        ProgramText.print(linear));
  }

  @Test
  void eachOpHasItsOwnReadableSpelling() {
    assertEquals("s1 = 1 / s2", ProgramText.print(Instruction.of(Op.SCALAR_RECIPROCAL, 2, 1)));
    assertEquals("v1 = relu(v2)", ProgramText.print(Instruction.of(Op.VECTOR_RELU, 2, 1)));
    assertEquals("m0 = bcast_col(v1)", ProgramText.print(Instruction.of(Op.VECTOR_COLUMN_BROADCAST, 1, 0)));
    assertEquals("v1 = norm_row(m0)", ProgramText.print(Instruction.of(Op.MATRIX_ROW_NORM, 0, 1)));
    assertEquals("v1 = matmul(m0, v2)", ProgramText.print(Instruction.of(Op.MATRIX_VECTOR_PRODUCT, 0, 2, 1)));
    assertEquals("m0 = m1 * m2", ProgramText.print(Instruction.of(Op.MATRIX_PRODUCT, 1, 2, 0)));
    assertEquals("m0 = matmul(m1, m2)", ProgramText.print(Instruction.of(Op.MATRIX_MATRIX_PRODUCT, 1, 2, 0)));
    assertEquals("v1[0.3] = 0.5", ProgramText.print(Instruction.vectorConst(1, 0.3f, 0.5f)));
    assertEquals("m0[0.25, 0.75] = -0.5", ProgramText.print(Instruction.matrixConst(0, 0.25f, 0.75f, -0.5f)));
    assertEquals("s2 = uniform(-0.5, 0.5)", ProgramText.print(Instruction.randomSet(Op.SCALAR_UNIFORM_SET, 2, -0.5f, 0.5f)));
    assertEquals("v1 = gaussian(0.0, 0.1)", ProgramText.print(Instruction.randomSet(Op.VECTOR_GAUSSIAN_SET, 1, 0f, 0.1f)));
    assertEquals("s2 = 1.0e-5", ProgramText.print(Instruction.scalarConst(2, 1e-5)));
    assertEquals("no_op", ProgramText.print(Instruction.noOp()));
    List<String> spellings = new ArrayList<>();
    Rng rng = new Rng(3L);
    for (Op op : Op.all()) {
      String line = ProgramText.print(InstructionRandomizer.random(op, AddressSpace.DEFAULT, rng));
      String shape = line.replaceAll("[svm][0-9]+", "x").replaceAll("-?[0-9][0-9.e-]*", "c")
          + " " + op.out() + op.in1() + op.in2();
      assertEquals(false, spellings.contains(shape), op + " shares its spelling: " + shape);
      spellings.add(shape);
    }
  }

  @Test
  void extremeAndSpecialConstantsKeepTheirBits() {
    double[] doubles = {
      0.0, -0.0, 1e-5, -1e-300, Double.MIN_VALUE, -Double.MIN_NORMAL, Double.MAX_VALUE, 0.1 + 0.2,
      Math.PI, 1.0 / 3, 123456789.123, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY
    };
    for (double d : doubles) {
      Instruction instruction = Instruction.scalarConst(1, d);
      Instruction parsed = ProgramText.parseInstruction(ProgramText.print(instruction));
      assertSameBits(instruction, parsed);
    }
    float[] floats = {
      0f, -0f, 1e-5f, Float.MIN_VALUE, -Float.MIN_NORMAL, Float.MAX_VALUE, 1f / 3, 0.1f, Float.NaN,
      Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY
    };
    for (float f : floats) {
      for (Instruction instruction : List.of(
          Instruction.vectorConst(1, Math.nextDown(1f), f),
          Instruction.matrixConst(0, Float.MIN_VALUE, 0.5f, f),
          Instruction.randomSet(Op.MATRIX_GAUSSIAN_SET, 3, f, -f),
          Instruction.randomSet(Op.SCALAR_UNIFORM_SET, 3, -f, f))) {
        assertSameBits(instruction, ProgramText.parseInstruction(ProgramText.print(instruction)));
      }
    }
  }

  static void assertSameBits(Algorithm expected, Algorithm actual) {
    for (ComponentFunction function : ComponentFunction.values()) {
      List<Instruction> e = expected.component(function);
      List<Instruction> a = actual.component(function);
      assertEquals(e.size(), a.size(), function.title());
      for (int i = 0; i < e.size(); i++) {
        assertSameBits(e.get(i), a.get(i));
      }
    }
  }

  static void assertSameBits(Instruction e, Instruction a) {
    String where = ProgramText.print(e);
    assertEquals(e.op(), a.op(), where);
    assertEquals(e.in1(), a.in1(), where);
    assertEquals(e.in2(), a.in2(), where);
    assertEquals(e.out(), a.out(), where);
    assertEquals(bits(e.activation()), bits(a.activation()), where);
    assertEquals(bits(e.data0()), bits(a.data0()), where);
    assertEquals(bits(e.data1()), bits(a.data1()), where);
    assertEquals(bits(e.data2()), bits(a.data2()), where);
  }

  /** The raw bits; every NaN counts as the canonical one, since the text has a single {@code nan}. */
  private static long bits(double x) {
    return Double.doubleToLongBits(x);
  }

  private static int bits(float x) {
    return Float.floatToIntBits(x);
  }
}
