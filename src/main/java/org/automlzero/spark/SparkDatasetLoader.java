package org.automlzero.spark;

import java.io.IOException;
import java.util.Objects;
import org.automlzero.task.DataFiles;
import org.automlzero.task.DatasetLoader;
import org.automlzero.task.DatasetSource;
import org.automlzero.task.LabeledDataset;

/**
 * The job's {@link DatasetLoader}, used on the driver while the tasks are generated: Parquet tables
 * through Spark ({@link ParquetDatasetReader}), IDX and CSV files through {@link DataFiles} with the
 * session's Hadoop configuration for URIs (so {@code spark.hadoop.*} settings, such as s3a
 * credentials, apply to datasets as to the output). Spark is started only for those two cases.
 * Not thread-safe, as its {@link LazySession}.
 */
final class SparkDatasetLoader implements DatasetLoader {
  private final LazySession session;
  private final DatasetLoader files;

  SparkDatasetLoader(LazySession session) {
    this.session = Objects.requireNonNull(session, "session");
    this.files = DatasetLoader.files(DataFiles.withHadoop(() -> session.get().sparkContext().hadoopConfiguration()));
  }

  @Override
  public LabeledDataset load(DatasetSource source) throws IOException {
    if (source instanceof DatasetSource.Parquet parquet) {
      return ParquetDatasetReader.read(session.get(), parquet);
    }
    return files.load(source);
  }
}
