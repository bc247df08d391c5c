package org.automlzero.spark.analysis;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * What the notebooks' first cells and charts need: the run folder to open, a Spark session, and a
 * Dataset's column as a Java array for XChart. Stateless.
 */
public final class Notebooks {
  private Notebooks() {}

  /**
   * The run folder a notebook opens: the system property {@code automlzero.run}, else the
   * environment variable {@code AUTOMLZERO_RUN}, else {@code fallback} (the one the notebook's
   * first cell names). The tests and CI point the notebooks at their own runs through these.
   */
  public static String runFolder(String fallback) {
    String property = System.getProperty("automlzero.run");
    if (property != null && !property.isBlank()) {
      return property;
    }
    String env = System.getenv("AUTOMLZERO_RUN");
    return env != null && !env.isBlank() ? env : fallback;
  }

  /**
   * The session of the notebook: the running one if any, else a new one on the master named by
   * {@code AUTOMLZERO_SPARK_MASTER} (default {@code local[*]}, listening on 127.0.0.1 only), with
   * no UI progress bars in cell outputs.
   */
  public static SparkSession spark() {
    SparkSession.Builder builder = SparkSession.builder().appName("automl-zero notebook")
        .config("spark.ui.showConsoleProgress", "false").config("spark.sql.shuffle.partitions", "8");
    String master = System.getenv("AUTOMLZERO_SPARK_MASTER");
    if (master == null || master.isBlank() || master.startsWith("local")) {
      builder.master(master == null || master.isBlank() ? "local[*]" : master)
          .config("spark.driver.host", "127.0.0.1").config("spark.driver.bindAddress", "127.0.0.1");
    } else {
      builder.master(master);
    }
    return builder.getOrCreate();
  }

  /** {@code column} of every row, as doubles (null as NaN). */
  public static double[] doubles(Dataset<Row> rows, String column) {
    List<Row> values = rows.select(column).collectAsList();
    double[] result = new double[values.size()];
    for (int i = 0; i < result.length; i++) {
      result[i] = values.get(i).isNullAt(0) ? Double.NaN : ((Number) values.get(i).get(0)).doubleValue();
    }
    return result;
  }

  /** {@code column} of every row, as strings (Spark's cast; null stays null). */
  public static List<String> strings(Dataset<Row> rows, String column) {
    List<String> result = new ArrayList<>();
    for (String[] row : TableFormat.strings(rows.select(column))) {
      result.add(row[0]);
    }
    return result;
  }
}
