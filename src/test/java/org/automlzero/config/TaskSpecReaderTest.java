package org.automlzero.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.ConfigFactory;
import org.automlzero.task.CsvFormat;
import org.automlzero.task.DatasetSource;
import org.junit.jupiter.api.Test;

class TaskSpecReaderTest {
  private static DatasetSource dataset(String hocon) {
    return TaskSpecReader.dataset(new Settings(ConfigFactory.parseString("dataset " + hocon), "").at("dataset"));
  }

  private static ConfigError error(String hocon) {
    return assertThrows(ConfigError.class, () -> dataset(hocon));
  }

  @Test
  void idxAndCsvLocationsMayBeHadoopUris() {
    assertEquals(new DatasetSource.Idx("hdfs://nn:8020/f/images.gz", "hdfs://nn:8020/f/labels.gz", 500),
        dataset("{format = idx, images = \"hdfs://nn:8020/f/images.gz\", labels = \"hdfs://nn:8020/f/labels.gz\","
            + " max_per_class = 500}"));
    assertEquals(new DatasetSource.Csv("s3a://bucket/d.csv", CsvFormat.withHeader("y")),
        dataset("{format = csv, path = \"s3a://bucket/d.csv\", header = names, label_column = y}"));
  }

  @Test
  void parquetTakesALabelColumnAndOptionallyAFeaturesArray() {
    assertEquals(new DatasetSource.Parquet("hdfs:///data/fm", "label", null, Integer.MAX_VALUE),
        dataset("{format = parquet, path = \"hdfs:///data/fm\"}"));
    assertEquals(new DatasetSource.Parquet("data/fm", "class", "pixels", 100),
        dataset("{format = parquet, path = data/fm, label_column = class, features_column = pixels,"
            + " max_per_class = 100}"));
  }

  @Test
  void aKeyOfAnotherFormatIsRefusedNotIgnored() {
    ConfigError csv = error("{format = csv, path = d.csv, max_per_class = 10}");
    assertTrue(csv.getMessage().contains("dataset.max_per_class") && csv.getMessage().contains("format = csv"),
        csv.getMessage());
    ConfigError idx = error("{format = idx, images = i, labels = l, path = p}");
    assertTrue(idx.getMessage().contains("dataset.path"), idx.getMessage());
    ConfigError parquet = error("{format = parquet, path = p, header = names}");
    assertTrue(parquet.getMessage().contains("dataset.header"), parquet.getMessage());
  }

  @Test
  void badParquetSettingsAreNamed() {
    assertTrue(error("{format = parquet}").getMessage().contains("dataset.path"));
    assertTrue(error("{format = parquet, path = \"\"}").getMessage().contains("is empty"));
    ConfigError same = error("{format = parquet, path = p, label_column = x, features_column = x}");
    assertTrue(same.getMessage().contains("dataset.features_column"), same.getMessage());
    ConfigError format = error("{format = orc, path = p}");
    assertTrue(format.getMessage().contains("idx, csv or parquet"), format.getMessage());
  }
}
