package org.automlzero.spark.analysis;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.automlzero.spark.PopulationCodec;
import org.automlzero.spark.RunStore;

/**
 * Registers one run, or a folder of runs, as the Spark SQL temporary views {@code population},
 * {@code progress}, {@code births} (every individual created, for lineage), {@code results} and
 * {@code instructions}, each with a {@code run} column (the
 * run folder's name) first, so that runs and ablations compare in one query. Only committed epochs
 * are shown (a job that died mid-epoch leaves an uncommitted one behind). {@code instructions} has
 * one row per instruction of every stored individual: the population's keys, {@code component}
 * ({@code setup}, {@code predict}, {@code learn}), {@code position} (from 0) and the instruction's
 * fields ({@code op}, addresses, constants). A run still searching has no results yet: its view is
 * empty. Stateless; the views replace any of the same names.
 */
public final class RunViews {
  /** The views, in the order they are registered. */
  public static final List<String> NAMES = List.of("population", "progress", "births", "results", "instructions");

  private static final List<String> COMPONENTS = List.of("setup", "predict", "learn");

  private RunViews() {}

  /** Registers the views over the runs at {@code path} and returns those runs. */
  public static List<RunFolders.Run> register(SparkSession spark, String path) {
    List<RunFolders.Run> runs = RunFolders.find(path, spark.sparkContext().hadoopConfiguration());
    Dataset<Row> population = null;
    Dataset<Row> progress = null;
    Dataset<Row> births = null;
    Dataset<Row> results = null;
    for (RunFolders.Run run : runs) {
      int committed = committedEpoch(spark, run);
      Dataset<Row> runPopulation = epochs(spark, run, "population", committed);
      Dataset<Row> runProgress = epochs(spark, run, "progress", committed);
      Dataset<Row> runBirths = epochs(spark, run, "births", committed);
      Dataset<Row> runResults = results(spark, run);
      births = births == null ? runBirths : births.unionByName(runBirths, true);
      population = population == null ? runPopulation : population.unionByName(runPopulation, true);
      progress = progress == null ? runProgress : progress.unionByName(runProgress, true);
      results = results == null ? runResults : results.unionByName(runResults, true);
    }
    population.createOrReplaceTempView("population");
    progress.createOrReplaceTempView("progress");
    births.createOrReplaceTempView("births");
    results.createOrReplaceTempView("results");
    instructions(population).createOrReplaceTempView("instructions");
    return runs;
  }

  private static int committedEpoch(SparkSession spark, RunFolders.Run run) {
    org.apache.hadoop.fs.Path location = new org.apache.hadoop.fs.Path(run.location());
    return new RunStore(location.getParent().toString(), location.getName(),
        spark.sparkContext().hadoopConfiguration()).lastCommitted();
  }

  /** {@code folder}'s rows of the committed epochs, {@code run} and {@code epoch} first. */
  private static Dataset<Row> epochs(SparkSession spark, RunFolders.Run run, String folder, int committed) {
    // Runs written before births were recorded have none: an empty table with the same columns.
    Dataset<Row> rows = committed < 0 || !exists(spark, run.location() + "/" + folder)
        ? spark.createDataFrame(List.of(), switch (folder) {
            case "population" -> PopulationCodec.POPULATION;
            case "progress" -> PopulationCodec.PROGRESS;
            default -> PopulationCodec.BIRTH;
          }).withColumn("epoch", lit(0))
        : spark.read().parquet(run.location() + "/" + folder).where(col("epoch").leq(committed));
    return withRunFirst(rows, run, "epoch");
  }

  private static Dataset<Row> results(SparkSession spark, RunFolders.Run run) {
    String location = run.location() + "/results";
    // No results/ yet (the search is running or died): an empty table with the same columns.
    Dataset<Row> rows = exists(spark, location) ? spark.read().parquet(location)
        : spark.createDataFrame(List.of(), PopulationCodec.RESULT);
    return withRunFirst(rows, run);
  }

  private static boolean exists(SparkSession spark, String location) {
    org.apache.hadoop.fs.Path path = new org.apache.hadoop.fs.Path(location);
    try {
      return path.getFileSystem(spark.sparkContext().hadoopConfiguration()).exists(path);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(location + ": " + e.getMessage(), e);
    }
  }

  private static Dataset<Row> withRunFirst(Dataset<Row> rows, RunFolders.Run run, String... next) {
    List<org.apache.spark.sql.Column> columns = new ArrayList<>();
    columns.add(lit(run.name()).as("run"));
    for (String name : next) {
      columns.add(col(name));
    }
    for (String name : rows.columns()) {
      if (!List.of(next).contains(name)) {
        columns.add(col(name));
      }
    }
    return rows.select(columns.toArray(org.apache.spark.sql.Column[]::new));
  }

  /** One row per instruction of every population row. */
  static Dataset<Row> instructions(Dataset<Row> population) {
    Dataset<Row> all = null;
    for (String component : COMPONENTS) {
      Dataset<Row> rows = population.selectExpr("run", "epoch", "island", "slot", "id", "fitness",
              "'" + component + "' AS component", "posexplode(" + component + ") AS (position, instruction)")
          .selectExpr("run", "epoch", "island", "slot", "id", "fitness", "component", "position", "instruction.*");
      all = all == null ? rows : all.union(rows);
    }
    return all.withColumn("position", col("position").cast(DataTypes.IntegerType));
  }
}
