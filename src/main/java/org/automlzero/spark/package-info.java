/**
 * The Spark batch job: island-model regularized evolution in epochs ({@link
 * org.automlzero.spark.SearchJob}), one Spark stage per epoch, populations and progress as Parquet,
 * then the select and final stages. With its sub-package {@code analysis}, the only package that
 * imports {@code org.apache.spark}; every per-record function is a small named class that calls the plain-Java search, evaluation and
 * program packages. The output layout and schema are documented in the README ("Output schema").
 */
package org.automlzero.spark;
