package org.automlzero.search;

import org.automlzero.program.Algorithm;

/**
 * What the search needs from the evaluator: the fitness of an algorithm, higher is better (the
 * reference's fitnesses are in [0, 1]). Implementations may be stateful (a functional-equivalence
 * cache, a train-step counter the caller reads between sweeps) and need not be thread-safe: one per
 * population run.
 *
 * <p>{@code seed} is a seed for the randomness of this one evaluation (the executor's generator,
 * which ops such as {@code gaussian(...)} draw from). The search derives it from the population's
 * seed and the individual's number, so an evaluator that reseeds from it makes a paused and resumed
 * search give exactly the fitnesses of an uninterrupted one, whatever the pause points. The
 * reference instead shares one generator across all evaluations; an evaluator that does the same
 * may ignore {@code seed}, but then resumption is exact only for algorithms without random ops.
 * The evaluator's cache also changes results only through such random ops.
 */
@FunctionalInterface
public interface FitnessFunction {
  /** The fitness of {@code algorithm}; never NaN. */
  double evaluate(Algorithm algorithm, long seed);
}
