/**
 * The search: initial algorithms, the mutator, and one population's evolution (regularized
 * evolution of Real et al. 2019/2020, plus the non-aging and random-search baselines) with a
 * complete, resumable state. Plain Java; the Spark job runs islands of it in epochs.
 *
 * <p>Nothing here executes a program: fitness comes through {@link
 * org.automlzero.search.FitnessFunction}. Nothing here holds a global generator either: every
 * random choice draws from a generator passed in, and {@link org.automlzero.search.PopulationState}
 * carries the generator's whole state, so a paused search continues bit for bit.
 */
package org.automlzero.search;
