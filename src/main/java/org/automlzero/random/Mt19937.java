package org.automlzero.random;

/**
 * The 32-bit Mersenne Twister MT19937 (Matsumoto and Nishimura 1998), output for output the
 * C++ {@code std::mt19937}, which is the generator behind every random number of the reference
 * (semantics page section 0). Seeds are unsigned 32-bit values; the reference's seed arithmetic,
 * such as {@code data_seed + 865546086}, is done in {@code uint32} and wraps, which
 * {@link #seed(long)} reproduces by keeping the low 32 bits.
 *
 * <p>Mutable and not thread-safe: one per stream, reseedable in place with {@link #seed(long)}.
 * It is a separate class from {@link Rng} on purpose: only code that must reproduce the
 * reference's numbers (the synthetic regression tasks) uses it.
 */
public final class Mt19937 {
  private static final int N = 624;
  private static final int M = 397;
  private static final int MATRIX_A = 0x9908b0df;
  private static final int UPPER_MASK = 0x80000000;
  private static final int LOWER_MASK = 0x7fffffff;
  private static final int INIT_MULTIPLIER = 1812433253;

  private final int[] state = new int[N];
  private int next;

  /** A generator seeded as {@code std::mt19937(seed)}, with {@code seed} taken mod 2^32. */
  public Mt19937(long seed) {
    seed(seed);
  }

  /** A copy of {@code other} that continues its stream independently. */
  public Mt19937(Mt19937 other) {
    System.arraycopy(other.state, 0, state, 0, N);
    next = other.next;
  }

  /** Restarts the stream as {@code std::mt19937::seed(seed)} does, with {@code seed} taken mod 2^32. */
  public void seed(long seed) {
    state[0] = (int) seed;
    for (int i = 1; i < N; i++) {
      int previous = state[i - 1];
      state[i] = INIT_MULTIPLIER * (previous ^ (previous >>> 30)) + i;
    }
    next = N;
  }

  /** The next 32-bit output, as the bits of an {@code int} (use {@link #nextUnsigned()} for its value). */
  public int nextInt() {
    if (next >= N) {
      twist();
    }
    int y = state[next++];
    y ^= y >>> 11;
    y ^= (y << 7) & 0x9d2c5680;
    y ^= (y << 15) & 0xefc60000;
    return y ^ (y >>> 18);
  }

  /** The next 32-bit output as its unsigned value in [0, 2^32). */
  public long nextUnsigned() {
    return Integer.toUnsignedLong(nextInt());
  }

  /**
   * 64 random bits as absl's {@code FastUniformBits<uint64_t>} takes them from a 32-bit engine
   * ({@code absl/random/internal/fast_uniform_bits.h}): two outputs, the first in the high half.
   * Every absl distribution the reference calls on its {@code std::mt19937} draws through this.
   */
  public long nextBits64() {
    long high = nextUnsigned();
    return (high << 32) | nextUnsigned();
  }

  /** True when this generator and {@code other} will produce the same outputs from now on. */
  boolean sameStateAs(Mt19937 other) {
    return next == other.next && java.util.Arrays.equals(state, other.state);
  }

  private void twist() {
    for (int i = 0; i < N; i++) {
      int y = (state[i] & UPPER_MASK) | (state[(i + 1) % N] & LOWER_MASK);
      int z = state[(i + M) % N] ^ (y >>> 1);
      state[i] = (y & 1) == 0 ? z : z ^ MATRIX_A;
    }
    next = 0;
  }
}
