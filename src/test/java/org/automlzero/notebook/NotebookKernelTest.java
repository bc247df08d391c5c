package org.automlzero.notebook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.dflib.jjava.jupyter.kernel.display.DisplayData;
import org.dflib.jjava.jupyter.kernel.display.mime.MIMEType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The kernel's own evaluation, without Jupyter or Spark: values, state, errors, charts. */
class NotebookKernelTest {
  static NotebookKernel kernel;

  @BeforeAll
  static void start() {
    kernel = NotebookKernel.create(System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")));
  }

  @AfterAll
  static void stop() {
    kernel.onShutdown(false);
  }

  @Test
  void aCellsValueIsItsLastExpressionAndStateCarriesOver() {
    assertNull(kernel.eval("int twice(int x) { return 2 * x; }\nint base = 20;"));
    DisplayData data = kernel.eval("base += 1;\ntwice(base)");
    assertEquals("42", data.getData(MIMEType.TEXT_PLAIN));
    assertEquals(84, kernel.evalRaw("twice(base * 2)"));
  }

  @Test
  void cellsSeeTheProjectsClasses() {
    Object text = kernel.evalRaw("ProgramText.print(HandWrittenAlgorithms.linearModel(0.01))");
    assertTrue(text.toString().startsWith("def Setup():"), text.toString());
  }

  @Test
  void compileErrorsAndExceptionsFailTheCellSayingWhy() {
    CellException compile = assertThrows(CellException.class, () -> kernel.eval("int x = \"text\";"));
    assertTrue(compile.getMessage().contains("incompatible types"), compile.getMessage());
    CellException thrown = assertThrows(CellException.class,
        () -> kernel.eval("int ok = 1;\nObjects.requireNonNull(null, \"nothing here\");\nint never = 2;"));
    assertTrue(thrown.getMessage().contains("NullPointerException: nothing here"), thrown.getMessage());
    assertThrows(CellException.class, () -> kernel.eval("never"));
    assertTrue(String.join("\n", kernel.formatError(thrown)).contains("nothing here"));
  }

  @Test
  void chartsBecomeNonTrivialPngsAndEmptyChartsFail() throws Exception {
    DisplayData data = kernel.eval("""
        XYChart chart = new XYChartBuilder().width(400).height(300).title("t").build();
        chart.addSeries("line", new double[] {0, 1, 2, 3}, new double[] {0, 1, 4, 9});
        chart""");
    Pngs.Stats png = Pngs.stats((String) data.getData(MIMEType.parse("image/png")));
    assertEquals(400, png.width());
    assertTrue(png.colours() >= 8, "colours " + png.colours());
    assertTrue(png.inked() > 0.01, "inked " + png.inked());
    assertThrows(IllegalArgumentException.class,
        () -> kernel.eval("new XYChartBuilder().title(\"empty\").build()"));
    assertThrows(IllegalArgumentException.class,
        () -> kernel.eval("XYChart nan = new XYChartBuilder().title(\"nan\").build();\n"
            + "nan.addSeries(\"s\", new double[] {0}, new double[] {Double.NaN});\nnan"));
  }

  @Test
  void isCompleteTellsAnOpenBlockFromAFinishedCell() {
    assertEquals(NotebookKernel.IS_COMPLETE_YES, kernel.isComplete("int y = 1;"));
    assertEquals(NotebookKernel.IS_COMPLETE_MAYBE, kernel.isComplete("void f() {"));
  }
}
