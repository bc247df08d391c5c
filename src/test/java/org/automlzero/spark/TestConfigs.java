package org.automlzero.spark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Small configs for the Spark tests: three islands, population 20, tiny linear tasks. */
public final class TestConfigs {
  private TestConfigs() {}

  /**
   * Three islands of 20, three epochs of 70 individuals, migration every epoch, tiny linear tasks:
   * a few seconds. Seed 7; a later {@code seed = N} line overrides it.
   */
  public static final String SMALL = """
      seed = 7
      memory { scalars = 4, vectors = 3, matrices = 1 }
      search_tasks = [{
        kind = scalar_linear_regression, features_size = 4
        num_train_examples = 20, num_valid_examples = 10, num_tasks = 2
      }]
      select_tasks = [{
        kind = scalar_linear_regression, features_size = 4
        num_train_examples = 20, num_valid_examples = 10, num_tasks = 2
        data_seeds = [100], param_seeds = [200]
      }]
      final_tasks = [{
        kind = scalar_linear_regression, features_size = 4
        num_train_examples = 20, num_valid_examples = 10, num_tasks = 2
        data_seeds = [1000], param_seeds = [2000]
      }]
      search {
        population_size = 20
        tournament_size = 5
        initial_population = random_algorithm
        setup_ops = [scalar_const_set, vector_inner_product, scalar_diff, scalar_product, scalar_vector_product, vector_sum]
        predict_ops = ${search.setup_ops}
        learn_ops = ${search.setup_ops}
        setup_size_init = 4
        predict_size_init = 2
        learn_size_init = 4
        fec { enabled = true, num_train_examples = 10, num_valid_examples = 10 }
      }
      islands { count = 3, individuals_per_epoch = 70, migration { interval = 1, count = 2 } }
      stop { max_epochs = 3 }
      """;

  static Path write(Path dir, String name, String text) throws IOException {
    Path file = dir.resolve(name);
    Files.writeString(file, text);
    return file;
  }
}
