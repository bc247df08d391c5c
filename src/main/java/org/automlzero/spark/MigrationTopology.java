package org.automlzero.spark;

/** Where each island's migrants go ({@code islands.migration.topology}). */
public enum MigrationTopology {
  /** Island i sends to island i + 1 (mod the island count). */
  RING,
  /** Each island sends to another island drawn from (seed, epoch, island). */
  RANDOM
}
