package org.automlzero.spark;

import org.apache.spark.api.java.function.Function;

/** The small part of an island's result that the driver collects. Stateless. */
public final class SummaryOf implements Function<IslandResult, IslandSummary> {
  private static final long serialVersionUID = 1L;

  @Override
  public IslandSummary call(IslandResult result) {
    return result.summary();
  }
}
