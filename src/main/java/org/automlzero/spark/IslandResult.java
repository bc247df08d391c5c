package org.automlzero.spark;

import java.io.Serializable;
import java.util.Objects;
import org.apache.spark.util.KnownSizeEstimation;

/**
 * One island after one epoch, as the evolution stage returns it and the executors cache it until the
 * next epoch has evolved it: its state as {@link IslandStateCodec} bytes and its summary (the
 * progress row and best rows: all the driver collects). The population rows are not kept: the
 * stage writes them to Parquet as it goes. Immutable (the array is never changed after encoding).
 *
 * <p>It tells Spark's memory store its size ({@link KnownSizeEstimation}) so that Spark does not
 * walk the summary's objects to estimate it.
 *
 * @param state the encoded {@link IslandState}
 */
public record IslandResult(int island, byte[] state, IslandSummary summary)
    implements Serializable, KnownSizeEstimation {
  private static final long serialVersionUID = 2L;

  /** A generous size of the summary: a progress row and a few population rows. */
  private static final long SUMMARY_BYTES = 64 * 1024;

  public IslandResult {
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(summary, "summary");
  }

  /** An island's epoch result in its cached form. */
  public static IslandResult of(IslandEpoch.Result result) {
    return new IslandResult(result.state().population().island(), IslandStateCodec.encode(result.state()),
        result.summary());
  }

  /** The island's state, decoded. */
  public IslandState decodeState() {
    return IslandStateCodec.decode(state);
  }

  @Override
  public long estimatedSize() {
    return state.length + SUMMARY_BYTES;
  }
}
