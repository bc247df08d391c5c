package org.automlzero.task;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a labelled dataset from a CSV file (gzipped or not) in a {@link CsvFormat}: comma
 * separated, optional double quotes around a cell, blank lines ignored. Class labels must be
 * non-negative integers. Malformed input fails with an {@link IOException} naming the file, the
 * line (1-based), the column and what was wrong. Stateless.
 */
public final class CsvReader {
  private CsvReader() {}

  public static LabeledDataset read(Path file, CsvFormat format) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      return read(in, file.toString(), format);
    }
  }

  /** As {@link #read(Path, CsvFormat)} from an open stream (any file system); does not close it. */
  public static LabeledDataset read(InputStream in, String name, CsvFormat format) throws IOException {
    BufferedReader reader = new BufferedReader(
        new InputStreamReader(Streams.decompressIfGzipped(in), StandardCharsets.UTF_8));
    List<String> names = null;
    long declaredSamples = -1;
    long declaredFeatures = -1;
    int labelCol = -1;
    int width = -1;
    int widthLine = -1;
    List<double[]> rows = new ArrayList<>();
    List<Integer> labels = new ArrayList<>();
    int lineNumber = 0;
    boolean headerDone = format.header() == CsvFormat.Header.NONE;
    String line;
    while ((line = reader.readLine()) != null) {
      lineNumber++;
      if (line.isBlank()) {
        continue;
      }
      List<String> cells = split(line);
      if (!headerDone) {
        headerDone = true;
        if (format.header() == CsvFormat.Header.SKLEARN) {
          if (cells.size() < 2) {
            throw new IOException(name + " line " + lineNumber
                + ": scikit-learn header needs n_samples,n_features[,class names], found '" + line + "'");
          }
          declaredSamples = parseCount(cells.get(0), name, lineNumber, "n_samples");
          declaredFeatures = parseCount(cells.get(1), name, lineNumber, "n_features");
        } else {
          names = cells;
        }
        continue;
      }
      if (width < 0) {
        width = cells.size();
        widthLine = lineNumber;
        if (width < 2) {
          throw new IOException(name + " line " + lineNumber + " has " + width
              + " cell; a labelled row needs a label and at least one feature");
        }
        if (names != null && names.size() != width) {
          throw new IOException(name + " line " + lineNumber + " has " + width + " cells but the header names "
              + names.size() + " columns");
        }
        if (declaredFeatures >= 0 && declaredFeatures + 1 != width) {
          throw new IOException(name + " line " + lineNumber + " has " + width + " cells but the header declares "
              + declaredFeatures + " features plus a label");
        }
        labelCol = labelColumn(format, names, width, name);
      } else if (cells.size() != width) {
        throw new IOException(name + " line " + lineNumber + " has " + cells.size() + " cells, expected "
            + width + " (as on line " + widthLine + ")");
      }
      double[] row = new double[width - 1];
      int k = 0;
      for (int c = 0; c < width; c++) {
        String cell = cells.get(c);
        if (c == labelCol) {
          labels.add(parseLabel(cell, name, lineNumber, c, names));
        } else {
          row[k++] = parseNumber(cell, name, lineNumber, c, names);
        }
      }
      rows.add(row);
    }
    if (!headerDone) {
      throw new IOException(name + ": empty file, expected a " + format.header() + " header line");
    }
    if (declaredSamples >= 0 && declaredSamples != rows.size()) {
      throw new IOException(name + ": header declares " + declaredSamples + " samples, the file holds " + rows.size());
    }
    if (rows.isEmpty()) {
      throw new IOException(name + ": no data rows");
    }
    int d = width - 1;
    double[] features = new double[Math.multiplyExact(rows.size(), d)];
    int[] labelArray = new int[rows.size()];
    for (int i = 0; i < rows.size(); i++) {
      System.arraycopy(rows.get(i), 0, features, i * d, d);
      labelArray[i] = labels.get(i);
    }
    return new LabeledDataset(name, features, labelArray, d);
  }

  private static int labelColumn(CsvFormat format, List<String> names, int width, String name) throws IOException {
    if (format.labelColumn() != null) {
      int index = names.indexOf(format.labelColumn());
      if (index < 0) {
        throw new IOException(name + ": no column named '" + format.labelColumn() + "'; the header has " + names);
      }
      return index;
    }
    int index = format.labelIndex() < 0 ? width + format.labelIndex() : format.labelIndex();
    if (index < 0 || index >= width) {
      throw new IOException(name + ": label column index " + format.labelIndex() + " is outside the "
          + width + " columns");
    }
    return index;
  }

  private static List<String> split(String line) {
    List<String> cells = new ArrayList<>();
    int start = 0;
    while (true) {
      int comma = line.indexOf(',', start);
      String cell = (comma < 0 ? line.substring(start) : line.substring(start, comma)).strip();
      if (cell.length() >= 2 && cell.startsWith("\"") && cell.endsWith("\"")) {
        cell = cell.substring(1, cell.length() - 1).strip();
      }
      cells.add(cell);
      if (comma < 0) {
        return cells;
      }
      start = comma + 1;
    }
  }

  private static String where(String name, int line, int column, List<String> names) {
    String col = names == null ? "column " + (column + 1) : "column " + (column + 1) + " ('" + names.get(column) + "')";
    return name + " line " + line + " " + col;
  }

  private static double parseNumber(String cell, String name, int line, int column, List<String> names)
      throws IOException {
    double value;
    try {
      value = Double.parseDouble(cell);
    } catch (NumberFormatException e) {
      throw new IOException(where(name, line, column, names) + ": '" + cell + "' is not a number");
    }
    if (!Double.isFinite(value)) {
      throw new IOException(where(name, line, column, names) + ": '" + cell + "' is not a finite number");
    }
    return value;
  }

  private static int parseLabel(String cell, String name, int line, int column, List<String> names)
      throws IOException {
    double value;
    try {
      value = Double.parseDouble(cell);
    } catch (NumberFormatException e) {
      throw new IOException(where(name, line, column, names) + ": label '" + cell
          + "' is not a class number (expected an integer >= 0)");
    }
    if (value < 0 || value != Math.rint(value) || value > Integer.MAX_VALUE) {
      throw new IOException(where(name, line, column, names) + ": label '" + cell
          + "' is not a class number (expected an integer >= 0)");
    }
    return (int) value;
  }

  private static long parseCount(String cell, String name, int line, String what) throws IOException {
    try {
      long value = Long.parseLong(cell);
      if (value >= 0) {
        return value;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new IOException(name + " line " + line + ": " + what + " '" + cell + "' is not a count (integer >= 0)");
  }
}
