/**
 * The program model: ops, instructions, algorithms (Setup/Predict/Learn), address spaces, random
 * instructions, and the text format. Plain immutable values; nothing here executes a program. The
 * exception is {@link org.automlzero.program.Liveness}: a reusable analysis buffer that finds
 * the dead code {@link org.automlzero.program.Simplifier} removes.
 */
package org.automlzero.program;
