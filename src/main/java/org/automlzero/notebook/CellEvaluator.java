package org.automlzero.notebook;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import jdk.jshell.Diag;
import jdk.jshell.EvalException;
import jdk.jshell.JShell;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.SourceCodeAnalysis;
import jdk.jshell.UnresolvedReferenceException;

/**
 * Evaluates notebook cells with JShell, in process: a cell is split into complete snippets, each
 * evaluated in turn; the first rejected or failing snippet stops the cell with a {@link
 * CellException}. The cell's value is the object its last snippet evaluated to when that snippet is
 * an expression (declarations and statements give none), as in a Java REPL. State (variables,
 * methods, classes, imports) carries from cell to cell. Not thread-safe: one cell at a time.
 */
public final class CellEvaluator implements AutoCloseable {
  /** Imported into every session: the project's analysis helpers, Spark SQL and XChart. */
  static final List<String> IMPORTS = List.of(
      "import java.util.*;",
      "import java.util.stream.*;",
      "import org.apache.spark.sql.*;",
      "import static org.apache.spark.sql.functions.*;",
      "import org.knowm.xchart.*;",
      "import org.automlzero.spark.analysis.*;",
      "import org.automlzero.program.*;");

  private final CapturingExecution execution = new CapturingExecution();
  private final JShell shell;
  private final ByteArrayOutputStream shellErrors = new ByteArrayOutputStream();

  /** A session whose compiler sees {@code classpath} (entries separated by the path separator). */
  public CellEvaluator(String classpath) {
    this.shell = JShell.builder()
        .executionEngine(CapturingExecution.provider(execution), java.util.Map.of())
        .err(new PrintStream(shellErrors, true, StandardCharsets.UTF_8))
        .compilerOptions("-proc:none")
        .build();
    for (String entry : classpath.split(java.io.File.pathSeparator)) {
      if (!entry.isBlank()) {
        shell.addToClasspath(entry);
      }
    }
    for (String line : IMPORTS) {
      eval(line);
    }
  }

  /** Runs {@code code}; returns the value of its last snippet if that is an expression, else null. */
  public Object eval(String code) {
    execution.clear();
    Object value = null;
    SourceCodeAnalysis analysis = shell.sourceCodeAnalysis();
    String remaining = code;
    while (!remaining.isBlank()) {
      SourceCodeAnalysis.CompletionInfo info = analysis.analyzeCompletion(remaining);
      if (info.completeness() == SourceCodeAnalysis.Completeness.EMPTY) {
        break;
      }
      String source = info.completeness().isComplete() ? info.source() : remaining;
      remaining = info.completeness().isComplete() ? info.remaining() : "";
      value = evalSnippet(source);
    }
    return value;
  }

  private Object evalSnippet(String source) {
    execution.clear();
    List<SnippetEvent> events = shell.eval(source);
    Object value = null;
    for (SnippetEvent event : events) {
      if (event.causeSnippet() != null) {
        continue;
      }
      Snippet snippet = event.snippet();
      if (event.status() == Snippet.Status.REJECTED) {
        StringBuilder message = new StringBuilder("cannot compile:\n" + source.strip() + "\n");
        for (Diag diag : (Iterable<Diag>) shell.diagnostics(snippet)::iterator) {
          message.append(diag.getMessage(Locale.ROOT)).append('\n');
        }
        throw new CellException(message.toString().strip());
      }
      if (event.exception() != null) {
        throw failure(event.exception());
      }
      if (snippet.kind() == Snippet.Kind.EXPRESSION
          || (snippet.kind() == Snippet.Kind.VAR && snippet.subKind() == Snippet.SubKind.TEMP_VAR_EXPRESSION_SUBKIND)) {
        value = execution.lastValue();
      }
    }
    return value;
  }

  private static CellException failure(Exception thrown) {
    if (thrown instanceof EvalException eval) {
      return new CellException(eval.getExceptionClassName() + ": " + eval.getMessage(), eval);
    }
    if (thrown instanceof UnresolvedReferenceException unresolved) {
      return new CellException("unresolved reference in " + unresolved.getSnippet().source(), unresolved);
    }
    return new CellException(thrown.toString(), thrown);
  }

  /** Completion candidates at {@code cursor}: the JShell suggestions and where they start. */
  public List<String> complete(String code, int cursor, int[] anchor) {
    return shell.sourceCodeAnalysis().completionSuggestions(code, cursor, anchor).stream()
        .map(SourceCodeAnalysis.Suggestion::continuation).distinct().toList();
  }

  /** Whether {@code code} is a complete cell. */
  public boolean isComplete(String code) {
    SourceCodeAnalysis analysis = shell.sourceCodeAnalysis();
    String remaining = code;
    while (!remaining.isBlank()) {
      SourceCodeAnalysis.CompletionInfo info = analysis.analyzeCompletion(remaining);
      if (!info.completeness().isComplete()) {
        return info.completeness() == SourceCodeAnalysis.Completeness.EMPTY;
      }
      remaining = info.remaining();
    }
    return true;
  }

  @Override
  public void close() {
    shell.close();
  }
}
