package org.automlzero.spark;

import org.automlzero.random.Seeds;

/**
 * The job's random streams, each derived from the run's seed and where it is used, never from a
 * clock, a thread or a Spark partition: {@code Seeds.derive(seed, ISLAND, i)} is island i's
 * population seed (mutations and evaluations of that island derive from it, see
 * {@link org.automlzero.search.PopulationState}), the random migration topology draws from
 * (seed, MIGRATION, epoch, island), and select/final evaluations from (seed, SELECT|FINAL, ...).
 * Stateless.
 */
public final class Streams {
  static final long ISLAND = 1;
  static final long MIGRATION = 2;
  static final long SELECT = 3;
  static final long FINAL = 4;

  private Streams() {}

  /** Island {@code island}'s population seed. */
  public static long islandSeed(long runSeed, int island) {
    return Seeds.derive(runSeed, ISLAND, island);
  }

  /** The seed of a select evaluation of the individual {@code id}. */
  public static long selectSeed(long runSeed, long id) {
    return Seeds.derive(runSeed, SELECT, id);
  }

  /** The seed of the final evaluation of the {@code index}-th finalist (0 the winner, then baselines). */
  public static long finalSeed(long runSeed, int index) {
    return Seeds.derive(runSeed, FINAL, index);
  }

  /** The seed of island {@code island}'s random migration target after {@code epoch}. */
  static long migrationSeed(long runSeed, int epoch, int island) {
    return Seeds.derive(runSeed, MIGRATION, epoch, island);
  }
}
