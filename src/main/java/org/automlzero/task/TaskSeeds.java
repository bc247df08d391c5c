package org.automlzero.task;

import java.util.ArrayList;
import java.util.List;
import org.automlzero.random.Rng;
import org.automlzero.random.Seeds;

/**
 * The seed rules of the reference's {@code FillTasksFromTaskSpec} and {@code RandomizeTaskSeeds}
 * (semantics section 7.2): task i uses the i-th listed seed, or the previous task's seed + 1 past the
 * end of the list; empty lists mean the reference's default lists. Stateless.
 */
public final class TaskSeeds {
  /** The reference's default param seeds. */
  public static final List<Long> DEFAULT_PARAM_SEEDS =
      List.of(1001L, 1012L, 1010L, 1000L, 1006L, 1008L, 1007L, 1003L);
  /** The reference's default data seeds. */
  public static final List<Long> DEFAULT_DATA_SEEDS =
      List.of(11001L, 11012L, 11010L, 11000L, 11006L, 11008L, 11007L, 11003L);

  // The reference's HashMix salts for the two randomizing generators.
  private static final long PARAM_SALT = 85652777L;
  private static final long DATA_SALT = 38272328L;
  private static final long MAX_RANDOM_SEED = 0xFFFFFFFFL;

  private TaskSeeds() {}

  /** The seed of task {@code i}: {@code seeds[i]}, else the last listed seed + (i - last index). */
  public static long seedAt(List<Long> seeds, List<Long> defaults, int i) {
    if (i < 0) {
      throw new IllegalArgumentException("task number is " + i + ", must be >= 0");
    }
    List<Long> list = seeds.isEmpty() ? defaults : seeds;
    if (i < list.size()) {
      return list.get(i);
    }
    return list.get(list.size() - 1) + (i - (list.size() - 1));
  }

  /**
   * Copies of {@code specs} with {@code numTasks} fresh param and data seeds each, drawn from two
   * generators derived from {@code seed} and shared across the specs in order, as the reference
   * does when an experiment re-randomizes its search and select tasks. Seeds lie in [1, 2^32 - 1),
   * the reference's {@code UniformRandomSeed()} range.
   */
  public static List<TaskSpec> randomize(List<TaskSpec> specs, long seed) {
    Rng paramRng = new Rng(Seeds.derive(seed, PARAM_SALT));
    Rng dataRng = new Rng(Seeds.derive(seed, DATA_SALT));
    List<TaskSpec> out = new ArrayList<>(specs.size());
    for (TaskSpec spec : specs) {
      List<Long> paramSeeds = new ArrayList<>(spec.numTasks());
      List<Long> dataSeeds = new ArrayList<>(spec.numTasks());
      for (int i = 0; i < spec.numTasks(); i++) {
        paramSeeds.add(paramRng.nextLong(1, MAX_RANDOM_SEED));
      }
      for (int i = 0; i < spec.numTasks(); i++) {
        dataSeeds.add(dataRng.nextLong(1, MAX_RANDOM_SEED));
      }
      out.add(spec.withSeeds(dataSeeds, paramSeeds));
    }
    return List.copyOf(out);
  }
}
