package org.automlzero.task;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IdxReaderTest {
  @TempDir Path dir;

  // Three 2x2 images: pixel values i*10 + j, with 255 in the last pixel of image 2 (unsigned byte).
  private static final int[] LABELS = {3, 1, 3};

  static byte[] imagesBytes(int magic, int count, int rows, int cols, int imagesWritten) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    DataOutputStream out = new DataOutputStream(bytes);
    out.writeInt(magic);
    out.writeInt(count);
    out.writeInt(rows);
    out.writeInt(cols);
    for (int i = 0; i < imagesWritten; i++) {
      for (int j = 0; j < rows * cols; j++) {
        out.writeByte(i == 2 && j == rows * cols - 1 ? 255 : i * 10 + j);
      }
    }
    return bytes.toByteArray();
  }

  static byte[] labelsBytes(int magic, int count, int[] labels) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    DataOutputStream out = new DataOutputStream(bytes);
    out.writeInt(magic);
    out.writeInt(count);
    for (int label : labels) {
      out.writeByte(label);
    }
    return bytes.toByteArray();
  }

  private Path write(String name, byte[] content) throws IOException {
    Path file = dir.resolve(name);
    if (name.endsWith(".gz")) {
      try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
        out.write(content);
      }
    } else {
      Files.write(file, content);
    }
    return file;
  }

  private Path goodImages(String name) throws IOException {
    return write(name, imagesBytes(2051, 3, 2, 2, 3));
  }

  private Path goodLabels(String name) throws IOException {
    return write(name, labelsBytes(2049, 3, LABELS));
  }

  private static void assertGoodDataset(LabeledDataset data) {
    assertEquals(3, data.size());
    assertEquals(4, data.featuresSize());
    assertArrayEquals(LABELS, data.labels());
    assertArrayEquals(new double[] {0, 1, 2, 3, 10, 11, 12, 13, 20, 21, 22, 255}, data.features());
  }

  @Test
  void readsImagesAndLabels() throws IOException {
    assertGoodDataset(IdxReader.read(goodImages("i-ubyte"), goodLabels("l-ubyte")));
  }

  @Test
  void readsGzippedFiles() throws IOException {
    assertGoodDataset(IdxReader.read(goodImages("i-ubyte.gz"), goodLabels("l-ubyte.gz")));
  }

  @Test
  void keepsFirstExamplesPerClass() throws IOException {
    LabeledDataset data = IdxReader.read(goodImages("i"), goodLabels("l"), 1);
    assertArrayEquals(new int[] {3, 1}, data.labels());
    assertArrayEquals(new double[] {0, 1, 2, 3, 10, 11, 12, 13}, data.features());
  }

  @Test
  void wrongImagesMagicIsReported() throws IOException {
    Path images = write("images", labelsBytes(2049, 3, LABELS));
    IOException e = assertThrows(IOException.class, () -> IdxReader.read(images, goodLabels("l")));
    assertTrue(e.getMessage().contains(images.toString()) && e.getMessage().contains("magic number is 2049")
        && e.getMessage().contains("expected 2051"), e.getMessage());
  }

  @Test
  void wrongLabelsMagicIsReported() throws IOException {
    Path labels = write("labels", labelsBytes(1234, 3, LABELS));
    IOException e = assertThrows(IOException.class, () -> IdxReader.read(goodImages("i"), labels));
    assertTrue(e.getMessage().contains("magic number is 1234") && e.getMessage().contains("2049"), e.getMessage());
  }

  @Test
  void truncatedImagesAreReported() throws IOException {
    byte[] full = imagesBytes(2051, 3, 2, 2, 3);
    Path images = write("images.gz", Arrays.copyOf(full, full.length - 1));
    IOException e = assertThrows(IOException.class, () -> IdxReader.read(images, goodLabels("l")));
    assertTrue(e.getMessage().contains("truncated") && e.getMessage().contains("image 2"), e.getMessage());
  }

  @Test
  void truncatedLabelsAreReported() throws IOException {
    Path labels = write("labels", labelsBytes(2049, 5, LABELS));
    IOException e = assertThrows(IOException.class, () -> IdxReader.read(goodImages("i"), labels));
    assertTrue(e.getMessage().contains("truncated") && e.getMessage().contains("5 labels")
        && e.getMessage().contains("holds 3"), e.getMessage());
  }

  @Test
  void truncatedHeaderIsReported() throws IOException {
    Path images = write("images", new byte[] {0, 0, 8, 3, 0});
    IOException e = assertThrows(IOException.class, () -> IdxReader.read(images, goodLabels("l")));
    assertTrue(e.getMessage().contains("truncated IDX header"), e.getMessage());
  }

  @Test
  void countMismatchIsReported() throws IOException {
    Path images = write("images", imagesBytes(2051, 2, 2, 2, 2));
    IOException e = assertThrows(IOException.class, () -> IdxReader.read(images, goodLabels("l")));
    assertTrue(e.getMessage().contains("count mismatch") && e.getMessage().contains("2 images")
        && e.getMessage().contains("3 labels"), e.getMessage());
  }
}
