/**
 * Tasks: what an algorithm trains and is validated on. {@link org.automlzero.task.TaskSpec} says
 * what to build (kind, sizes, seeds), {@link org.automlzero.task.TaskGenerator} builds executable
 * {@link org.automlzero.task.Task}s from it deterministically: synthetic linear and 2-layer-net
 * regressions, the reference's unit-test tasks, and projected binary classification from labelled
 * datasets read by {@link org.automlzero.task.IdxReader} or {@link org.automlzero.task.CsvReader}
 * from local paths or any Hadoop file system URI ({@link org.automlzero.task.DataFiles}; Hadoop's
 * client, which Spark brings, is touched only for such URIs), or handed over by a
 * {@link org.automlzero.task.DatasetLoader} (the Spark job reads Parquet tables).
 * Follows section 7 of the reference semantics. The synthetic regressions are the reference's own
 * tasks to the bit ({@link org.automlzero.random.Mt19937}, {@link org.automlzero.random.AbslGaussian});
 * the epoch shuffles and the projected tasks' choices use this project's own streams.
 * The package depends on nothing of the project but {@code org.automlzero.random}.
 */
package org.automlzero.task;
