/**
 * Analysing runs with Spark SQL: the views over one run or a folder of runs ({@link
 * org.automlzero.spark.analysis.RunViews}), the {@code ./submit.sh sql} command, and the Spark side
 * of the notebooks (a local session for a notebook, Datasets as HTML tables, lineage). Part of the
 * spark package tree, the only one that imports {@code org.apache.spark}.
 */
package org.automlzero.spark.analysis;
