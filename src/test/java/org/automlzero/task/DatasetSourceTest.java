package org.automlzero.task;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatasetSourceTest {
  @TempDir Path dir;

  @Test
  void idxSourceReadsBothFiles() throws IOException {
    Path images = Files.write(dir.resolve("i"), IdxReaderTest.imagesBytes(2051, 3, 2, 2, 3));
    Path labels = Files.write(dir.resolve("l"), IdxReaderTest.labelsBytes(2049, 3, new int[] {1, 2, 1}));
    LabeledDataset data = new DatasetSource.Idx(images.toString(), labels.toString(), 1).load(DataFiles.standard());
    assertArrayEquals(new int[] {1, 2}, data.labels());
  }

  @Test
  void csvSourceReadsItsFile() throws IOException {
    Path csv = Files.writeString(dir.resolve("d.csv"), "2,1,a\n0.5,0\n1.5,1\n");
    assertEquals(2, new DatasetSource.Csv(csv.toString(), CsvFormat.sklearn()).load(DataFiles.standard()).size());
  }

  @Test
  void sourcesAreValuesComparedByFields() {
    assertEquals(new DatasetSource.Idx("a", "b"), new DatasetSource.Idx("a", "b"));
  }

  @Test
  void zeroPerClassIsRejected() {
    assertThrows(IllegalArgumentException.class, () -> new DatasetSource.Idx("a", "b", 0));
  }
}
