package org.automlzero.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.hdfs.MiniDFSCluster;
import org.apache.spark.sql.SparkSession;
import org.automlzero.task.CsvFormat;
import org.automlzero.task.DataFiles;
import org.automlzero.task.DatasetSource;
import org.automlzero.task.LabeledDataset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The job on real HDFS (issue 5): a MiniDFSCluster started inside the test on 127.0.0.1 (one
 * datanode, free ports), the Fashion-MNIST slice put on it as IDX files and as a Parquet table, a
 * run that reads both from {@code hdfs://} and writes to {@code hdfs://}, stopped after two of its
 * three epochs with a half-written epoch left behind, then resumed from HDFS: its populations and
 * results equal those of the same run read from and written to the local file system. A missing
 * HDFS dataset is refused naming its URI; a CSV file is read through Hadoop as well. The cluster and the session are stopped by their own
 * handles in {@code finally}.
 */
class HdfsRunTest {
  private static final Path SLICE = Path.of("src/test/resources/fashion-mnist-slice");
  private static final String IMAGES = "train-images-idx3-ubyte.gz";
  private static final String LABELS = "train-labels-idx1-ubyte.gz";

  @TempDir Path dir;

  /** TestConfigs.SMALL with projected binary Fashion-MNIST tasks: IDX for search/select, Parquet for final. */
  private static String config(String data) {
    String idx = "dataset { format = idx, images = \"" + data + "/" + IMAGES + "\", labels = \"" + data + "/"
        + LABELS + "\" }";
    String parquet = "dataset { format = parquet, path = \"" + data + "/fashion.parquet\", features_column = pixels }";
    return TestConfigs.SMALL + """
        search_tasks = [{
          kind = projected_binary_classification, features_size = 4, %s
          num_train_examples = 60, num_valid_examples = 30, num_tasks = 2
          positive_class = 1, negative_class = 0
        }]
        select_tasks = [{
          kind = projected_binary_classification, features_size = 4, %s
          num_train_examples = 60, num_valid_examples = 30, num_tasks = 2
          positive_class = 9, negative_class = 1, data_seeds = [100]
        }]
        final_tasks = [{
          kind = projected_binary_classification, features_size = 4, %s
          num_train_examples = 60, num_valid_examples = 30, num_tasks = 2
          positive_class = 9, negative_class = 0, data_seeds = [1000]
        }]
        """.formatted(idx, idx, parquet);
  }

  private String run(SparkSession spark, String data, String output, String... overrides) throws Exception {
    Path config = TestConfigs.write(dir, "hdfs-small.conf", config(data));
    List<String> args = new ArrayList<>(List.of(config.toString(), "run.output=\"" + output + "\"",
        "run.name=fashion"));
    args.addAll(List.of(overrides));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int status = SearchJob.run(args.toArray(String[]::new), new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8), spark);
    assertEquals(0, status, "stderr: " + err);
    return out.toString(StandardCharsets.UTF_8);
  }

  @Test
  void aRunOnHdfsReadsItsDataThereAndResumesToTheLocalRunsResults() throws Exception {
    long start = System.nanoTime();
    MiniDFSCluster cluster = MiniHdfs.start(dir);
    try {
      String hdfs = "hdfs://127.0.0.1:" + cluster.getNameNodePort();
      FileSystem fs = cluster.getFileSystem();
      for (String file : List.of(IMAGES, LABELS)) {
        fs.copyFromLocalFile(new org.apache.hadoop.fs.Path(SLICE.resolve(file).toUri()),
            new org.apache.hadoop.fs.Path(hdfs + "/data/" + file));
      }
      Path local = Files.createDirectories(dir.resolve("data"));
      for (String file : List.of(IMAGES, LABELS)) {
        Files.copy(SLICE.resolve(file), local.resolve(file));
      }
      System.out.printf("HdfsRunTest: HDFS up and the IDX files on it after %.1f s%n", seconds(start));

      // CSV through Hadoop too, and a folder is not a dataset file.
      try (var stream = fs.create(new org.apache.hadoop.fs.Path(hdfs + "/data/d.csv"))) {
        stream.write("x,y,label\n0.5,1.5,1\n2.0,-1.0,0\n".getBytes(StandardCharsets.UTF_8));
      }
      DataFiles files = DataFiles.withHadoop(() -> cluster.getConfiguration(0));
      LabeledDataset csv = new DatasetSource.Csv(hdfs + "/data/d.csv", CsvFormat.withHeader("label")).load(files);
      assertArrayEquals(new double[] {0.5, 1.5, 2.0, -1.0}, csv.features());
      assertArrayEquals(new int[] {1, 0}, csv.labels());
      IOException folder = assertThrows(IOException.class, () -> files.open(hdfs + "/data"));
      assertEquals(hdfs + "/data: is a folder, expected a file", folder.getMessage());

      SparkSession spark = SparkSession.builder().master("local[2]").appName("HdfsRunTest")
          .config("spark.ui.enabled", "false").config("spark.driver.host", "127.0.0.1")
          .config("spark.sql.shuffle.partitions", "4").config("spark.hadoop.dfs.replication", "1").getOrCreate();
      try {
        LabeledDataset slice = ParquetDatasetReaderTest.slice();
        ParquetDatasetReaderTest.writeArrayTable(spark, slice, hdfs + "/data/fashion.parquet", 2);
        ParquetDatasetReaderTest.writeArrayTable(spark, slice, local + "/fashion.parquet", 2);

        String localRuns = dir.resolve("runs").toString();
        run(spark, local.toString(), localRuns);
        System.out.printf("HdfsRunTest: local run done after %.1f s%n", seconds(start));

        String hdfsRuns = hdfs + "/user/test/runs";
        run(spark, hdfs + "/data", hdfsRuns, "stop.max_epochs=2");
        org.apache.hadoop.fs.Path junk = new org.apache.hadoop.fs.Path(hdfsRuns + "/fashion/population/epoch=2");
        fs.mkdirs(junk);
        try (var stream = fs.create(new org.apache.hadoop.fs.Path(junk, "part-garbage.parquet"))) {
          stream.write("not parquet".getBytes(StandardCharsets.UTF_8));
        }
        String resumed = run(spark, hdfs + "/data", hdfsRuns);
        System.out.printf("HdfsRunTest: HDFS run and resume done after %.1f s%n", seconds(start));
        assertTrue(resumed.contains("resuming"), resumed);
        assertFalse(resumed.contains("epoch=1,"), "committed epochs are not rerun: " + resumed);
        assertTrue(fs.exists(new org.apache.hadoop.fs.Path(hdfsRuns + "/fashion/_committed/epoch=2")));
        assertFalse(fs.exists(new org.apache.hadoop.fs.Path(junk, "part-garbage.parquet")));

        List<String> localPopulations = SearchJobTest.populations(spark, localRuns + "/fashion");
        assertEquals(3L * 3 * 20, localPopulations.size());
        assertEquals(localPopulations, SearchJobTest.populations(spark, hdfsRuns + "/fashion"));
        assertEquals(SearchJobTest.results(spark, localRuns + "/fashion"),
            SearchJobTest.results(spark, hdfsRuns + "/fashion"));

        // A dataset missing from HDFS is refused before anything is written, naming its URI.
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = SearchJob.run(new String[] {TestConfigs.write(dir, "missing.conf", config(hdfs + "/nothing"))
            .toString(), "run.output=\"" + hdfs + "/user/test/other\""}, new PrintStream(new ByteArrayOutputStream()),
            new PrintStream(err, true, StandardCharsets.UTF_8), spark);
        String message = err.toString(StandardCharsets.UTF_8);
        assertEquals(2, status, message);
        assertTrue(message.contains(hdfs + "/nothing/" + IMAGES + ": no such file"), message);
        assertFalse(fs.exists(new org.apache.hadoop.fs.Path(hdfs + "/user/test/other")));
      } finally {
        spark.stop();
      }
    } finally {
      cluster.shutdown();
      System.out.printf("HdfsRunTest: %.1f s in all%n", seconds(start));
    }
  }

  private static double seconds(long start) {
    return (System.nanoTime() - start) / 1e9;
  }
}
