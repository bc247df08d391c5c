/**
 * Seeded randomness: a reseedable generator and seed derivation. No global generator exists
 * anywhere in the project; every random component takes its generator as an argument.
 *
 * <p>{@link org.automlzero.random.Rng} (SplitMix64) serves the search and the executor.
 * {@link org.automlzero.random.Mt19937} and {@link org.automlzero.random.AbslGaussian} reproduce
 * the reference's {@code std::mt19937} and {@code absl::Gaussian<double>} to the bit, for what must
 * be the reference's own numbers: the synthetic regression tasks.
 */
package org.automlzero.random;
