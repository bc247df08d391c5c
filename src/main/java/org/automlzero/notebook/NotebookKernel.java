package org.automlzero.notebook;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.automlzero.spark.analysis.DatasetHtml;
import org.dflib.jjava.jupyter.kernel.BaseKernel;
import org.dflib.jjava.jupyter.kernel.BaseKernelBuilder;
import org.dflib.jjava.jupyter.kernel.HelpLink;
import org.dflib.jjava.jupyter.kernel.LanguageInfo;
import org.dflib.jjava.jupyter.kernel.ReplacementOptions;
import org.dflib.jjava.jupyter.kernel.display.DisplayData;
import org.dflib.jjava.jupyter.kernel.magic.MagicParser;
import org.knowm.xchart.internal.chartpart.Chart;

/**
 * The project's Jupyter kernel: Java cells evaluated in process by JShell ({@link CellEvaluator})
 * with the project, Spark and XChart on the classpath, on the Jupyter protocol of the JJava
 * project's kernel library. A cell's value is shown as Jupyter display data: an XChart chart as an
 * inline PNG ({@link ChartImages}; an empty chart fails the cell), a Spark Dataset as an HTML table
 * of its first rows ({@link DatasetHtml}), anything else as text. {@link #eval} is also what the
 * tests call to run notebooks cell by cell without Jupyter. One cell at a time.
 */
public final class NotebookKernel extends BaseKernel {
  private final CellEvaluator evaluator;

  private NotebookKernel(String name, String version, org.dflib.jjava.jupyter.kernel.history.HistoryManager history,
      org.dflib.jjava.jupyter.kernel.JupyterIO io, org.dflib.jjava.jupyter.kernel.comm.CommManager comms,
      org.dflib.jjava.jupyter.kernel.display.Renderer renderer, MagicParser magics,
      org.dflib.jjava.jupyter.kernel.magic.MagicsRegistry registry,
      org.dflib.jjava.jupyter.kernel.util.StringStyler errorStyler, CellEvaluator evaluator) {
    super(name, version,
        new LanguageInfo("java", Runtime.version().toString(), "text/x-java", ".jshell", "java", "java", "script"),
        List.of(new HelpLink("JShell", "https://docs.oracle.com/en/java/javase/17/jshell/")),
        history, io, comms, renderer, magics, registry, false, errorStyler);
    this.evaluator = evaluator;
  }

  /** A kernel whose cells compile and run against {@code classpath}. */
  public static NotebookKernel create(String classpath) {
    return new Builder().name("automl-zero").version("1").build(classpath);
  }

  @Override
  public String getBanner() {
    return "AutoML-Zero on Spark: Java " + Runtime.version() + " (JShell), Spark SQL, XChart";
  }

  @Override
  public Object evalRaw(String code) {
    return evaluator.eval(code);
  }

  /** Runs a cell; its value as display data, or null when it has none. */
  @Override
  public DisplayData eval(String code) {
    return display(evaluator.eval(code));
  }

  /** How a value is shown; null for null. */
  DisplayData display(Object value) {
    if (value == null) {
      return null;
    }
    if (value instanceof Chart<?, ?> chart) {
      DisplayData data = new DisplayData("chart: " + chart.getTitle());
      data.putData("image/png", ChartImages.base64Png(chart));
      return data;
    }
    if (DatasetHtml.isDataset(value)) {
      DisplayData data = new DisplayData(DatasetHtml.text(value));
      data.putHTML(DatasetHtml.html(value));
      return data;
    }
    return getRenderer().render(value);
  }

  @Override
  public List<String> formatError(Throwable error) {
    if (error instanceof CellException) {
      List<String> lines = new ArrayList<>(List.of(error.getMessage().split("\n")));
      Throwable cause = error.getCause();
      if (cause != null) {
        for (StackTraceElement frame : cause.getStackTrace()) {
          lines.add("  at " + frame);
          if (frame.getClassName().startsWith("REPL.")) {
            break; // the cell's own frame: what lies below is JShell's machinery
          }
        }
      }
      return lines;
    }
    return super.formatError(error);
  }

  @Override
  public DisplayData inspect(String code, int at, boolean extraDetail) {
    return null;
  }

  @Override
  public ReplacementOptions complete(String code, int at) {
    int[] anchor = new int[1];
    List<String> candidates = evaluator.complete(code, at, anchor);
    return candidates.isEmpty() ? null : new ReplacementOptions(candidates, anchor[0], at);
  }

  @Override
  public String isComplete(String code) {
    return evaluator.isComplete(code) ? IS_COMPLETE_YES : IS_COMPLETE_MAYBE;
  }

  @Override
  public void onShutdown(boolean restart) {
    super.onShutdown(restart);
    evaluator.close();
  }

  /** The library's builder, for its defaults (IO, comms, renderer, error styling). */
  static final class Builder extends BaseKernelBuilder<Builder, NotebookKernel> {
    @Override
    public NotebookKernel build() {
      throw new UnsupportedOperationException("use build(classpath)");
    }

    NotebookKernel build(String classpath) {
      return new NotebookKernel(buildName(), buildVersion(), buildHistoryManager(),
          buildJupyterIO(buildJupyterIOEncoding()), buildCommManager(), buildRenderer(),
          new MagicParser("^\\s*%", "^\\s*%%", buildMagicTranspiler()), buildMagicsRegistry(), buildErrorStyler(),
          new CellEvaluator(classpath));
    }

    @Override
    protected java.nio.charset.Charset buildJupyterIOEncoding() {
      return StandardCharsets.UTF_8;
    }
  }
}
