package org.automlzero.task;

import java.io.IOException;
import java.io.Serializable;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Where a projected binary classification task gets its labelled data: a pair of IDX files, a CSV
 * file, or a dataset already in memory. A value (records compare by their fields), so a
 * {@link TaskGenerator} can load each source once; {@link #load()} reads the files anew each call.
 * Paths are strings so that specs stay serializable; they name local files.
 */
public sealed interface DatasetSource extends Serializable {

  /** Reads the dataset. */
  LabeledDataset load() throws IOException;

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

    @Override
    public LabeledDataset load() throws IOException {
      return IdxReader.read(Path.of(imagesPath), Path.of(labelsPath), maxPerClass);
    }
  }

  /** A CSV file (gzipped or not) in the given format. */
  record Csv(String path, CsvFormat format) implements DatasetSource {
    private static final long serialVersionUID = 1L;

    public Csv {
      Objects.requireNonNull(path, "path");
      Objects.requireNonNull(format, "format");
    }

    @Override
    public LabeledDataset load() throws IOException {
      return CsvReader.read(Path.of(path), format);
    }
  }

  /** A dataset already read (tests, or data handed over by the caller). */
  record InMemory(LabeledDataset dataset) implements DatasetSource {
    private static final long serialVersionUID = 1L;

    public InMemory {
      Objects.requireNonNull(dataset, "dataset");
    }

    @Override
    public LabeledDataset load() {
      return dataset;
    }
  }
}
