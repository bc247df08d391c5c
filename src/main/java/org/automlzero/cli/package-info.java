/**
 * The commands that run without Spark ({@code ./submit.sh evaluate} and {@code ./submit.sh
 * search-local}): score a program file on a config's tasks, and the reference's single-thread
 * experiment driver. Exit status 0 on success, 2 on bad input.
 */
package org.automlzero.cli;
