/**
 * Seeded randomness: a reseedable generator and seed derivation. No global generator exists
 * anywhere in the project; every random component takes its generator as an argument.
 */
package org.automlzero.random;
