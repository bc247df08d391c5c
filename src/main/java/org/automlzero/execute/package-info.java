/**
 * Running programs: memory, the flattened (compiled) program, the interpreter loop and its op
 * kernels, and the executor that trains and validates a program on one task (reference
 * {@code executor.h}). The hot loop of the whole search lives here and allocates nothing.
 */
package org.automlzero.execute;
