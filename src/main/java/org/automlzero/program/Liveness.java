package org.automlzero.program;

import java.util.Arrays;
import java.util.List;

/**
 * Which instructions of an {@link Algorithm} can change a prediction: a backward liveness analysis
 * over addresses (scalars, vectors and matrices) on the cyclic structure the executor runs,
 * Setup -> (Predict, Learn)* -> Predict* -> (Predict, Learn)* ... (semantics page sections 1 and
 * 4.1). The only observable is s1 after every Predict; Learn's writes reach the next Predict;
 * validation Predict's writes reach the next Predict and Learn; s0 and v0 are set by the executor
 * before every Predict and Learn and never written by programs. The analysis is a fixpoint of
 * strong liveness: an instruction is live when its output is live after it, and only live
 * instructions make their inputs live. Ops have no side effect besides their output and, for the
 * uniform and Gaussian sets, their draws from the shared generator; because removing one
 * stochastic op would shift the draws of every later one, stochastic ops are kept all together
 * (see {@link StochasticOps}). The paper prints its discovered programs after removing such dead
 * code by hand (Real et al. 2020, Figures 1, 5 and S5-S8).
 *
 * <p>Mutable and not thread-safe: a reusable analysis buffer, one per worker. Its arrays are sized
 * by the largest algorithm and address space seen so far, so that after warm-up {@link #analyze}
 * allocates nothing.
 */
public final class Liveness {

  /** What to do with the stochastic ops (uniform and Gaussian sets), which share one generator. */
  public enum StochasticOps {
    /**
     * Keep every stochastic op when any one is live (so the live ones draw exactly what they drew
     * before); remove them all when none is. A run that starts from the same generator state then
     * gives the same fitness, but leaves the generator in a different state when dead draws go.
     */
    KEEP_ALL_IF_ANY_LIVE,
    /**
     * Always keep every stochastic op, so the shared generator advances exactly as it does for
     * the original program and every later evaluation that draws from it sees the same stream.
     */
    KEEP_ALWAYS
  }

  // The flag bits of an encoded instruction.
  private static final int PARTIAL = 1; // writes one entry: uses and defines its output
  private static final int STOCHASTIC = 2;

  private final StochasticOps stochasticOps;

  // The encoded instructions of Setup, Predict and Learn one after the other: bit indices of the
  // output and inputs in one space (scalars, then vectors, then matrices), -1 when unused.
  private int[] outBit = new int[0];
  private int[] in1Bit = new int[0];
  private int[] in2Bit = new int[0];
  private int[] flags = new int[0];
  private boolean[] live = new boolean[0];
  private int setupEnd;
  private int predictEnd;
  private int learnEnd;

  // Live sets as bit words: the working set, Predict's and Learn's entry sets, and scratch.
  private int words;
  private long[] work = new long[0];
  private long[] predictIn = new long[0];
  private long[] learnIn = new long[0];
  private long[] predictOut = new long[0];
  private int vectorBase;

  private int liveCount;
  private Algorithm lastAlgorithm;
  private AddressSpace lastSpace;

  /** An analysis with {@link StochasticOps#KEEP_ALL_IF_ANY_LIVE}. */
  public Liveness() {
    this(StochasticOps.KEEP_ALL_IF_ANY_LIVE);
  }

  public Liveness(StochasticOps stochasticOps) {
    if (stochasticOps == null) {
      throw new IllegalArgumentException("stochasticOps is null");
    }
    this.stochasticOps = stochasticOps;
  }

  public StochasticOps stochasticOps() {
    return stochasticOps;
  }

