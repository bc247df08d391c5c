package org.automlzero.spark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.input_file_name;
import static org.apache.spark.sql.functions.monotonically_increasing_id;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.NumericType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.automlzero.task.DatasetSource;
import org.automlzero.task.LabeledDataset;

/**
 * Reads a {@link DatasetSource.Parquet} table on the driver into a {@link LabeledDataset}, for the
 * task generator (which then builds the tasks once, to be broadcast). Any Hadoop file system path.
 * The rows stream to the driver one partition at a time ({@code toLocalIterator}) in the order of
 * (file path, position in the file): that order depends on the files only, not on the listing order
 * of the file system or the partitioning. Problems (no such path, not Parquet, a missing or
 * non-numeric column, a null, a class that is not a whole number >= 0, arrays of different lengths,
 * a value that is not finite) fail with an {@link IOException} naming the path, and the column and
 * file row where there is one. Stateless.
 */
final class ParquetDatasetReader {
  private ParquetDatasetReader() {}

  static LabeledDataset read(SparkSession spark, DatasetSource.Parquet source) throws IOException {
    String path = source.path();
    Dataset<Row> table;
    StructType schema;
    try {
      table = spark.read().parquet(path);
      schema = table.schema();
    } catch (Exception e) {
      throw new IOException(path + ": cannot read it as Parquet: " + firstLine(e), e);
    }
    List<String> names = Arrays.asList(schema.fieldNames());
    StructField label = field(schema, source.labelColumn(), path, "label_column");
    if (!(label.dataType() instanceof NumericType)) {
      throw new IOException(path + ": label column '" + label.name() + "' is " + label.dataType().simpleString()
          + ", expected a number (the class, a whole number >= 0)");
    }
    Column features;
    String featuresText;
    if (source.featuresColumn() != null) {
      StructField array = field(schema, source.featuresColumn(), path, "features_column");
      if (!(array.dataType() instanceof ArrayType type) || !(type.elementType() instanceof NumericType)) {
        throw new IOException(path + ": features column '" + array.name() + "' is "
            + array.dataType().simpleString() + ", expected an array of numbers");
      }
      features = quoted(array.name()).cast("array<double>");
      featuresText = "column '" + array.name() + "'";
    } else {
      List<Column> columns = new ArrayList<>();
      for (StructField f : schema.fields()) {
        if (f.name().equals(label.name())) {
          continue;
        }
        if (!(f.dataType() instanceof NumericType)) {
          throw new IOException(path + ": column '" + f.name() + "' is " + f.dataType().simpleString()
              + "; without features_column every column but the label must be a number (or set features_column"
              + " to an array column)");
        }
        columns.add(quoted(f.name()).cast("double"));
      }
      if (columns.isEmpty()) {
        throw new IOException(path + ": no feature columns; the table has only " + names);
      }
      features = functions.array(columns.toArray(Column[]::new));
      featuresText = columns.size() + " columns";
    }

    Iterator<Row> rows;
    try {
      rows = table.select(quoted(label.name()).cast("double").as("label"), features.as("features"),
              input_file_name().as("file"), monotonically_increasing_id().as("position"))
          .orderBy("file", "position")
          .toLocalIterator();
    } catch (Exception e) {
      throw new IOException(path + ": cannot read it as Parquet: " + firstLine(e), e);
    }
    try {
      return collect(rows, source, label.name(), featuresText);
    } catch (IOException e) {
      throw e;
    } catch (Exception e) {
      throw new IOException(path + ": cannot read it as Parquet: " + firstLine(e), e);
    }
  }

  private static LabeledDataset collect(Iterator<Row> rows, DatasetSource.Parquet source, String labelName,
      String featuresText) throws IOException {
    String path = source.path();
    double[] features = new double[1 << 16];
    int[] labels = new int[1 << 10];
    int kept = 0;
    int width = -1;
    Map<Integer, Integer> perClass = new HashMap<>();
    String file = null;
    long rowInFile = 0;
    while (rows.hasNext()) {
      Row row = rows.next();
      String rowFile = row.getString(2);
      if (!rowFile.equals(file)) {
        file = rowFile;
        rowInFile = 0;
      }
      String where = path + ": file " + file + " row " + rowInFile++;
      if (row.isNullAt(0)) {
        throw new IOException(where + ": label column '" + labelName + "' is null");
      }
      double value = row.getDouble(0);
      if (value < 0 || value != Math.rint(value) || value > Integer.MAX_VALUE) {
        throw new IOException(where + ": label " + value + " in column '" + labelName
            + "' is not a class number (expected a whole number >= 0)");
      }
      int label = (int) value;
      if (row.isNullAt(1)) {
        throw new IOException(where + ": features (" + featuresText + ") are null");
      }
      List<Object> values = row.getList(1);
      if (width < 0) {
        width = values.size();
        if (width == 0) {
          throw new IOException(where + ": no features (" + featuresText + " is empty)");
        }
      } else if (values.size() != width) {
        throw new IOException(where + ": " + values.size() + " features, expected " + width
            + " (as on the first row)");
      }
      int count = perClass.merge(label, 1, Integer::sum);
      if (count > source.maxPerClass()) {
        continue;
      }
      if ((long) (kept + 1) * width > Integer.MAX_VALUE - 8) {
        throw new IOException(path + ": more than " + kept + " rows of " + width
            + " features do not fit one array; set max_per_class");
      }
      if (features.length < (kept + 1) * width) {
        features = Arrays.copyOf(features, (int) Math.min(Integer.MAX_VALUE - 8, 2L * (kept + 1) * width));
      }
      if (labels.length == kept) {
        labels = Arrays.copyOf(labels, 2 * kept);
      }
      int base = kept * width;
      for (int j = 0; j < width; j++) {
        Object x = values.get(j);
        if (x == null) {
          throw new IOException(where + ": feature " + j + " (" + featuresText + ") is null");
        }
        double d = ((Number) x).doubleValue();
        if (!Double.isFinite(d)) {
          throw new IOException(where + ": feature " + j + " (" + featuresText + ") is " + d
              + ", not a finite number");
        }
        features[base + j] = d;
      }
      labels[kept++] = label;
    }
    if (kept == 0) {
      throw new IOException(path + ": no rows");
    }
    return new LabeledDataset(path, Arrays.copyOf(features, kept * width), Arrays.copyOf(labels, kept), width);
  }

  private static StructField field(StructType schema, String name, String path, String key) throws IOException {
    for (StructField f : schema.fields()) {
      if (f.name().equals(name)) {
        return f;
      }
    }
    throw new IOException(path + ": no column '" + name + "' (" + key + "); the columns are "
        + Arrays.toString(schema.fieldNames()));
  }

  private static Column quoted(String name) {
    return col("`" + name.replace("`", "``") + "`");
  }

  private static String firstLine(Exception e) {
    String message = String.valueOf(e.getMessage());
    int newline = message.indexOf('\n');
    return newline < 0 ? message : message.substring(0, newline);
  }
}
