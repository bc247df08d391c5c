/**
 * The project's Jupyter kernel: {@link org.automlzero.notebook.NotebookKernel} on the JJava
 * project's kernel library, evaluating cells with in-process JShell ({@link
 * org.automlzero.notebook.CellEvaluator}), showing XChart charts as PNG and Spark Datasets as HTML
 * tables (through {@code org.automlzero.spark.analysis.DatasetHtml}, so this package imports no
 * Spark), and {@link org.automlzero.notebook.KernelMain}, the process Jupyter starts.
 */
package org.automlzero.notebook;
