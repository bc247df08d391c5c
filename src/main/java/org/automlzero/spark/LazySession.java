package org.automlzero.spark;

import java.util.Objects;
import java.util.function.Supplier;
import org.apache.spark.sql.SparkSession;

/**
 * The job's {@link SparkSession}, started only when first asked for: a config whose datasets are
 * local IDX or CSV files is checked, and its tasks generated, before Spark starts; one that names a
 * Parquet table or a Hadoop URI starts Spark first, to read it. A session given by the caller is
 * used as is and never stopped here. Not thread-safe: the driver's main thread only.
 */
final class LazySession {
  private final SparkSession given;
  private final Supplier<SparkSession> starter;
  private SparkSession started;

  /**
   * @param given the caller's session, or null to start one with {@code starter} when needed
   */
  LazySession(SparkSession given, Supplier<SparkSession> starter) {
    this.given = given;
    this.starter = Objects.requireNonNull(starter, "starter");
  }

  /** The session, started now if it was neither given nor started yet. */
  SparkSession get() {
    if (given != null) {
      return given;
    }
    if (started == null) {
      started = Objects.requireNonNull(starter.get(), "started session");
    }
    return started;
  }

  /** Stops the session if this started it (a given one is the caller's to stop). */
  void stopIfStarted() {
    if (started != null) {
      started.stop();
      started = null;
    }
  }
}
