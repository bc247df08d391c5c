package org.automlzero.spark;

import java.io.Serializable;
import org.automlzero.config.Settings;

/**
 * Test-only faults, the {@code testing.*} keys of reference.conf: they make a run fail, hang or
 * lose cached data on purpose at exact points, so that tests can show that retried tasks, recomputed
 * stages and a job killed at any point change nothing. All off by default; a real run never sets
 * them. They do not change results, so resuming a run ignores them ({@link SearchJob#difference}).
 * Immutable; serializable to executors.
 *
 * @param failFirstAttempts the first attempt of each evolution task whose epoch + partition is even
 *     throws after evolving its first island (Spark retries it when the master allows retries,
 *     e.g. {@code local[2,4]})
 * @param loseCachedEpoch after this epoch's evolution stage, its cached results are removed from
 *     every block manager, as if the executors holding them were lost; -1 never
 * @param stallInEpoch partition 0's evolution task of this epoch hangs after evolving its islands,
 *     until the process is killed; -1 never
 * @param stallBeforeCommit the writer hangs after writing this epoch's population and progress,
 *     before its commit marker, until the process is killed; -1 never
 */
public record FaultInjection(boolean failFirstAttempts, int loseCachedEpoch, int stallInEpoch, int stallBeforeCommit)
    implements Serializable {
  private static final long serialVersionUID = 1L;

  /** No faults. */
  public static final FaultInjection NONE = new FaultInjection(false, -1, -1, -1);

  /** The {@code testing} block of a resolved config. */
  public static FaultInjection read(Settings testing) {
    return new FaultInjection(testing.bool("fail_first_attempts"),
        testing.intIn("lose_cached_epoch", -1, Integer.MAX_VALUE),
        testing.intIn("stall_in_epoch", -1, Integer.MAX_VALUE),
        testing.intIn("stall_before_commit", -1, Integer.MAX_VALUE));
  }

  /** True when the first attempt of epoch {@code epoch}'s task for {@code partition} is to fail. */
  public boolean failsFirstAttempt(int epoch, int partition) {
    return failFirstAttempts && (epoch + partition) % 2 == 0;
  }

  /** True when partition {@code partition}'s evolution task of {@code epoch} is to hang. */
  public boolean stallsIn(int epoch, int partition) {
    return stallInEpoch == epoch && partition == 0;
  }

  /**
   * Says so on stderr (tests wait for the line), then hangs the calling thread until the process dies
   * (or the thread is interrupted: then throws).
   */
  static void stall(String where) {
    System.err.println("stalling on purpose (" + where + ")");
    System.err.flush();
    try {
      Thread.sleep(Long.MAX_VALUE);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while stalled on purpose (" + where + ")", e);
    }
  }
}
