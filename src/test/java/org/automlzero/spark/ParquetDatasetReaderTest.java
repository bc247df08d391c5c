package org.automlzero.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.automlzero.task.DataFiles;
import org.automlzero.task.DatasetSource;
import org.automlzero.task.LabeledDataset;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Parquet datasets read on the driver: both layouts, row order, max per class, and every error. */
class ParquetDatasetReaderTest {
  private static final Path SLICE = Path.of("src/test/resources/fashion-mnist-slice");
  private static SparkSession spark;

  @TempDir Path dir;

  @BeforeAll
  static void startSpark() {
    spark = SparkSession.builder().master("local[2]").appName("ParquetDatasetReaderTest")
        .config("spark.ui.enabled", "false").config("spark.driver.host", "127.0.0.1").getOrCreate();
  }

  @AfterAll
  static void stopSpark() {
    spark.stop();
  }

  static LabeledDataset slice() throws IOException {
    return new DatasetSource.Idx(SLICE.resolve("train-images-idx3-ubyte.gz").toString(),
        SLICE.resolve("train-labels-idx1-ubyte.gz").toString()).load(DataFiles.standard());
  }

  /**
   * Writes {@code data} as a Parquet table of (label int, pixels array<float>) in {@code chunks}
   * partition folders {@code chunk=0..}, rows in order: a table of several files, the last ones
   * written first so that the files' write order is not their path order.
   */
  static void writeArrayTable(SparkSession spark, LabeledDataset data, String path, int chunks) {
    StructType schema = new StructType().add("label", DataTypes.IntegerType, false)
        .add("pixels", DataTypes.createArrayType(DataTypes.FloatType, false), false);
    int per = (data.size() + chunks - 1) / chunks;
    for (int c = chunks - 1; c >= 0; c--) {
      List<Row> rows = new ArrayList<>();
      for (int i = c * per; i < Math.min(data.size(), (c + 1) * per); i++) {
        float[] pixels = new float[data.featuresSize()];
        for (int j = 0; j < pixels.length; j++) {
          pixels[j] = (float) data.feature(i, j);
        }
        rows.add(RowFactory.create(data.labels()[i], pixels));
      }
      spark.createDataFrame(rows, schema).coalesce(1).write().parquet(path + "/chunk=" + c);
    }
  }

  private LabeledDataset read(String path, String label, String features, int maxPerClass) throws IOException {
    return ParquetDatasetReader.read(spark, new DatasetSource.Parquet(path, label, features, maxPerClass));
  }

  private String write(String name, StructType schema, Row... rows) {
    String path = dir.resolve(name).toString();
    spark.createDataFrame(List.of(rows), schema).coalesce(1).write().parquet(path);
    return path;
  }

  @Test
  void anArrayColumnTableOfSeveralFilesReadsAsTheIdxFiles() throws IOException {
    LabeledDataset idx = slice();
    String path = dir.resolve("fashion").toString();
    writeArrayTable(spark, idx, path, 3);
    LabeledDataset parquet = read(path, "label", "pixels", Integer.MAX_VALUE);
    assertEquals(784, parquet.featuresSize());
    assertArrayEquals(idx.labels(), parquet.labels());
    assertArrayEquals(idx.features(), parquet.features());

    LabeledDataset capped = read(path, "label", "pixels", 100);
    assertArrayEquals(new DatasetSource.Idx(SLICE.resolve("train-images-idx3-ubyte.gz").toString(),
        SLICE.resolve("train-labels-idx1-ubyte.gz").toString(), 100).load(DataFiles.standard()).features(),
        capped.features());
    assertEquals(300, capped.size());
  }

  @Test
  void withoutAFeaturesColumnEveryOtherColumnIsAFeatureInTableOrder() throws IOException {
    StructType schema = new StructType().add("f0", DataTypes.DoubleType).add("y", DataTypes.LongType)
        .add("f1", DataTypes.IntegerType).add("f2", DataTypes.createDecimalType(5, 2));
    String path = write("numeric", schema,
        RowFactory.create(0.5, 1L, 3, new java.math.BigDecimal("1.25")),
        RowFactory.create(-2.0, 0L, 4, new java.math.BigDecimal("0.00")),
        RowFactory.create(7.0, 1L, 5, new java.math.BigDecimal("2.50")));
    LabeledDataset data = read(path, "y", null, Integer.MAX_VALUE);
    assertEquals(3, data.featuresSize());
    assertArrayEquals(new int[] {1, 0, 1}, data.labels());
    assertArrayEquals(new double[] {0.5, 3, 1.25, -2.0, 4, 0, 7.0, 5, 2.5}, data.features());
    assertEquals(2, read(path, "y", null, 1).size());
  }

  private IOException error(String path, String label, String features) {
    return assertThrows(IOException.class, () -> read(path, label, features, Integer.MAX_VALUE));
  }

  private static void assertMentions(IOException e, String... words) {
    for (String word : words) {
      assertTrue(e.getMessage().contains(word), "'" + word + "' not in: " + e.getMessage());
    }
  }

  @Test
  void aMissingPathOrAFileThatIsNotParquetIsNamed() throws IOException {
    String missing = dir.resolve("nothing-here").toString();
    assertMentions(error(missing, "label", null), "nothing-here", "cannot read it as Parquet");
    Path text = Files.writeString(dir.resolve("plain.parquet"), "label,x\n1,2\n");
    assertMentions(error(text.toString(), "label", null), "plain.parquet", "cannot read it as Parquet");
  }

  @Test
  void badColumnsAreNamed() {
    StructType schema = new StructType().add("label", DataTypes.IntegerType).add("name", DataTypes.StringType)
        .add("x", DataTypes.DoubleType);
    String path = write("strings", schema, RowFactory.create(1, "a", 0.5));
    assertMentions(error(path, "class", null), "no column 'class'", "[label, name, x]");
    assertMentions(error(path, "label", null), "column 'name' is string", "features_column");
    assertMentions(error(path, "label", "x"), "features column 'x' is double", "array");
    assertMentions(error(path, "name", "x"), "label column 'name' is string");
  }

  @Test
  void badValuesNameTheirFileRow() {
    StructType schema = new StructType().add("label", DataTypes.DoubleType)
        .add("v", DataTypes.createArrayType(DataTypes.DoubleType, true));
    assertMentions(error(write("null-label", schema, RowFactory.create(1.0, new double[] {1}),
        RowFactory.create(null, new double[] {1})), "label", "v"), "row 1", "'label' is null");
    assertMentions(error(write("half", schema, RowFactory.create(1.5, new double[] {1})), "label", "v"),
        "row 0", "label 1.5", "whole number");
    assertMentions(error(write("negative", schema, RowFactory.create(-1.0, new double[] {1})), "label", "v"),
        "label -1.0");
    assertMentions(error(write("ragged", schema, RowFactory.create(1.0, new double[] {1, 2}),
        RowFactory.create(0.0, new double[] {1})), "label", "v"), "row 1", "1 features, expected 2");
    assertMentions(error(write("nan", schema, RowFactory.create(1.0, new double[] {1, Double.NaN})), "label",
        "v"), "feature 1", "not a finite number");
    assertMentions(error(write("null-feature", schema, RowFactory.create(1.0, new Double[] {1.0, null})),
        "label", "v"), "feature 1", "is null");
    assertMentions(error(write("empty", schema), "label", "v"), "no rows");
  }
}
