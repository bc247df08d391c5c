package org.automlzero.task;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataFilesTest {
  @TempDir Path dir;

  private static byte[] readAll(DataFiles files, String location) throws IOException {
    try (InputStream in = files.open(location)) {
      return in.readAllBytes();
    }
  }

  @Test
  void plainPathsAndFileUrisReadTheSameBytes() throws IOException {
    Path file = Files.write(dir.resolve("d.csv"), new byte[] {1, 2, 3});
    assertArrayEquals(new byte[] {1, 2, 3}, readAll(DataFiles.standard(), file.toString()));
    assertArrayEquals(new byte[] {1, 2, 3}, readAll(DataFiles.standard(), file.toUri().toString()));
  }

  @Test
  void localFilesNeverAskForTheHadoopConfiguration() throws IOException {
    // The Spark job's configuration comes from its session: asking for it would start Spark.
    Path file = Files.write(dir.resolve("d.csv"), new byte[] {4});
    DataFiles files = DataFiles.withHadoop(() -> {
      throw new AssertionError("Hadoop configuration asked for a local file");
    });
    assertArrayEquals(new byte[] {4}, readAll(files, file.toString()));
    assertArrayEquals(new byte[] {4}, readAll(files, file.toUri().toString()));
  }

  @Test
  void otherSchemesGoThroughHadoopAndFileDoesNot() {
    assertTrue(DataFiles.needsHadoop("hdfs://127.0.0.1:9000/data/x.gz"));
    assertTrue(DataFiles.needsHadoop("s3a://bucket/x.csv"));
    assertFalse(DataFiles.needsHadoop("file:///tmp/x.csv"));
    assertFalse(DataFiles.needsHadoop("/tmp/x.csv"));
    assertFalse(DataFiles.needsHadoop("data/x:y.csv"));
    assertFalse(DataFiles.needsHadoop("C:\\data\\x.csv"));
  }

  @Test
  void aMissingFileIsNamed() {
    String missing = dir.resolve("nope.gz").toString();
    IOException e = assertThrows(IOException.class, () -> DataFiles.standard().open(missing));
    assertTrue(e.getMessage().equals(missing + ": no such file"), e.getMessage());
  }

  @Test
  void aFolderIsNotAFile() {
    IOException e = assertThrows(IOException.class, () -> DataFiles.standard().open(dir.toString()));
    assertTrue(e.getMessage().contains("is a folder"), e.getMessage());
    IOException uri = assertThrows(IOException.class, () -> DataFiles.standard().open(dir.toUri().toString()));
    assertTrue(uri.getMessage().contains("is a folder"), uri.getMessage());
  }

  @Test
  void aSchemeWithoutAFileSystemIsNamed() {
    IOException e = assertThrows(IOException.class, () -> DataFiles.standard().open("nosuchfs://host/data.csv"));
    assertTrue(e.getMessage().startsWith("nosuchfs://host/data.csv: "), e.getMessage());
    assertTrue(e.getMessage().contains("nosuchfs"), e.getMessage());
  }
}