  /**
   * Analyses {@code algorithm} for memories of {@code space}; read the result with
   * {@link #isLive}. Analysing the same algorithm instance and space twice in a row does the work
   * once (algorithms are immutable).
   *
   * @throws IllegalArgumentException when an instruction does not fit {@code space}
   */
  public Liveness analyze(Algorithm algorithm, AddressSpace space) {
    if (algorithm == lastAlgorithm && sameSpace(space)) {
      return this;
    }
    lastAlgorithm = null; // until the analysis below has succeeded
    encode(algorithm, space);
    solve();
    mark();
    lastAlgorithm = algorithm;
    lastSpace = space;
    return this;
  }

  // Field by field: the reuse check sits on the hot path and must stay trivially allocation-free.
  private boolean sameSpace(AddressSpace space) {
    return lastSpace != null
        && space.scalars() == lastSpace.scalars()
        && space.vectors() == lastSpace.vectors()
        && space.matrices() == lastSpace.matrices();
  }

  /** True when instruction {@code index} of {@code function} is kept; NO_OPs never are. */
  public boolean isLive(ComponentFunction function, int index) {
    int start = start(function);
    int end = end(function);
    if (index < 0 || start + index >= end) {
      throw new IndexOutOfBoundsException(function.title() + " has " + (end - start) + " instructions, not " + index);
    }
    return live[start + index];
  }

  /** The number of instructions kept, in all three functions. */
  public int liveCount() {
    return liveCount;
  }

  private int start(ComponentFunction function) {
    return switch (function) {
      case SETUP -> 0;
      case PREDICT -> setupEnd;
      case LEARN -> predictEnd;
    };
  }

  private int end(ComponentFunction function) {
    return switch (function) {
      case SETUP -> setupEnd;
      case PREDICT -> predictEnd;
      case LEARN -> learnEnd;
    };
  }

  private void encode(Algorithm algorithm, AddressSpace space) {
    int size = algorithm.size();
    if (outBit.length < size) {
      int capacity = Math.max(size, outBit.length * 2);
      outBit = new int[capacity];
      in1Bit = new int[capacity];
      in2Bit = new int[capacity];
      flags = new int[capacity];
      live = new boolean[capacity];
    }
    int bits = space.scalars() + space.vectors() + space.matrices();
    words = (bits + 63) >>> 6;
    if (work.length < words) {
      work = new long[words];
      predictIn = new long[words];
      learnIn = new long[words];
      predictOut = new long[words];
    }
    vectorBase = space.scalars();
    int n = encode(algorithm.setup(), 0, space);
    setupEnd = n;
    n = encode(algorithm.predict(), n, space);
    predictEnd = n;
    learnEnd = encode(algorithm.learn(), n, space);
  }

  private int encode(List<Instruction> instructions, int n, AddressSpace space) {
    for (int i = 0, size = instructions.size(); i < size; i++, n++) {
      Instruction instruction = instructions.get(i);
      Op op = instruction.op();
      if (!fits(op.in1(), instruction.in1(), 0, space)
          || !fits(op.in2(), instruction.in2(), 0, space)
          || !fits(op.out(), instruction.out(), AddressSpace.firstOutput(op.out()), space)) {
        space.check(instruction); // throws, naming the operand
      }
      outBit[n] = bit(op.out(), instruction.out(), space);
      in1Bit[n] = bit(op.in1(), instruction.in1(), space);
      in2Bit[n] = bit(op.in2(), instruction.in2(), space);
      int flag = 0;
      if (op == Op.VECTOR_CONST_SET || op == Op.MATRIX_CONST_SET) {
        flag |= PARTIAL;
      }
      if (op.isStochastic()) {
        flag |= STOCHASTIC;
      }
      flags[n] = flag;
    }
    return n;
  }

  private static boolean fits(Kind kind, int address, int first, AddressSpace space) {
    return kind == Kind.NONE || (address >= first && address < space.count(kind));
  }

  private static int bit(Kind kind, int address, AddressSpace space) {
    return switch (kind) {
      case NONE -> -1;
      case SCALAR -> address;
      case VECTOR -> space.scalars() + address;
      case MATRIX -> space.scalars() + space.vectors() + address;
    };
  }

