package org.automlzero.task;

import java.io.IOException;

/**
 * Reads the dataset a {@link DatasetSource} names. {@link #files} reads IDX and CSV through
 * {@link DataFiles} and refuses Parquet tables, which need Spark: the Spark job passes its own
 * loader to {@link TaskGenerator}. Implementations are used on the driver only.
 */
@FunctionalInterface
public interface DatasetLoader {

  /**
   * The dataset of {@code source}.
   *
   * @throws IOException naming the source's location and what is wrong with it
   */
  LabeledDataset load(DatasetSource source) throws IOException;

  /** IDX and CSV files through {@code files}, in-memory datasets as they are; no Parquet. */
  static DatasetLoader files(DataFiles files) {
    return source -> {
      if (source instanceof DatasetSource.Idx idx) {
        return idx.load(files);
      }
      if (source instanceof DatasetSource.Csv csv) {
        return csv.load(files);
      }
      if (source instanceof DatasetSource.InMemory memory) {
        return memory.dataset();
      }
      DatasetSource.Parquet parquet = (DatasetSource.Parquet) source;
      throw new IOException(parquet.path() + ": Parquet datasets are read through Spark; run the Spark job"
          + " (./submit.sh CONFIG), or use an IDX or CSV copy with this command");
    };
  }
}
