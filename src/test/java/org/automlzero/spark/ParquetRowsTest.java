package org.automlzero.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.util.HadoopInputFile;
import org.apache.parquet.schema.MessageType;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.automlzero.config.ExperimentConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Files written by {@link ParquetRows} are what Spark SQL itself writes: the same Parquet schema in
 * the footer, and Spark reads back the same schema and the same rows (populations and progress).
 */
class ParquetRowsTest {
  private static SparkSession spark;
  @TempDir Path dir;

  @BeforeAll
  static void start() {
    spark = SparkSession.builder().master("local[1]").appName("ParquetRowsTest")
        .config("spark.ui.enabled", "false").config("spark.driver.host", "127.0.0.1").getOrCreate();
  }

  @AfterAll
  static void stop() {
    spark.stop();
  }

  private List<IslandEpoch.Result> islands() throws Exception {
    Path file = TestConfigs.write(dir, "small.conf", TestConfigs.SMALL);
    JobPlan plan = SearchJob.plan(ExperimentConfig.load(file, List.of()), file);
    List<IslandEpoch.Result> islands = new ArrayList<>();
    for (int island = 0; island < 2; island++) {
      IslandState start = PopulationCodec.decode(island, Streams.islandSeed(plan.seed(), island), 0, null, List.of());
      islands.add(IslandEpoch.run(plan, 0, start, List.of()));
    }
    return islands;
  }

  private static Path onlyParquetFile(Path folder) throws IOException {
    try (Stream<Path> files = Files.list(folder)) {
      List<Path> parquet = files.filter(p -> p.getFileName().toString().endsWith(".parquet")
          && !p.getFileName().toString().startsWith("_") && !p.getFileName().toString().startsWith(".")).toList();
      assertEquals(1, parquet.size(), "files: " + parquet);
      return parquet.get(0);
    }
  }

  private static MessageType footerSchema(Path file) throws IOException {
    try (ParquetFileReader reader = ParquetFileReader.open(
        HadoopInputFile.fromPath(new org.apache.hadoop.fs.Path(file.toUri()), new Configuration()))) {
      return reader.getFileMetaData().getSchema();
    }
  }

  private static List<String> sorted(List<Row> rows) {
    List<String> text = new ArrayList<>();
    for (Row row : rows) {
      text.add(row.toString());
    }
    text.sort(null);
    return text;
  }

  @Test
  void populationAndProgressFilesReadBackAsSparkWritesThem() throws Exception {
    List<IslandEpoch.Result> islands = islands();
    List<Row> population = new ArrayList<>();
    List<Row> progress = new ArrayList<>();
    for (IslandEpoch.Result island : islands) {
      population.addAll(island.population());
      progress.add(island.progress());
    }
    Configuration hadoop = spark.sparkContext().hadoopConfiguration();
    String ours = dir.resolve("ours").toString();
    ParquetRows.write(ours + "/population", EvolvePartition.fileName(0), PopulationCodec.POPULATION, hadoop, population);
    ParquetRows.write(ours + "/progress", EvolvePartition.fileName(0), PopulationCodec.PROGRESS, hadoop, progress);
    String theirs = dir.resolve("spark").toString();
    spark.createDataFrame(population, PopulationCodec.POPULATION).coalesce(1).write().mode(SaveMode.Overwrite)
        .parquet(theirs + "/population");
    spark.createDataFrame(progress, PopulationCodec.PROGRESS).coalesce(1).write().mode(SaveMode.Overwrite)
        .parquet(theirs + "/progress");

    for (String table : List.of("population", "progress")) {
      Path oursFile = onlyParquetFile(Path.of(ours, table));
      assertEquals(footerSchema(onlyParquetFile(Path.of(theirs, table))), footerSchema(oursFile), table);
      assertEquals(spark.read().parquet(theirs + "/" + table).schema(), spark.read().parquet(ours + "/" + table).schema(),
          table);
      assertEquals(sorted(spark.read().parquet(theirs + "/" + table).collectAsList()),
          sorted(spark.read().parquet(ours + "/" + table).collectAsList()), table);
    }
    assertEquals(40, spark.read().parquet(ours + "/population").count());

    // A file in place is not written again; nothing but the file is left in the folder.
    long size = Files.size(onlyParquetFile(Path.of(ours, "population")));
    assertNull(ParquetRows.open(ours + "/population", EvolvePartition.fileName(0), PopulationCodec.POPULATION, hadoop));
    ParquetRows.write(ours + "/population", EvolvePartition.fileName(0), PopulationCodec.POPULATION, hadoop,
        population.subList(0, 1));
    assertEquals(size, Files.size(onlyParquetFile(Path.of(ours, "population"))));
    try (Stream<Path> files = Files.list(Path.of(ours, "population"))) {
      assertTrue(files.noneMatch(p -> p.getFileName().toString().contains(".tmp")));
    }
  }

  @Test
  void anAbortedFileLeavesNothing() throws Exception {
    Configuration hadoop = spark.sparkContext().hadoopConfiguration();
    String folder = dir.resolve("aborted").toString();
    ParquetRows.Writer writer = ParquetRows.open(folder, EvolvePartition.fileName(3), PopulationCodec.PROGRESS, hadoop);
    writer.write(islands().get(0).progress());
    writer.abort();
    try (Stream<Path> files = Files.list(Path.of(folder))) {
      assertEquals(List.of(), files.filter(p -> !p.getFileName().toString().endsWith(".crc")).toList());
    }
  }
}
