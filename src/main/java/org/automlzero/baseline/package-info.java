/**
 * The hand-written baselines tuned as the paper tuned them (supplementary "Baselines"): the
 * reference's linear model and two-layer neural net, written in the project's own program
 * language ({@link org.automlzero.program.HandWrittenAlgorithms}), with their learning rate and
 * initialisation scales chosen by a seeded random search on the select tasks, then scored on the
 * final tasks beside the evolved winner. Plain Java; the Spark job runs the same trials as a stage.
 */
package org.automlzero.baseline;
