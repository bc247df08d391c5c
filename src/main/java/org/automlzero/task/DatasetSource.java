package org.automlzero.task;

import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.util.Objects;

/**
 * Where a projected binary classification task gets its labelled data: a pair of IDX files, a CSV
 * file, a Parquet table, or a dataset already in memory. A value (records compare by their fields),
 * so a {@link TaskGenerator} can load each source once. Locations are strings so that specs stay
 * serializable: a local path or any Hadoop file system URI ({@link DataFiles}).
 *
 * <p>IDX and CSV files are read by {@link #load} here; a Parquet table needs Spark and is read by
 * the Spark job's {@link DatasetLoader} ({@code org.automlzero.spark.SparkDatasetLoader}).
 */
public sealed interface DatasetSource extends Serializable {

  /**
   * IDX images and labels (gzipped or not), keeping the first {@code maxPerClass} examples of each
   * class ({@link Integer#MAX_VALUE} for all).
   */
  record Idx(String imagesPath, String labelsPath, int maxPerClass) implements DatasetSource {
    private static final long serialVersionUID = 1L;

    public Idx {
      Objects.requireNonNull(imagesPath, "imagesPath");
      Objects.requireNonNull(labelsPath, "labelsPath");
      if (maxPerClass < 1) {
        throw new IllegalArgumentException("maxPerClass is " + maxPerClass + ", must be >= 1");
      }
    }

    public Idx(String imagesPath, String labelsPath) {
      this(imagesPath, labelsPath, Integer.MAX_VALUE);
    }

    /** Reads both files anew. */
    public LabeledDataset load(DataFiles files) throws IOException {
      try (InputStream images = files.open(imagesPath); InputStream labels = files.open(labelsPath)) {
        return IdxReader.read(images, imagesPath, labels, labelsPath, maxPerClass);
      }
    }
  }

  /** A CSV file (gzipped or not) in the given format. */
  record Csv(String path, CsvFormat format) implements DatasetSource {
    private static final long serialVersionUID = 1L;

    public Csv {
      Objects.requireNonNull(path, "path");
      Objects.requireNonNull(format, "format");
    }

    /** Reads the file anew. */
    public LabeledDataset load(DataFiles files) throws IOException {
      try (InputStream in = files.open(path)) {
        return CsvReader.read(in, path, format);
      }
    }
  }

  /**
   * A Parquet table (a file, or a folder of part files such as Spark writes) with an integer class
   * column {@code labelColumn} and the features either in one array column {@code featuresColumn}
   * (any numeric element type, the same length on every row), or, when {@code featuresColumn} is
   * null, in every other column (all numeric, in the table's column order). Rows are taken in the
   * order of their file's path, then their position in the file, so the same files give the same
   * dataset whatever the file system's listing order or Spark's partitioning. Keeps the first
   * {@code maxPerClass} rows of each class.
   */
  record Parquet(String path, String labelColumn, String featuresColumn, int maxPerClass) implements DatasetSource {
    private static final long serialVersionUID = 1L;

    /** The label column's name when none is given. */
    public static final String DEFAULT_LABEL_COLUMN = "label";

    public Parquet {
      Objects.requireNonNull(path, "path");
      Objects.requireNonNull(labelColumn, "labelColumn");
      if (labelColumn.isBlank()) {
        throw new IllegalArgumentException("labelColumn is blank");
      }
      if (featuresColumn != null && (featuresColumn.isBlank() || featuresColumn.equals(labelColumn))) {
        throw new IllegalArgumentException("featuresColumn '" + featuresColumn
            + "' must be a column name other than the label's");
      }
      if (maxPerClass < 1) {
        throw new IllegalArgumentException("maxPerClass is " + maxPerClass + ", must be >= 1");
      }
    }
  }

  /** A dataset already read (tests, or data handed over by the caller). */
  record InMemory(LabeledDataset dataset) implements DatasetSource {
    private static final long serialVersionUID = 1L;

    public InMemory {
      Objects.requireNonNull(dataset, "dataset");
    }
  }
}
