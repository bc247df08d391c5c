/**
 * Fitness of algorithms over task sets: the evaluator, fitness combination, the
 * functional-equivalence cache and the train budget (reference {@code evaluator.cc},
 * {@code fec_cache.cc}, {@code train_budget.cc}).
 */
package org.automlzero.evaluate;
