package org.automlzero.spark;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/** What a finished run stored, as comparable text, for the tests that compare runs. */
final class StoredRun {
  private StoredRun() {}

  /**
   * Every population row (all columns, by epoch, island, slot), every progress row but its wall
   * time, and every result row, of the run in {@code run}.
   */
  static List<List<String>> of(SparkSession spark, Path run) {
    return List.of(
        text(spark.read().parquet(run.resolve("population").toString()).orderBy("epoch", "island", "slot")),
        text(spark.read().parquet(run.resolve("progress").toString()).drop("seconds").orderBy("epoch", "island")),
        text(spark.read().parquet(run.resolve("results").toString()).orderBy("kind", "name")));
  }

  private static List<String> text(Dataset<Row> rows) {
    List<String> lines = new ArrayList<>();
    for (Row row : rows.collectAsList()) {
      lines.add(row.toString());
    }
    return lines;
  }
}
