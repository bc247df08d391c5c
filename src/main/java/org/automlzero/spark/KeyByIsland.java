package org.automlzero.spark;

import org.apache.spark.api.java.function.PairFunction;
import org.apache.spark.sql.Row;
import scala.Tuple2;

/** A population row keyed by its island, for {@link IslandPartitioner}. Stateless. */
public final class KeyByIsland implements PairFunction<Row, Integer, Row> {
  private static final long serialVersionUID = 1L;

  @Override
  public Tuple2<Integer, Row> call(Row row) {
    return new Tuple2<>(row.getInt(row.fieldIndex("island")), row);
  }
}
