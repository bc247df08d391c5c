package org.automlzero.task;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvReaderTest {
  @TempDir Path dir;

  private static LabeledDataset read(String text, CsvFormat format) throws IOException {
    return CsvReader.read(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), "test.csv", format);
  }

  private static String failure(String text, CsvFormat format) {
    return assertThrows(IOException.class, () -> read(text, format)).getMessage();
  }

  @Test
  void readsWithoutHeaderLabelLast() throws IOException {
    LabeledDataset data = read("1.5,2,0\n3,4e-1,1\n\n", CsvFormat.noHeader(-1));
    assertEquals(2, data.featuresSize());
    assertArrayEquals(new double[] {1.5, 2, 3, 0.4}, data.features());
    assertArrayEquals(new int[] {0, 1}, data.labels());
  }

  @Test
  void readsWithoutHeaderLabelFirst() throws IOException {
    LabeledDataset data = read("2,1.5,7\n0,3,4\n", CsvFormat.noHeader(0));
    assertArrayEquals(new double[] {1.5, 7, 3, 4}, data.features());
    assertArrayEquals(new int[] {2, 0}, data.labels());
  }

  @Test
  void readsHeaderWithLabelByName() throws IOException {
    LabeledDataset data = read("a, \"class\" ,b\n1,1,2\n3,0,4\n", CsvFormat.withHeader("class"));
    assertArrayEquals(new double[] {1, 2, 3, 4}, data.features());
    assertArrayEquals(new int[] {1, 0}, data.labels());
  }

  @Test
  void readsScikitLearnFormat() throws IOException {
    LabeledDataset data = read("3,2,setosa,versicolor\n5.1,3.5,0\n4.9,3.0,1\n6.2,2.9,1.0\n", CsvFormat.sklearn());
    assertEquals(3, data.size());
    assertArrayEquals(new int[] {0, 1, 1}, data.labels());
  }

  @Test
  void readsGzippedFile() throws IOException {
    Path file = dir.resolve("data.csv.gz");
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
      out.write("1,2,0\n3,4,1\n".getBytes(StandardCharsets.UTF_8));
    }
    assertArrayEquals(new int[] {0, 1}, CsvReader.read(file, CsvFormat.noHeader(-1)).labels());
  }

  @Test
  void nonNumericCellNamesFileLineAndColumn() {
    String m = failure("x,y,label\n1,2,0\n3,abc,1\n", CsvFormat.withHeader("label"));
    assertTrue(m.contains("test.csv line 3 column 2 ('y')") && m.contains("'abc' is not a number"), m);
  }

  @Test
  void nonIntegerLabelIsRejected() {
    String m = failure("1,2,0.5\n", CsvFormat.noHeader(-1));
    assertTrue(m.contains("line 1 column 3") && m.contains("label '0.5'"), m);
  }

  @Test
  void raggedRowIsReported() {
    String m = failure("1,2,0\n3,4,5,1\n", CsvFormat.noHeader(-1));
    assertTrue(m.contains("line 2 has 4 cells, expected 3 (as on line 1)"), m);
  }

  @Test
  void scikitLearnSampleCountIsChecked() {
    String m = failure("3,2,a,b\n5.1,3.5,0\n", CsvFormat.sklearn());
    assertTrue(m.contains("declares 3 samples") && m.contains("holds 1"), m);
  }

  @Test
  void scikitLearnFeatureCountIsChecked() {
    String m = failure("1,3,a,b\n5.1,3.5,0\n", CsvFormat.sklearn());
    assertTrue(m.contains("declares 3 features"), m);
  }

  @Test
  void unknownLabelColumnIsReported() {
    String m = failure("a,b\n1,0\n", CsvFormat.withHeader("label"));
    assertTrue(m.contains("no column named 'label'"), m);
  }

  @Test
  void nonFiniteFeatureIsRejected() {
    String m = failure("NaN,0\n", CsvFormat.noHeader(-1));
    assertTrue(m.contains("not a finite number"), m);
  }

  @Test
  void emptyFileIsReported() {
    assertTrue(failure("", CsvFormat.noHeader(-1)).contains("no data rows"));
  }
}
