package org.automlzero.evaluate;

import org.automlzero.execute.CompiledAlgorithm;

/**
 * What the cache's probes of recently evaluated programs found, so that a program evaluated again
 * need not be probed again: per task the hash of the probe's errors and the steps the probe ran.
 * A probe's outcome depends only on the program that runs (its generator is reseeded to a fixed
 * seed for every task), and most children of a search differ from their parent only in dead code,
 * which the evaluator does not compile: they run exactly their parent's program. Entries are found
 * by the compiled program's {@link CompiledAlgorithm#fingerprint() fingerprint} and confirmed by
 * comparing the programs in full, so a found entry is always the same program's.
 *
 * <p>A direct-mapped table: each program has one slot, a newcomer evicts its occupant. Mutable and
 * not thread-safe: one per cache. Allocates only while slots are first used or grow.
 */
final class ProbeMemo {
  private final int mask;
  private final int tasks;
  private final CompiledAlgorithm[] programs;
  private final long[] fingerprints;
  private final boolean[] complete;
  private final long[] recordHashes;
  private final long[] trainSteps;
  private final long[] validSteps;
  private final long[] learnSteps;

  /**
   * @param capacity the number of slots, a power of two
   * @param tasks the number of tasks each program is probed on
   */
  ProbeMemo(int capacity, int tasks) {
    if (capacity < 1 || Integer.bitCount(capacity) != 1) {
      throw new IllegalArgumentException("capacity is " + capacity + ", must be a power of two");
    }
    this.mask = capacity - 1;
    this.tasks = tasks;
    this.programs = new CompiledAlgorithm[capacity];
    this.fingerprints = new long[capacity];
    this.complete = new boolean[capacity];
    this.recordHashes = new long[capacity * tasks];
    this.trainSteps = new long[capacity * tasks];
    this.validSteps = new long[capacity * tasks];
    this.learnSteps = new long[capacity * tasks];
  }

  /** The number of tasks each entry holds. */
  int tasks() {
    return tasks;
  }

  /** The slot holding all the probes of {@code program}, or -1. */
  int find(CompiledAlgorithm program, long fingerprint) {
    int slot = (int) fingerprint & mask;
    return complete[slot] && fingerprints[slot] == fingerprint && programs[slot].sameProgram(program) ? slot : -1;
  }

  /** Gives {@code program} its slot, empty until {@link #complete}; returns the slot. */
  int claim(CompiledAlgorithm program, long fingerprint) {
    int slot = (int) fingerprint & mask;
    if (programs[slot] == null) {
      programs[slot] = new CompiledAlgorithm();
    }
    programs[slot].copyFrom(program);
    fingerprints[slot] = fingerprint;
    complete[slot] = false;
    return slot;
  }

  /** Records the probe of the claimed {@code slot}'s program on task {@code task}. */
  void record(int slot, int task, long recordHash, long train, long valid, long learn) {
    int at = slot * tasks + task;
    recordHashes[at] = recordHash;
    trainSteps[at] = train;
    validSteps[at] = valid;
    learnSteps[at] = learn;
  }

  /** Marks the claimed {@code slot} as holding a probe for every task. */
  void complete(int slot) {
    complete[slot] = true;
  }

  long recordHash(int slot, int task) {
    return recordHashes[slot * tasks + task];
  }

  long trainSteps(int slot, int task) {
    return trainSteps[slot * tasks + task];
  }

  long validSteps(int slot, int task) {
    return validSteps[slot * tasks + task];
  }

  long learnSteps(int slot, int task) {
    return learnSteps[slot * tasks + task];
  }
}
