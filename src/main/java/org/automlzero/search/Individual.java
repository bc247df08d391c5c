package org.automlzero.search;

import java.util.Objects;
import org.automlzero.program.Algorithm;

/**
 * A member of a population: an algorithm, its fitness, and its lineage. Immutable.
 *
 * @param id unique per run: the island in the high bits, the island's individual number in the
 *     low {@value #NUMBER_BITS} bits (see {@link #id(int, long)})
 * @param parentId the id of the tournament winner it was mutated from, or -1 for an individual
 *     created from scratch (initial population, random search)
 * @param mutation how it was made: a {@link Mutation#description()}, or {@code INIT <type>} or
 *     {@code RANDOM} for individuals created from scratch
 * @param born the island's individual number at its birth (0 for the first individual)
 * @param bornEpoch the epoch of the population state it was born in
 */
public record Individual(
    long id, Algorithm algorithm, double fitness, long parentId, String mutation, long born, int bornEpoch) {

  /** The bits of an id that hold the island's individual number. */
  public static final int NUMBER_BITS = 40;
  /** The largest island number an id can hold. */
  public static final int MAX_ISLAND = (1 << (63 - NUMBER_BITS)) - 1;

  public Individual {
    Objects.requireNonNull(algorithm, "algorithm");
    Objects.requireNonNull(mutation, "mutation");
    if (id < 0) {
      throw new IllegalArgumentException("id is " + id + ", must be >= 0");
    }
    if (parentId < -1) {
      throw new IllegalArgumentException("parentId is " + parentId + ", must be >= -1");
    }
    if (Double.isNaN(fitness)) {
      throw new IllegalArgumentException("fitness of individual " + id + " is NaN");
    }
    if (born < 0 || bornEpoch < 0) {
      throw new IllegalArgumentException("born " + born + " and bornEpoch " + bornEpoch + " must be >= 0");
    }
  }

  /** The id of the {@code number}-th individual (from 0) of {@code island}. */
  public static long id(int island, long number) {
    if (island < 0 || island > MAX_ISLAND) {
      throw new IllegalArgumentException("island is " + island + ", must be in [0, " + MAX_ISLAND + "]");
    }
    if (number < 0 || number >= 1L << NUMBER_BITS) {
      throw new IllegalArgumentException("individual number " + number + " does not fit in " + NUMBER_BITS + " bits");
    }
    return ((long) island << NUMBER_BITS) | number;
  }

  /** The island encoded in {@code id}. */
  public static int island(long id) {
    return (int) (id >>> NUMBER_BITS);
  }
}
