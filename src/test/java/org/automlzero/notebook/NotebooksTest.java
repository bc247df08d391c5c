package org.automlzero.notebook;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.spark.sql.SparkSession;
import org.automlzero.spark.analysis.SmallRuns;
import org.dflib.jjava.jupyter.kernel.display.DisplayData;
import org.dflib.jjava.jupyter.kernel.display.mime.MIMEType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every notebook in {@code notebooks/}, cell by cell, through the kernel's own evaluation, on a
 * folder of two runs the job writes in this test JVM: no cell may fail, every chart must be a
 * decodable PNG with more than a blank canvas on it, and each notebook must show the tables and
 * charts it is there for.
 */
class NotebooksTest {
  static SparkSession spark;
  static NotebookKernel kernel;

  @BeforeAll
  static void start() throws Exception {
    spark = SmallRuns.session("NotebooksTest");
    System.setProperty("automlzero.run", SmallRuns.shared(spark).toString());
    kernel = NotebookKernel.create(System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")));
  }

  @AfterAll
  static void stop() {
    System.clearProperty("automlzero.run");
    kernel.onShutdown(false);
    spark.stop();
  }

  @ParameterizedTest
  @CsvSource({"01-progress.ipynb, 6, 2", "02-winner.ipynb, 2, 3", "03-population.ipynb, 6, 3"})
  void notebookRunsWithChartsAndTables(String name, int minCharts, int minTables) throws Exception {
    JsonObject notebook = JsonParser.parseString(Files.readString(Path.of("notebooks", name))).getAsJsonObject();
    int cellIndex = 0;
    int charts = 0;
    int tables = 0;
    List<String> failures = new ArrayList<>();
    for (JsonElement element : notebook.getAsJsonArray("cells")) {
      cellIndex++;
      JsonObject cell = element.getAsJsonObject();
      if (!cell.get("cell_type").getAsString().equals("code")) {
        continue;
      }
      String source = source(cell.getAsJsonArray("source"));
      DisplayData data;
      try {
        data = kernel.eval(source);
      } catch (RuntimeException e) {
        fail(name + " cell " + cellIndex + " failed: " + e.getMessage() + "\n" + source, e);
        return;
      }
      if (data == null) {
        continue;
      }
      Object png = data.getData(MIMEType.parse("image/png"));
      if (png != null) {
        Pngs.Stats stats = Pngs.stats((String) png);
        if (stats.colours() < 8 || stats.inked() < 0.01) {
          failures.add("cell " + cellIndex + ": a blank chart (" + stats + ")");
        }
        charts++;
      }
      Object html = data.getData(MIMEType.TEXT_HTML);
      if (html != null && rows(html.toString()) > 0) {
        tables++;
      }
    }
    assertTrue(failures.isEmpty(), name + ": " + failures);
    assertTrue(charts >= minCharts, name + ": " + charts + " charts, expected at least " + minCharts);
    assertTrue(tables >= minTables, name + ": " + tables + " tables with rows, expected at least " + minTables);
  }

  static String source(JsonArray lines) {
    StringBuilder text = new StringBuilder();
    for (JsonElement line : lines) {
      text.append(line.getAsString());
    }
    return text.toString();
  }

  /** The body rows of an HTML table. */
  static int rows(String html) {
    Matcher body = Pattern.compile("<tbody>(.*)</tbody>", Pattern.DOTALL).matcher(html);
    if (!body.find()) {
      return 0;
    }
    Matcher row = Pattern.compile("<tr>").matcher(body.group(1));
    int count = 0;
    while (row.find()) {
      count++;
    }
    return count;
  }
}
