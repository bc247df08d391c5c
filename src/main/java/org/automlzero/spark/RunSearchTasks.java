package org.automlzero.spark;

import java.util.List;
import org.apache.spark.sql.SparkSession;
import org.automlzero.task.Task;
import org.automlzero.task.TaskGenerator;
import org.automlzero.task.TaskSpec;

/**
 * Tasks generated again for analysis, as the job generated them from the same specs: the same seeds
 * and the same datasets (Parquet through {@code spark}, IDX and CSV files and Hadoop URIs as the job
 * reads them; relative paths from the current folder, as the job's).
 */
public final class RunSearchTasks {
  private RunSearchTasks() {}

  /** The tasks of {@code specs}, indexed from 0 as the job's search tasks. */
  public static List<Task> generate(SparkSession spark, List<TaskSpec> specs) {
    return new TaskGenerator(new SparkDatasetLoader(new LazySession(spark, () -> spark))).generate(specs);
  }
}
