package org.automlzero.spark;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * The winner's and the baselines' fitness on each final task of a finished run, for the notebooks:
 * the run's stored configuration and results, re-evaluated in the driver exactly as the final stage
 * did (same tasks, same seeds), so each finalist's tasks combine to its {@code final_fitness}.
 * Stateless.
 */
public final class FinalTaskFitness {
  /** One row per finalist and final task. */
  public static final StructType SCHEMA = new StructType()
      .add("kind", DataTypes.StringType, false)
      .add("name", DataTypes.StringType, false)
      .add("task", DataTypes.IntegerType, false)
      .add("fitness", DataTypes.DoubleType, false);

  private FinalTaskFitness() {}

  /** The per-task fitness of the finalists of the run at {@code runLocation} (any Hadoop URI). */
  public static Dataset<Row> of(SparkSession spark, String runLocation) {
    Path location = new Path(runLocation);
    RunStore store = new RunStore(location.getParent().toString(), location.getName(),
        spark.sparkContext().hadoopConfiguration());
    Config config = ConfigFactory.parseString(store.readText("run.conf")).resolve();
    JobPlan plan = SearchJob.plan(config, java.nio.file.Path.of("run.conf"));
    // The final stage's order: the winner, then the baselines as the results list them.
    List<Finalist> finalists = new ArrayList<>();
    for (Row row : spark.read().parquet(store.child("results")).collectAsList()) {
      String kind = row.getString(row.fieldIndex("kind"));
      if (kind.equals(Finalist.WINNER) || kind.equals(Finalist.BASELINE)) {
        Finalist finalist = new Finalist(kind, row.getString(row.fieldIndex("name")), row.getInt(row.fieldIndex("island")),
            row.getLong(row.fieldIndex("id")), row.getString(row.fieldIndex("program")), Double.NaN, Double.NaN, Double.NaN);
        finalists.add(kind.equals(Finalist.WINNER) ? 0 : finalists.size(), finalist);
      }
    }
    List<String> order = new ArrayList<>();
    for (Finalist finalist : finalists) {
      order.add(finalist.name());
    }
    List<Row> rows = new ArrayList<>();
    for (Finalist finalist : finalists) {
      double[] fitness = EvaluateFinalist.perTask(plan, EvaluateFinalist.Stage.FINAL, finalist, order);
      for (int task = 0; task < fitness.length; task++) {
        rows.add(RowFactory.create(finalist.kind(), finalist.name(), task, fitness[task]));
      }
    }
    return spark.createDataFrame(rows, SCHEMA);
  }
}
