/**
 * The program model: ops, instructions, algorithms (Setup/Predict/Learn), address spaces, random
 * instructions, and the text format. Plain immutable values; nothing here executes a program.
 */
package org.automlzero.program;
