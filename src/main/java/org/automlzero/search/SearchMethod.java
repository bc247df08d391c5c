package org.automlzero.search;

/**
 * How a population makes and places new individuals once it is full. All three sweep the slots
 * in order and count individuals the same way, so budgets and pauses mean the same for each.
 */
public enum SearchMethod {
  /**
   * Regularized (aging) evolution, the reference's and the paper's: the child of a tournament
   * winner replaces the oldest member.
   */
  REGULARIZED_EVOLUTION,
  /**
   * The non-aging baseline (Real et al. 2019): the child of a tournament winner replaces the least
   * fit member (the first in slot order on ties), whatever the child's own fitness.
   */
  NON_AGING_EVOLUTION,
  /**
   * Random search: every individual is a fresh random algorithm (RANDOM_ALGORITHM with the
   * population's init sizes and ops); the population is the window of the latest ones, the new
   * one replacing the oldest.
   */
  RANDOM_SEARCH
}
