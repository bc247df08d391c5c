package org.automlzero.task;

import java.io.Serializable;
import java.util.Objects;

/**
 * How to read a labelled CSV file: what its first line is and which column holds the class.
 * Every other column is a numeric feature. Immutable.
 *
 * <ul>
 *   <li>{@link Header#NONE}: every line is data.
 *   <li>{@link Header#NAMES}: the first line names the columns; the label may be chosen by name.
 *   <li>{@link Header#SKLEARN}: scikit-learn's bundled format, first line
 *       {@code n_samples,n_features,class names...}, checked against the data.
 * </ul>
 *
 * <p>{@code labelColumn} (a name, only with {@code NAMES}) wins over {@code labelIndex}; a negative
 * index counts from the end, so -1 is the last column.
 */
public record CsvFormat(Header header, String labelColumn, int labelIndex) implements Serializable {

  private static final long serialVersionUID = 1L;

  /** What the first line of the file is. */
  public enum Header {
    NONE,
    NAMES,
    SKLEARN
  }

  public CsvFormat {
    Objects.requireNonNull(header, "header");
    if (labelColumn != null && header != Header.NAMES) {
      throw new IllegalArgumentException("labelColumn '" + labelColumn + "' needs header NAMES, header is " + header);
    }
    if (labelColumn != null && labelColumn.isBlank()) {
      throw new IllegalArgumentException("labelColumn is blank; give a column name or use labelIndex");
    }
  }

  /** No header; the label is column {@code labelIndex} (-1 for the last). */
  public static CsvFormat noHeader(int labelIndex) {
    return new CsvFormat(Header.NONE, null, labelIndex);
  }

  /** A header of column names; the label is the column named {@code labelColumn}. */
  public static CsvFormat withHeader(String labelColumn) {
    return new CsvFormat(Header.NAMES, Objects.requireNonNull(labelColumn, "labelColumn"), -1);
  }

  /** scikit-learn's {@code n_samples,n_features,names} first line; the label is the last column. */
  public static CsvFormat sklearn() {
    return new CsvFormat(Header.SKLEARN, null, -1);
  }
}
