package org.automlzero.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Bad input of every kind gets a clear error that names the problem, exit status 2, and no output a
 * later run would trust (issue 5). The configuration cases end before Spark starts and write
 * nothing; the output-path cases need the run's file system, so they run on a local session.
 */
class BadInputTest {
  private static SparkSession spark;

  @TempDir Path dir;

  @BeforeAll
  static void startSpark() {
    spark = SparkSession.builder().master("local[1]").appName("bad-input")
        .config("spark.ui.enabled", "false").getOrCreate();
  }

  @AfterAll
  static void stopSpark() {
    spark.stop();
  }

  private record Outcome(int status, String err) {}

  private Outcome run(Path config, SparkSession session, String... overrides) {
    List<String> args = new ArrayList<>(List.of(config.toString(), "run.output=\"" + dir.resolve("runs") + "\""));
    args.addAll(List.of(overrides));
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int status = SearchJob.run(args.toArray(String[]::new), new PrintStream(new ByteArrayOutputStream(), true,
        StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8), session);
    return new Outcome(status, err.toString(StandardCharsets.UTF_8));
  }

  /** A config case: the overrides, then the words the message must contain. */
  static Stream<Arguments> badConfigs() {
    return Stream.of(
        bad("unknown top-level key", List.of("seeds=3"), "seeds", "unknown key"),
        bad("unknown nested key", List.of("search.populaton_size=50"), "search.populaton_size", "unknown key"),
        bad("unknown key in a task spec", List.of("search_tasks=[{kind=scalar_linear_regression, features_size=4,"
            + " num_train_examples=20, num_valid_examples=10, num_taks=2}]"), "search_tasks[0].num_taks"),
        bad("text for a number", List.of("search.population_size=many"), "search.population_size", "whole number"),
        bad("quoted number", List.of("search.mutate_prob=\"0.5\""), "search.mutate_prob", "a number"),
        bad("number for a boolean", List.of("search.fec.enabled=3"), "search.fec.enabled", "true or false"),
        bad("fraction for a count", List.of("islands.count=2.5"), "islands.count", "whole number"),
        bad("tournament larger than population", List.of("search.tournament_size=50"),
            "search.tournament_size", "from 1 to 20"),
        bad("features size 1", List.of("search_tasks=[{kind=scalar_linear_regression, features_size=1,"
            + " num_train_examples=20, num_valid_examples=10}]"), "features_size"),
        bad("probability above 1", List.of("search.mutate_prob=1.5"), "search.mutate_prob"),
        bad("min size above max size", List.of("search.mutate_learn_size_min=9", "search.mutate_learn_size_max=3"),
            "mutate_learn_size"),
        bad("too few scalars", List.of("memory.scalars=1"), "memory.scalars"),
        bad("nothing can evolve", List.of("search.setup_ops=[]", "search.predict_ops=[]", "search.learn_ops=[]"),
            "nothing can evolve"),
        bad("unknown op", List.of("search.learn_ops=[scalar_summ]"), "search.learn_ops", "SCALAR_SUM"),
        bad("op without its memory", List.of("memory.matrices=0", "search.learn_ops=[matrix_sum]"),
            "search.learn_ops", "MATRIX_SUM"),
        bad("unknown mutation", List.of("search.allowed_mutation_types=[flip]"), "allowed_mutation_types"),
        bad("no mutation", List.of("search.allowed_mutation_types=[]"), "allowed_mutation_types", "empty"),
        bad("unknown task kind", List.of("search_tasks=[{kind=cifar, features_size=4, num_train_examples=20,"
            + " num_valid_examples=10}]"), "search_tasks[0].kind"),
        bad("2-layer net with F=2", List.of("search_tasks=[{kind=scalar_2layer_nn_regression, features_size=2,"
            + " num_train_examples=20, num_valid_examples=10}]"), "featuresSize", ">= 3"),
        bad("accuracy for a regression", List.of("search_tasks=[{kind=scalar_linear_regression, features_size=4,"
            + " num_train_examples=20, num_valid_examples=10, eval_type=accuracy}]"), "RMS_ERROR"),
        bad("empty task list", List.of("select_tasks=[]"), "select_tasks", "empty"),
        bad("too few training examples", List.of("search_tasks=[{kind=scalar_linear_regression, features_size=4,"
            + " num_train_examples=5, num_valid_examples=10}]"), "search_tasks[0]", ">= 10"),
        bad("unknown search method", List.of("search.method=annealing"), "search.method"),
        bad("no islands", List.of("islands.count=0"), "islands.count"),
        bad("no stop limit", List.of("stop.max_epochs=0"), "stop"),
        bad("unknown topology", List.of("islands.migration.topology=star"), "islands.migration.topology"),
        bad("run name with a slash", List.of("run.name=\"a/b\""), "run.name"),
        bad("seed 0", List.of("seed=0"), "seed"),
        bad("negative max_abs_error", List.of("search.max_abs_error=-1"), "search.max_abs_error"),
        bad("baseline for the budget that is not a model", List.of("search.train_budget.enabled=true",
            "search.train_budget.baseline=no_op_algorithm"), "search.train_budget.baseline"),
        bad("warm start without a program", List.of("search.initial_population=given_algorithm"),
            "search.initial_program"),
        bad("projected task without a dataset", List.of("search_tasks=[{kind=projected_binary_classification,"
            + " features_size=4, num_train_examples=20, num_valid_examples=10}]"), "dataset"),
        bad("dataset keys on a regression task", List.of("search_tasks=[{kind=scalar_linear_regression,"
            + " features_size=4, num_train_examples=20, num_valid_examples=10, positive_class=1}]"),
            "positive_class"),
        bad("a dataset key of another format", List.of("search_tasks=[{kind=projected_binary_classification,"
            + " features_size=4, num_train_examples=20, num_valid_examples=10, dataset={format=csv, path=d.csv,"
            + " max_per_class=50}}]"), "search_tasks[0].dataset.max_per_class", "format = csv"),
        bad("an unknown dataset format", List.of("search_tasks=[{kind=projected_binary_classification,"
            + " features_size=4, num_train_examples=20, num_valid_examples=10, dataset={format=orc, path=d.orc}}]"),
            "search_tasks[0].dataset.format", "idx, csv or parquet"));
  }

