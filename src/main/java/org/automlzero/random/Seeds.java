package org.automlzero.random;

/**
 * Derives seeds from seeds, so that every random stream of a run is a pure function of the run's
 * seed and of where it is used (island, epoch, task, ...), never of a clock, a thread or a
 * partition. Stateless.
 */
public final class Seeds {
  private Seeds() {}

  /** Stafford's variant 13 of the MurmurHash3 finalizer, as SplitMix64 uses it. */
  public static long mix64(long z) {
    z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
    z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
    return z ^ (z >>> 31);
  }

  /** A seed for the stream named by {@code parts} under {@code seed}; order matters. */
  public static long derive(long seed, long... parts) {
    long h = mix64(seed ^ 0x6a09e667f3bcc909L);
    for (long part : parts) {
      h = mix64(h ^ mix64(part + 0x9e3779b97f4a7c15L));
    }
    return h;
  }
}
