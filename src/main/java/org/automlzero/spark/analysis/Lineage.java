package org.automlzero.spark.analysis;

import static org.apache.spark.sql.functions.col;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * The ancestry of one individual over the views of {@link RunViews}: the chain of parents from the
 * individual back to its first ancestor (an initial or random algorithm, {@code parent_id = -1}),
 * one row per generation with the mutation that made it and the fitness it gained over its parent.
 * The chain is followed through {@code births} (every individual created) and, for runs written
 * before births were recorded, the stored populations; it ends early, with {@code complete} false
 * on its first row, where a parent was recorded in neither. Stateless.
 */
public final class Lineage {
  /** The rows: oldest ancestor first. */
  public static final StructType SCHEMA = new StructType()
      .add("step", DataTypes.IntegerType, false)
      .add("id", DataTypes.LongType, false)
      .add("parent_id", DataTypes.LongType, false)
      .add("island", DataTypes.IntegerType, false)
      .add("born_epoch", DataTypes.IntegerType, false)
      .add("fitness", DataTypes.DoubleType, false)
      .add("gain", DataTypes.DoubleType, true)
      .add("mutation", DataTypes.StringType, false)
      .add("complete", DataTypes.BooleanType, false);

  private Lineage() {}

  /** The ancestry of individual {@code id} of run {@code run}, oldest first (views registered). */
  public static Dataset<Row> of(SparkSession spark, String run, long id) {
    Dataset<Row> known = spark.table("births").where(col("run").equalTo(run))
        .selectExpr("id", "parent_id", "island", "epoch AS born_epoch", "fitness", "mutation")
        .unionByName(spark.table("population").where(col("run").equalTo(run))
            .selectExpr("id", "parent_id", "island", "born_epoch", "fitness", "mutation"));
    Map<Long, Long> parents = new HashMap<>();
    for (Row row : known.select("id", "parent_id").distinct().collectAsList()) {
      parents.put(row.getLong(0), row.getLong(1));
    }
    if (!parents.containsKey(id)) {
      throw new IllegalArgumentException("run " + run + " has no individual " + id);
    }
    List<Long> chain = new ArrayList<>();
    Set<Long> seen = new HashSet<>();
    long current = id;
    boolean complete = false;
    while (parents.containsKey(current) && seen.add(current)) {
      chain.add(current);
      long parent = parents.get(current);
      if (parent < 0) {
        complete = true;
        break;
      }
      current = parent;
    }
    Map<Long, Row> details = new HashMap<>();
    for (Row row : known.where(col("id").isin(chain.toArray())).collectAsList()) {
      details.putIfAbsent(row.getLong(0), row);
    }
    List<Row> rows = new ArrayList<>();
    Double previous = null;
    for (int step = 0; step < chain.size(); step++) {
      Row row = details.get(chain.get(chain.size() - 1 - step));
      double fitness = row.getDouble(4);
      rows.add(RowFactory.create(step, row.getLong(0), row.getLong(1), row.getInt(2), row.getInt(3), fitness,
          previous == null ? null : fitness - previous, row.getString(5), complete));
      previous = fitness;
    }
    return spark.createDataFrame(rows, SCHEMA);
  }
}