  private static Arguments bad(String name, List<String> overrides, String... expected) {
    return Arguments.of(name, overrides, List.of(expected));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badConfigs")
  void aBadConfigIsRefusedBeforeSparkStarts(String name, List<String> overrides, List<String> expected)
      throws IOException {
    Outcome outcome = run(TestConfigs.write(dir, "small.conf", TestConfigs.SMALL), null,
        overrides.toArray(String[]::new));
    assertEquals(2, outcome.status(), name + ": " + outcome.err());
    for (String words : expected) {
      assertTrue(outcome.err().contains(words), name + ": '" + words + "' not in: " + outcome.err());
    }
    assertFalse(Files.exists(dir.resolve("runs")), name + ": a refused run must write nothing");
  }

  @Test
  void aMissingConfigFileIsNamed() {
    Outcome outcome = run(dir.resolve("nope.conf"), null);
    assertEquals(2, outcome.status());
    assertTrue(outcome.err().contains("nope.conf"), outcome.err());
  }

  @Test
  void aFolderIsNotAConfigFile() throws IOException {
    Outcome outcome = run(Files.createDirectories(dir.resolve("conf.d")), null);
    assertEquals(2, outcome.status());
    assertTrue(outcome.err().contains("not a file"), outcome.err());
  }

  @Test
  void malformedHoconNamesTheFileAndLine() throws IOException {
    Outcome outcome = run(TestConfigs.write(dir, "broken.conf", "seed = 7\nsearch { population_size = \n"), null);
    assertEquals(2, outcome.status());
    assertTrue(outcome.err().contains("broken.conf"), outcome.err());
  }

  @Test
  void aProgramFileThatDoesNotParseNamesItsLine() throws IOException {
    Files.writeString(dir.resolve("start.txt"), "def Setup():\n  s2 = 0.01\ndef Predict():\n  s1 = dott(v1, v0)\n");
    Outcome outcome = run(TestConfigs.write(dir, "small.conf", TestConfigs.SMALL), null,
        "search.initial_population=given_algorithm", "search.initial_program=start.txt");
    assertEquals(2, outcome.status());
    assertTrue(outcome.err().contains("line 4") && outcome.err().contains("dott"), outcome.err());
  }

  @Test
  void anUnreadableDatasetIsNamed() throws IOException {
    Outcome outcome = run(TestConfigs.write(dir, "small.conf", TestConfigs.SMALL), null, projected(
        "{format = idx, images = \"" + dir.resolve("missing-images.gz") + "\", labels = \""
            + dir.resolve("missing-labels.gz") + "\"}"));
    assertEquals(2, outcome.status());
    assertTrue(outcome.err().contains("missing-images.gz"), outcome.err());
  }

  @Test
  void aMalformedIdxDatasetSaysWhatIsWrong() throws IOException {
    Path images = dir.resolve("images.gz");
    try (GZIPOutputStream gz = new GZIPOutputStream(Files.newOutputStream(images))) {
      gz.write(new byte[] {0, 0, 8, 1, 0, 0, 0, 1}); // the labels' magic where the images' belongs
    }
    Outcome outcome = run(TestConfigs.write(dir, "small.conf", TestConfigs.SMALL), null, projected(
        "{format = idx, images = \"" + images + "\", labels = \"" + images + "\"}"));
    assertEquals(2, outcome.status());
    assertTrue(outcome.err().contains("images.gz") && outcome.err().contains("truncated"), outcome.err());
  }

  @Test
  void aMalformedCsvDatasetNamesTheLine() throws IOException {
    Path csv = dir.resolve("data.csv");
    Files.writeString(csv, "1.0,2.0,0\n1.5,oops,1\n");
    Outcome outcome = run(TestConfigs.write(dir, "small.conf", TestConfigs.SMALL), null, projected(
        "{format = csv, path = \"" + csv + "\"}"));
    assertEquals(2, outcome.status());
    assertTrue(outcome.err().contains("data.csv") && outcome.err().contains("oops"), outcome.err());
  }

  @Test
  void aMissingParquetDatasetIsNamed() throws IOException {
    Path missing = dir.resolve("no-table.parquet");
    Outcome outcome = run(TestConfigs.write(dir, "small.conf", TestConfigs.SMALL), spark, projected(
        "{format = parquet, path = \"" + missing + "\"}"));
    assertEquals(2, outcome.status());
    assertTrue(outcome.err().contains("no-table.parquet") && outcome.err().contains("cannot read it as Parquet"),
        outcome.err());
    assertFalse(Files.exists(dir.resolve("runs")), "a refused run must write nothing");
  }

  @Test
  void aParquetDatasetWithoutItsLabelColumnListsTheColumns() throws IOException {
    String table = dir.resolve("table.parquet").toString();
    spark.sql("SELECT CAST(id AS DOUBLE) AS x, CAST(id % 2 AS INT) AS y FROM range(30)").coalesce(1).write()
        .parquet(table);
    Outcome outcome = run(TestConfigs.write(dir, "small.conf", TestConfigs.SMALL), spark, projected(
        "{format = parquet, path = \"" + table + "\"}"));
    assertEquals(2, outcome.status());
    assertTrue(outcome.err().contains("no column 'label'") && outcome.err().contains("[x, y]"), outcome.err());
    assertFalse(Files.exists(dir.resolve("runs")), "a refused run must write nothing");
  }

  private static String projected(String dataset) {
    return "search_tasks=[{kind=projected_binary_classification, features_size=2, num_train_examples=20,"
        + " num_valid_examples=10, dataset=" + dataset + "}]";
  }

  @Test
  void anOutputThatIsAFileIsRefused() throws IOException {
    Files.writeString(dir.resolve("runs"), "not a folder");
    Outcome outcome = run(TestConfigs.write(dir, "small.conf", TestConfigs.SMALL), spark, "run.name=small");
    assertEquals(2, outcome.status());
    assertTrue(outcome.err().contains("run.output") && outcome.err().contains("not a directory"), outcome.err());
    assertEquals("not a folder", Files.readString(dir.resolve("runs")));
  }

  @Test
  void aFolderThatIsNotARunIsLeftAlone() throws IOException {
    Path other = Files.createDirectories(dir.resolve("runs").resolve("small"));
    Files.writeString(other.resolve("notes.txt"), "mine");
    Outcome outcome = run(TestConfigs.write(dir, "small.conf", TestConfigs.SMALL), spark, "run.name=small");
    assertEquals(2, outcome.status());
    assertTrue(outcome.err().contains("not a run"), outcome.err());
    assertEquals("mine", Files.readString(other.resolve("notes.txt")));
    assertFalse(Files.exists(other.resolve("run.conf")));
  }

  @Test
  void anotherRunsConfigurationIsRefusedUnlessStartingOver() throws IOException {
    Path run = Files.createDirectories(dir.resolve("runs").resolve("small"));
    Files.writeString(run.resolve("run.conf"), "seed = 99\n");
    Outcome outcome = run(TestConfigs.write(dir, "small.conf", TestConfigs.SMALL), spark, "run.name=small");
    assertEquals(2, outcome.status());
    assertTrue(outcome.err().contains("another configuration") && outcome.err().contains("start_over"),
        outcome.err());
    assertEquals("seed = 99\n", Files.readString(run.resolve("run.conf")));
  }

  @Test
  void anOutputUnderAFileCannotBeCreated() throws IOException {
    Path file = Files.writeString(dir.resolve("plain"), "x");
    List<String> args = List.of(TestConfigs.write(dir, "small.conf", TestConfigs.SMALL).toString(),
        "run.output=\"" + file.resolve("sub") + "\"");
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int status = SearchJob.run(args.toArray(String[]::new), new PrintStream(new ByteArrayOutputStream()),
        new PrintStream(err, true, StandardCharsets.UTF_8), spark);
    String message = err.toString(StandardCharsets.UTF_8);
    assertEquals(2, status, message);
    assertTrue(message.contains(file.toString()), message);
  }
}
