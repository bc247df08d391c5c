package org.automlzero.random;

import java.util.random.RandomGenerator;

/**
 * A small, fast, reseedable pseudo-random generator (SplitMix64, Steele, Lea and Flood 2014).
 *
 * <p>Mutable and not thread-safe: one per worker or per stream. It exists because the JDK's
 * generators cannot be reseeded in place, and the executor must reseed without allocating (the
 * FEC probe of the reference reseeds its generator for every task). Every other method, such as
 * {@link #nextDouble(double, double)} and {@link #nextGaussian()}, is the JDK's default
 * implementation of {@link RandomGenerator} on top of {@link #nextLong()}.
 */
public final class Rng implements RandomGenerator {
  private static final long GOLDEN_GAMMA = 0x9e3779b97f4a7c15L;

  private long state;

  public Rng(long seed) {
    reseed(seed);
  }

  /** Restarts the stream as if this generator had just been built with {@code seed}. */
  public void reseed(long seed) {
    state = seed;
  }

  /**
   * The whole state of this generator: {@code new Rng(state())} continues this stream exactly,
   * which is how a paused search carries its generator across a process boundary.
   */
  public long state() {
    return state;
  }

  @Override
  public long nextLong() {
    state += GOLDEN_GAMMA;
    return Seeds.mix64(state);
  }

  /** A generator for an independent stream, derived from this one's next output. */
  public Rng fork() {
    return new Rng(nextLong());
  }
}
