package org.automlzero.spark.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code ./submit.sh sql}'s command on the runs the job writes: the three formats and bad input. */
class SqlCommandTest {
  static Path output;
  static SparkSession spark;

  @BeforeAll
  static void writeRuns() throws Exception {
    spark = SmallRuns.session("SqlCommandTest");
    output = SmallRuns.shared(spark);
  }

  @AfterAll
  static void stop() {
    spark.stop();
  }

  private record Outcome(int status, String out, String err) {
    List<String> lines() {
      return out.lines().toList();
    }
  }

  private static Outcome sql(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int status = SqlCommand.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8), spark);
    return new Outcome(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  @Test
  void csvHasAHeaderAndOneLinePerRowAcrossRuns() {
    Outcome result = sql(output.toString(),
        "SELECT run, epoch, max(best_fitness) AS best FROM progress GROUP BY run, epoch ORDER BY run, epoch",
        "--format", "csv");
    assertEquals(0, result.status(), result.err());
    List<String> lines = result.lines();
    assertEquals("run,epoch,best", lines.get(0));
    assertEquals(7, lines.size(), result.out());
    assertTrue(lines.get(1).startsWith("a,0,"), lines.get(1));
    assertTrue(lines.get(6).startsWith("b,2,"), lines.get(6));
    double best = Double.parseDouble(lines.get(3).split(",")[2]);
    assertTrue(best > 0 && best <= 1, "fitness " + best);
  }

  @Test
  void csvQuotesProgramTextsWithLineBreaks() {
    Outcome result = sql(output.resolve("a").toString(),
        "SELECT id, program FROM results WHERE kind = 'winner'", "--format=csv");
    assertEquals(0, result.status(), result.err());
    assertTrue(result.out().contains("\"def Setup():\n"), result.out());
  }

  @Test
  void jsonIsOneObjectPerRowWithNestedValuesKept() {
    Outcome result = sql(output.resolve("b").toString(),
        "SELECT run, id, task_fitness FROM population WHERE epoch = 2 ORDER BY island, slot LIMIT 3",
        "--format", "json");
    assertEquals(0, result.status(), result.err());
    assertEquals(3, result.lines().size(), result.out());
    for (String line : result.lines()) {
      assertTrue(line.matches("\\{\"run\":\"b\",\"id\":\\d+,\"task_fitness\":\\[[-0-9.E]+,[-0-9.E]+\\]\\}"), line);
    }
  }

  @Test
  void tableIsAlignedWithARowCount() {
    Outcome result = sql(output.toString(), "SELECT run, count(*) AS n FROM instructions GROUP BY run ORDER BY run");
    assertEquals(0, result.status(), result.err());
    List<String> lines = result.lines();
    assertTrue(lines.get(0).matches("run \\| n\\s*"), lines.get(0));
    assertTrue(lines.get(1).matches("-+-\\+-+"), lines.get(1));
    assertTrue(lines.get(2).matches("a   \\| \\d+"), lines.get(2));
    assertEquals("(2 rows)", lines.get(4));
  }

  @Test
  void badQueriesFormatsAndFoldersExitWithTwoAndSayWhy() {
    Outcome unknownColumn = sql(output.toString(), "SELECT nonsense FROM population");
    assertEquals(2, unknownColumn.status());
    assertTrue(unknownColumn.err().contains("nonsense"), unknownColumn.err());
    Outcome format = sql(output.toString(), "SELECT 1", "--format", "xml");
    assertEquals(2, format.status());
    assertTrue(format.err().contains("unknown format 'xml'"), format.err());
    Outcome missing = sql(output.resolve("missing").toString(), "SELECT 1");
    assertEquals(2, missing.status());
    assertTrue(missing.err().contains("no such folder"), missing.err());
    assertEquals(2, sql(output.toString()).status());
  }
}
