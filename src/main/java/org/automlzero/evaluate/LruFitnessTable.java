package org.automlzero.evaluate;

import java.util.Arrays;

/**
 * A least-recently-used map from 64-bit hashes to a fitness and a use count, in primitive arrays:
 * open addressing with linear probing (deletion by backward shift) plus a doubly linked recency
 * list through slot indices. It serves the functional-equivalence cache, which looks up one hash
 * per task evaluation, without boxing or allocating per lookup.
 *
 * <p>Mutable and not thread-safe.
 */
final class LruFitnessTable {
  private static final int NONE = -1;

  private final int capacity;
  private final int mask;
  private final long[] keys;
  private final double[] fitness;
  private final int[] counts;
  private final boolean[] used;
  private final int[] newer;
  private final int[] older;
  private int newest = NONE;
  private int oldest = NONE;
  private int size;

  LruFitnessTable(int capacity) {
    this.capacity = capacity;
    int slots = Integer.highestOneBit(Math.max(4, capacity) * 2 - 1) << 1;
    this.mask = slots - 1;
    this.keys = new long[slots];
    this.fitness = new double[slots];
    this.counts = new int[slots];
    this.used = new boolean[slots];
    this.newer = new int[slots];
    this.older = new int[slots];
    Arrays.fill(newer, NONE);
    Arrays.fill(older, NONE);
  }

  int size() {
    return size;
  }

  /** The slot holding {@code key}, made the most recent, or -1. */
  int find(long key) {
    int slot = home(key);
    while (used[slot]) {
      if (keys[slot] == key) {
        unlink(slot);
        linkNewest(slot);
        return slot;
      }
      slot = (slot + 1) & mask;
    }
    return NONE;
  }

  /** Whether {@code key} has an entry; unlike {@link #find}, leaves the order of use as it is. */
  boolean contains(long key) {
    int slot = home(key);
    while (used[slot]) {
      if (keys[slot] == key) {
        return true;
      }
      slot = (slot + 1) & mask;
    }
    return false;
  }

  double fitness(int slot) {
    return fitness[slot];
  }

  /** Adds one use to the entry at {@code slot}; returns the new count. */
  int countUse(int slot) {
    return ++counts[slot];
  }

  /** Inserts a key known to be absent with count 1, evicting the least recent beyond capacity. */
  void insert(long key, double value) {
    int slot = home(key);
    while (used[slot]) {
      slot = (slot + 1) & mask;
    }
    used[slot] = true;
    keys[slot] = key;
    fitness[slot] = value;
    counts[slot] = 1;
    linkNewest(slot);
    size++;
    if (size > capacity) {
      remove(oldest);
    }
  }

  /** Removes the entry at {@code slot}. */
  void remove(int slot) {
    unlink(slot);
    used[slot] = false;
    size--;
    // Backward-shift deletion keeps every probe chain unbroken without tombstones.
    int hole = slot;
    int next = (hole + 1) & mask;
    while (used[next]) {
      int home = home(keys[next]);
      if (((next - home) & mask) >= ((next - hole) & mask)) {
        move(next, hole);
        hole = next;
      }
      next = (next + 1) & mask;
    }
  }

  private void move(int from, int to) {
    used[to] = true;
    keys[to] = keys[from];
    fitness[to] = fitness[from];
    counts[to] = counts[from];
    newer[to] = newer[from];
    older[to] = older[from];
    if (newer[to] != NONE) {
      older[newer[to]] = to;
    } else {
      newest = to;
    }
    if (older[to] != NONE) {
      newer[older[to]] = to;
    } else {
      oldest = to;
    }
    used[from] = false;
    newer[from] = NONE;
    older[from] = NONE;
  }

  private void linkNewest(int slot) {
    newer[slot] = NONE;
    older[slot] = newest;
    if (newest != NONE) {
      newer[newest] = slot;
    }
    newest = slot;
    if (oldest == NONE) {
      oldest = slot;
    }
  }

  private void unlink(int slot) {
    int n = newer[slot];
    int o = older[slot];
    if (n != NONE) {
      older[n] = o;
    } else {
      newest = o;
    }
    if (o != NONE) {
      newer[o] = n;
    } else {
      oldest = n;
    }
    newer[slot] = NONE;
    older[slot] = NONE;
  }

  private int home(long key) {
    return (int) (key ^ (key >>> 32)) & mask;
  }
}
