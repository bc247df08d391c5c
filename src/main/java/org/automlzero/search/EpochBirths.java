package org.automlzero.search;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The individuals one island creates in one stretch of its search (a Spark epoch), kept compactly
 * as {@link RegularizedEvolution} hands them over, and the ones a lineage can need: those that are
 * members of the population at the end of the stretch or ancestors of one. A parent is alive when
 * its child is born, so every ancestor of a later member is either born later or alive at the end
 * of this stretch: these births, stretch after stretch, hold the whole ancestry of every member
 * ever stored, and leave out only the individuals whose line died out (most of them). Not
 * thread-safe; one per island and stretch.
 */
public final class EpochBirths implements Consumer<Individual> {
  /** One recorded birth. */
  public record Birth(long id, long parentId, long born, double fitness, String mutation) {}

  private static final long NUMBER_MASK = (1L << Individual.NUMBER_BITS) - 1;
  /**
   * Births per block of storage: 16,384 longs are 128 KB, well under the size from which G1
   * allocates an array as a humongous object (half a region, 1 MB and up), which starts a
   * concurrent collection. One growing array per field reached 200,000 entries and more per epoch.
   */
  private static final int BLOCK_BITS = 14;
  private static final int BLOCK = 1 << BLOCK_BITS;

  private final int island;
  private final long firstNumber;
  private long[][] parents = new long[4][];
  private double[][] fitnesses = new double[4][];
  /** Per birth the index of its mutation's description in {@link #descriptions}. */
  private int[][] mutations = new int[4][];
  /**
   * The distinct descriptions, each kept once: the children's own strings then die young instead
   * of living as long as this record (hundreds of thousands per epoch).
   */
  private final List<String> descriptions = new ArrayList<>();
  private final Map<String, Integer> descriptionIndex = new HashMap<>();
  private int count;

  /**
   * @param island the island whose births these are
   * @param firstNumber the island's individual number of the first birth (its count of individuals
   *     created before the stretch)
   */
  public EpochBirths(int island, long firstNumber) {
    this.island = island;
    this.firstNumber = firstNumber;
  }

  /** Records the next individual; they must come in the order of their numbers. */
  @Override
  public void accept(Individual child) {
    if (child.id() != Individual.id(island, firstNumber + count)) {
      throw new IllegalArgumentException("birth " + count + " of island " + island + " should be individual "
          + (firstNumber + count) + ", got id " + child.id());
    }
    final int block = count >>> BLOCK_BITS;
    if (block == parents.length) {
      parents = Arrays.copyOf(parents, 2 * block);
      fitnesses = Arrays.copyOf(fitnesses, 2 * block);
      mutations = Arrays.copyOf(mutations, 2 * block);
    }
    if (parents[block] == null) {
      parents[block] = new long[BLOCK];
      fitnesses[block] = new double[BLOCK];
      mutations[block] = new int[BLOCK];
    }
    final int at = count & (BLOCK - 1);
    parents[block][at] = child.parentId();
    fitnesses[block][at] = child.fitness();
    Integer description = descriptionIndex.get(child.mutation());
    if (description == null) {
      description = descriptions.size();
      descriptions.add(child.mutation());
      descriptionIndex.put(child.mutation(), description);
    }
    mutations[block][at] = description;
    count++;
  }

  /** The number of individuals recorded. */
  public int count() {
    return count;
  }

  /**
   * The recorded individuals that are among {@code alive} or ancestors of one, in birth order.
   * Ancestry is followed through this stretch's births only; it stops at an individual born before
   * the stretch or on another island (a migrant's line), which earlier stretches or other islands
   * record.
   */
  public List<Birth> ancestorsOf(List<Individual> alive) {
    boolean[] keep = new boolean[count];
    int kept = 0;
    for (Individual member : alive) {
      long id = member.id();
      while (true) {
        int index = indexOf(id);
        if (index < 0 || keep[index]) {
          break;
        }
        keep[index] = true;
        kept++;
        id = parents[index >>> BLOCK_BITS][index & (BLOCK - 1)];
      }
    }
    List<Birth> births = new ArrayList<>(kept);
    for (int index = 0; index < count; index++) {
      if (keep[index]) {
        long number = firstNumber + index;
        final int block = index >>> BLOCK_BITS;
        final int at = index & (BLOCK - 1);
        births.add(new Birth(Individual.id(island, number), parents[block][at], number, fitnesses[block][at],
            descriptions.get(mutations[block][at])));
      }
    }
    return births;
  }

  /** The index of {@code id} among the recorded births, or -1. */
  private int indexOf(long id) {
    if (id < 0 || Individual.island(id) != island) {
      return -1;
    }
    long index = (id & NUMBER_MASK) - firstNumber;
    return index >= 0 && index < count ? (int) index : -1;
  }
}
