package org.automlzero.spark.analysis;

import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Spark Datasets as a notebook shows them: an HTML table of the first rows (values as Spark casts
 * them to strings, program texts keeping their line breaks) and the same as plain text. Lets the
 * notebook kernel, outside the spark package, render a Dataset without importing Spark. Stateless.
 */
public final class DatasetHtml {
  /** Rows shown by default; a notebook can show more with {@code limit(n)} and {@link #html(Object, int)}. */
  public static final int MAX_ROWS = 50;

  private DatasetHtml() {}

  /** True when {@code value} is a Dataset. */
  public static boolean isDataset(Object value) {
    return value instanceof Dataset<?>;
  }

  /** The first {@link #MAX_ROWS} rows of the Dataset {@code value} as an HTML table. */
  public static String html(Object value) {
    return html(value, MAX_ROWS);
  }

  /** The first {@code maxRows} rows of the Dataset {@code value} as an HTML table. */
  public static String html(Object value, int maxRows) {
    Dataset<Row> rows = ((Dataset<?>) value).toDF();
    String[] names = rows.columns();
    List<String[]> cells = TableFormat.strings(rows.limit(maxRows + 1));
    StringBuilder html = new StringBuilder("<table class=\"automl-zero\">\n<thead><tr>");
    for (String name : names) {
      html.append("<th>").append(escape(name)).append("</th>");
    }
    html.append("</tr></thead>\n<tbody>\n");
    for (String[] row : cells.subList(0, Math.min(maxRows, cells.size()))) {
      html.append("<tr>");
      for (String cell : row) {
        html.append(cell != null && cell.contains("\n") ? "<td style=\"text-align:left\"><pre>" : "<td>")
            .append(cell == null ? "<i>null</i>" : escape(cell))
            .append(cell != null && cell.contains("\n") ? "</pre></td>" : "</td>");
      }
      html.append("</tr>\n");
    }
    html.append("</tbody>\n</table>\n");
    if (cells.size() > maxRows) {
      html.append("<p>first ").append(maxRows).append(" rows</p>\n");
    } else {
      html.append("<p>").append(cells.size()).append(cells.size() == 1 ? " row" : " rows").append("</p>\n");
    }
    return html.toString();
  }

  /** The first {@link #MAX_ROWS} rows as plain text (tab-separated, a header line first). */
  public static String text(Object value) {
    Dataset<Row> rows = ((Dataset<?>) value).toDF();
    StringBuilder text = new StringBuilder(String.join("\t", rows.columns())).append('\n');
    for (String[] row : TableFormat.strings(rows.limit(MAX_ROWS))) {
      for (int i = 0; i < row.length; i++) {
        text.append(i == 0 ? "" : "\t").append(row[i] == null ? "null" : row[i].replace("\n", "\\n"));
      }
      text.append('\n');
    }
    return text.toString();
  }

  static String escape(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
  }
}
