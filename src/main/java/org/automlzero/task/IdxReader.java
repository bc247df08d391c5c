package org.automlzero.task;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Reads an image/label pair of IDX files (the MNIST and Fashion-MNIST format, gzipped or not):
 * a big-endian int32 magic (2051 for images, 2049 for labels), int32 count, for images int32 rows
 * and cols, then unsigned bytes. Pixels become raw doubles 0..255 (standardization comes later).
 * Malformed files fail with an {@link IOException} naming the file and what was wrong. Stateless.
 */
public final class IdxReader {
  /** Magic number of an IDX file of unsigned-byte images (type 0x08, 3 dimensions). */
  public static final int IMAGES_MAGIC = 2051;
  /** Magic number of an IDX file of unsigned-byte labels (type 0x08, 1 dimension). */
  public static final int LABELS_MAGIC = 2049;

  private IdxReader() {}

  /** Every example of the two files. */
  public static LabeledDataset read(Path images, Path labels) throws IOException {
    return read(images, labels, Integer.MAX_VALUE);
  }

  /**
   * The first {@code maxPerClass} examples of each class, in file order (the paper's datasets use
   * the first 5000 images per class), so that a large file need not be held in memory whole.
   */
  public static LabeledDataset read(Path images, Path labels, int maxPerClass) throws IOException {
    try (InputStream imageStream = Files.newInputStream(images);
        InputStream labelStream = Files.newInputStream(labels)) {
      return read(imageStream, images.toString(), labelStream, labels.toString(), maxPerClass);
    }
  }

  /** As {@link #read(Path, Path, int)} from open streams (any file system); does not close them. */
  public static LabeledDataset read(
      InputStream images, String imagesName, InputStream labels, String labelsName, int maxPerClass)
      throws IOException {
    if (maxPerClass < 1) {
      throw new IllegalArgumentException("maxPerClass is " + maxPerClass + ", must be >= 1");
    }
    int[] allLabels = readLabels(Streams.decompressIfGzipped(labels), labelsName);

    InputStream in = Streams.decompressIfGzipped(images);
    byte[] header = new byte[16];
    int headerBytes = Streams.readFully(in, header);
    if (headerBytes >= 4) {
      int magic = bigEndianInt(header, 0);
      if (magic != IMAGES_MAGIC) {
        throw new IOException(imagesName + ": magic number is " + magic + ", expected " + IMAGES_MAGIC
            + " (IDX unsigned-byte images)" + (magic == LABELS_MAGIC ? "; this looks like a labels file" : ""));
      }
    }
    if (headerBytes < 16) {
      throw new IOException(imagesName + ": truncated IDX header, expected 16 bytes (magic, count, rows, cols), found "
          + headerBytes);
    }
    int count = bigEndianInt(header, 4);
    int rows = bigEndianInt(header, 8);
    int cols = bigEndianInt(header, 12);
    if (count < 0 || rows < 1 || cols < 1) {
      throw new IOException(imagesName + ": header says " + count + " images of " + rows + " x " + cols
          + "; count must be >= 0 and rows, cols >= 1");
    }
    if (count != allLabels.length) {
      throw new IOException("count mismatch: " + imagesName + " holds " + count + " images but "
          + labelsName + " holds " + allLabels.length + " labels");
    }
    int d = Math.multiplyExact(rows, cols);

    int[] perClass = new int[256];
    int kept = 0;
    for (int label : allLabels) {
      if (perClass[label] < maxPerClass) {
        perClass[label]++;
        kept++;
      }
    }
    if ((long) kept * d > Integer.MAX_VALUE - 8) {
      throw new IOException(imagesName + ": " + kept + " images of " + d
          + " pixels do not fit one array; read fewer per class");
    }
    double[] features = new double[kept * d];
    int[] labelsKept = new int[kept];
    Arrays.fill(perClass, 0);
    byte[] pixels = new byte[d];
    int row = 0;
    for (int i = 0; i < count; i++) {
      int got = Streams.readFully(in, pixels);
      if (got < d) {
        throw new IOException(imagesName + ": truncated, header says " + count + " images of " + d
            + " bytes but the data ends inside image " + i);
      }
      int label = allLabels[i];
      if (perClass[label] >= maxPerClass) {
        continue;
      }
      perClass[label]++;
      int base = row * d;
      for (int j = 0; j < d; j++) {
        features[base + j] = pixels[j] & 0xff;
      }
      labelsKept[row++] = label;
    }
    return new LabeledDataset(imagesName, features, labelsKept, d);
  }

  private static int[] readLabels(InputStream in, String name) throws IOException {
    byte[] header = new byte[8];
    int headerBytes = Streams.readFully(in, header);
    if (headerBytes >= 4) {
      int magic = bigEndianInt(header, 0);
      if (magic != LABELS_MAGIC) {
        throw new IOException(name + ": magic number is " + magic + ", expected " + LABELS_MAGIC
            + " (IDX unsigned-byte labels)" + (magic == IMAGES_MAGIC ? "; this looks like an images file" : ""));
      }
    }
    if (headerBytes < 8) {
      throw new IOException(name + ": truncated IDX header, expected 8 bytes (magic, count), found " + headerBytes);
    }
    int count = bigEndianInt(header, 4);
    if (count < 0) {
      throw new IOException(name + ": header says " + count + " labels, must be >= 0");
    }
    byte[] bytes = new byte[count];
    int got = Streams.readFully(in, bytes);
    if (got < count) {
      throw new IOException(name + ": truncated, header says " + count + " labels but the file holds " + got);
    }
    int[] labels = new int[count];
    for (int i = 0; i < count; i++) {
      labels[i] = bytes[i] & 0xff;
    }
    return labels;
  }

  private static int bigEndianInt(byte[] b, int offset) {
    return ((b[offset] & 0xff) << 24) | ((b[offset + 1] & 0xff) << 16)
        | ((b[offset + 2] & 0xff) << 8) | (b[offset + 3] & 0xff);
  }
}
