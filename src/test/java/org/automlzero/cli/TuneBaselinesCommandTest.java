package org.automlzero.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code tune-baselines} on the Fashion-MNIST slice of the tests: select tasks on the searchable
 * pair (0, 1), final tasks drawn among the held-out pairs, of which the slice holds (0, 9).
 */
class TuneBaselinesCommandTest {
  @TempDir
  Path dir;

  private String slice(String name) throws Exception {
    return Path.of(getClass().getResource("/fashion-mnist-slice/" + name).toURI()).toString();
  }

  private int run(String... args) {
    return Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  @Test
  void printsEveryTrialAndTheTunedBaselinesOnTheFinalTasks() throws Exception {
    String task = "kind = projected_binary_classification, features_size = 16, num_train_examples = 150,"
        + " num_valid_examples = 25, num_test_examples = 25, max_supported_data_seed = 100,"
        + " dataset { format = idx, images = \"" + slice("train-images-idx3-ubyte.gz") + "\", labels = \""
        + slice("train-labels-idx1-ubyte.gz") + "\" }";
    Path conf = dir.resolve("slice.conf");
    Files.writeString(conf, String.join("\n",
        "memory { scalars = 5, vectors = 9, matrices = 2 }",
        "search_tasks = [{" + task + ", positive_class = 1, negative_class = 0}]",
        "select_tasks = [{" + task + ", positive_class = 1, negative_class = 0, num_tasks = 2}]",
        "final_tasks = [{" + task + ", draw_from = held_out, held_out_pairs = [[0, 9]], num_tasks = 3,"
            + " evaluate_on_test = true}]",
        "search { learn_ops = [scalar_sum] }",
        "baselines { tune_trials = 3 }"));
    assertEquals(0, run("tune-baselines", conf.toString()), err.toString(StandardCharsets.UTF_8));
    String text = out.toString(StandardCharsets.UTF_8);
    assertTrue(text.contains("task generation: 2 select tasks (F=16"), text);
    assertTrue(text.contains("tuning: 6 trials"), text);
    assertTrue(text.contains("linear_model(0.01000)") && text.contains("neural_net(0.01000, 0.1000, 0.1000)"), text);
    assertEquals(2, text.split("per class pair \\(mean final fitness, tasks\\): \\(0, 9\\) ", -1).length - 1, text);
    assertTrue(text.contains("(mean over 3 tasks"), text);
  }

  @Test
  void needsExactlyOneConfig() {
    assertEquals(2, run("tune-baselines"));
    assertTrue(err.toString(StandardCharsets.UTF_8).contains("tune-baselines needs CONFIG"));
  }
}
