package org.automlzero.spark;

import java.util.Iterator;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.sql.Row;

/** The birth rows of an island's result, for the Parquet writer. Stateless. */
public final class BirthRowsOf implements FlatMapFunction<IslandResult, Row> {
  private static final long serialVersionUID = 1L;

  @Override
  public Iterator<Row> call(IslandResult result) {
    return result.births().iterator();
  }
}