  /**
   * The fixpoint of the entry sets of Predict and Learn. Predict is followed by Learn (training),
   * by Predict (validation, or training after validation) or by nothing, and s1 is observed after
   * it; Learn is followed by Predict. The entry sets only grow, so this ends.
   */
  private void solve() {
    Arrays.fill(predictIn, 0, words, 0L);
    Arrays.fill(learnIn, 0, words, 0L);
    boolean changed = true;
    while (changed) {
      changed = false;
      // Learn, from the live set at Predict's entry.
      System.arraycopy(predictIn, 0, work, 0, words);
      transfer(predictEnd, learnEnd, false);
      killExternal();
      changed |= copyIfChanged(work, learnIn);
      // Predict, from s1 and the entries of whatever may follow it.
      setPredictOut();
      System.arraycopy(predictOut, 0, work, 0, words);
      transfer(setupEnd, predictEnd, false);
      killExternal();
      changed |= copyIfChanged(work, predictIn);
    }
  }

  private void setPredictOut() {
    for (int w = 0; w < words; w++) {
      predictOut[w] = predictIn[w] | learnIn[w];
    }
    set(predictOut, AddressSpace.PREDICTION_SCALAR);
  }

  /** Marks the live instructions from the fixpoint's exit sets and applies the stochastic rule. */
  private void mark() {
    setPredictOut();
    System.arraycopy(predictOut, 0, work, 0, words);
    transfer(setupEnd, predictEnd, true);
    System.arraycopy(predictIn, 0, work, 0, words);
    transfer(predictEnd, learnEnd, true);
    System.arraycopy(predictIn, 0, work, 0, words);
    transfer(0, setupEnd, true);

    boolean anyStochasticLive = stochasticOps == StochasticOps.KEEP_ALWAYS;
    for (int i = 0; i < learnEnd && !anyStochasticLive; i++) {
      anyStochasticLive = live[i] && (flags[i] & STOCHASTIC) != 0;
    }
    // Keeping a dead write is harmless: no kept instruction reads the value it writes.
    int count = 0;
    for (int i = 0; i < learnEnd; i++) {
      if (anyStochasticLive && (flags[i] & STOCHASTIC) != 0) {
        live[i] = true;
      }
      if (live[i]) {
        count++;
      }
    }
    liveCount = count;
  }

  /**
   * Runs instructions {@code [from, to)} backwards over the live set {@code work}; with
   * {@code record}, stores whether each one is live.
   */
  private void transfer(int from, int to, boolean record) {
    final long[] set = work;
    for (int i = to - 1; i >= from; i--) {
      final int o = outBit[i];
      final boolean isLive = o >= 0 && get(set, o);
      if (record) {
        live[i] = isLive;
      }
      if (!isLive) {
        continue;
      }
      if ((flags[i] & PARTIAL) == 0) {
        clear(set, o);
      }
      if (in1Bit[i] >= 0) {
        set(set, in1Bit[i]);
      }
      if (in2Bit[i] >= 0) {
        set(set, in2Bit[i]);
      }
    }
  }

  /** s0 and v0 are written by the executor before every Predict and Learn. */
  private void killExternal() {
    clear(work, AddressSpace.LABEL_SCALAR);
    clear(work, vectorBase + AddressSpace.FEATURES_VECTOR);
  }

  private boolean copyIfChanged(long[] from, long[] to) {
    boolean changed = false;
    for (int w = 0; w < words; w++) {
      if (from[w] != to[w]) {
        to[w] = from[w];
        changed = true;
      }
    }
    return changed;
  }

  private static boolean get(long[] set, int bit) {
    return (set[bit >>> 6] & (1L << bit)) != 0;
  }

  private static void set(long[] set, int bit) {
    set[bit >>> 6] |= 1L << bit;
  }

  private static void clear(long[] set, int bit) {
    set[bit >>> 6] &= ~(1L << bit);
  }
}
