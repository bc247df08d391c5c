package org.automlzero.spark.analysis;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;

/**
 * How {@code ./submit.sh sql} prints a query's rows: {@code table} (aligned columns with a header,
 * values as Spark casts them to strings, NULL for nulls), {@code csv} (RFC 4180: a header line,
 * fields quoted when they hold a comma, quote or line break; empty for nulls) or {@code json} (one
 * JSON object per line, Spark's own encoding, nested values kept). Stateless.
 */
public enum TableFormat {
  TABLE, CSV, JSON;

  /** The format named {@code name} (case-insensitive); fails listing the names allowed. */
  public static TableFormat of(String name) {
    try {
      return valueOf(name.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("unknown format '" + name + "': use csv, json or table", e);
    }
  }

  /** Prints every row of {@code rows} to {@code out}. */
  public void print(Dataset<Row> rows, PrintStream out) {
    if (this == JSON) {
      for (String line : rows.toJSON().collectAsList()) {
        out.println(line);
      }
      return;
    }
    String[] names = rows.columns();
    List<String[]> cells = strings(rows);
    if (this == CSV) {
      out.println(csvLine(names));
      for (String[] row : cells) {
        out.println(csvLine(row));
      }
    } else {
      printTable(names, cells, out);
    }
  }

  /** Every value as Spark casts it to a string; null stays null. */
  static List<String[]> strings(Dataset<Row> rows) {
    String[] names = rows.columns();
    Column[] asText = new Column[names.length];
    for (int i = 0; i < names.length; i++) {
      asText[i] = functions.col("`" + names[i].replace("`", "``") + "`").cast("string");
    }
    List<String[]> cells = new ArrayList<>();
    for (Row row : rows.select(asText).collectAsList()) {
      String[] values = new String[names.length];
      for (int i = 0; i < names.length; i++) {
        values[i] = row.isNullAt(i) ? null : row.getString(i);
      }
      cells.add(values);
    }
    return cells;
  }

  static String csvLine(String[] values) {
    StringBuilder line = new StringBuilder();
    for (int i = 0; i < values.length; i++) {
      if (i > 0) {
        line.append(',');
      }
      String value = values[i];
      if (value == null) {
        continue;
      }
      if (value.contains(",") || value.contains("\"") || value.contains("\n") || value.contains("\r")) {
        line.append('"').append(value.replace("\"", "\"\"")).append('"');
      } else {
        line.append(value);
      }
    }
    return line.toString();
  }

  private static void printTable(String[] names, List<String[]> cells, PrintStream out) {
    int[] widths = new int[names.length];
    for (int i = 0; i < names.length; i++) {
      widths[i] = names[i].length();
      for (String[] row : cells) {
        widths[i] = Math.max(widths[i], shown(row[i]).length());
      }
    }
    out.println(tableLine(names, widths));
    StringBuilder rule = new StringBuilder();
    for (int i = 0; i < names.length; i++) {
      rule.append(i == 0 ? "" : "-+-").append("-".repeat(widths[i]));
    }
    out.println(rule);
    for (String[] row : cells) {
      out.println(tableLine(row, widths));
    }
    out.println("(" + cells.size() + (cells.size() == 1 ? " row)" : " rows)"));
  }

  private static String tableLine(String[] values, int[] widths) {
    StringBuilder line = new StringBuilder();
    for (int i = 0; i < values.length; i++) {
      line.append(i == 0 ? "" : " | ");
      String value = shown(values[i]);
      line.append(value).append(" ".repeat(widths[i] - value.length()));
    }
    return line.toString().stripTrailing();
  }

  /** A value on one line: line breaks (program texts) shown as the two characters \n. */
  private static String shown(String value) {
    return value == null ? "NULL" : value.replace("\r", "").replace("\n", "\\n");
  }
}
