package org.automlzero.task;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import org.automlzero.random.Rng;
import org.automlzero.random.Seeds;

/**
 * Builds the {@link Task}s of {@link TaskSpec}s (the reference's {@code FillTasks}). Every task is a
 * pure function of its spec, its data seed and its param seed: each random stream is fresh, with
 * no shared generator, so generating a task alone or among others gives the same arrays. The
 * regressions' streams are the reference's {@code std::mt19937(seed + salt)}
 * ({@link RegressionTasks}); the others, including every task's epoch shuffles, are {@link Rng}s
 * of {@code Seeds.derive(seed, salt)}, so they are not the reference's. Datasets of projected
 * binary tasks are loaded once per generator by its {@link DatasetLoader} and kept; tasks of one
 * spec that land on the same (pair, dataset seed) share arrays.
 *
 * <p>Thread-safe when its loader is: the only state is the dataset cache, a concurrent map.
 */
public final class TaskGenerator {
  // The reference's offset for the epoch-shuffle generator (task_util.h). The reference shuffles
  // with std::shuffle over std::mt19937(data_seed + 3274582109), whose draws are the C++ library's
  // own; here a salt of Seeds.derive, so epochs after the first are not the reference's.
  static final long EPOCHS_SALT = 3274582109L;

  private final DatasetLoader loader;
  private final Map<DatasetSource, LabeledDataset> datasets = new ConcurrentHashMap<>();

  /** Reads IDX and CSV datasets from local paths or, with Hadoop's client present, any URI. */
  public TaskGenerator() {
    this(DatasetLoader.files(DataFiles.standard()));
  }

  /** Reads datasets with {@code loader} (the Spark job's reads Parquet too). */
  public TaskGenerator(DatasetLoader loader) {
    this.loader = Objects.requireNonNull(loader, "loader");
  }

  /**
   * The {@code spec.numTasks()} tasks of {@code spec}, numbered from {@code firstIndex}.
   *
   * @throws UncheckedIOException if a dataset cannot be read
   * @throws IllegalArgumentException if a dataset cannot serve the spec (too few examples, F)
   */
  public List<Task> generate(TaskSpec spec, int firstIndex) {
    if (firstIndex < 0) {
      throw new IllegalArgumentException("firstIndex is " + firstIndex + ", must be >= 0");
    }
    List<Task> tasks = new ArrayList<>(spec.numTasks());
    LabeledDataset dataset = spec.kind() == TaskKind.PROJECTED_BINARY_CLASSIFICATION
        ? dataset(spec.projectedBinary().source())
        : null;
    Map<ProjectedBinaryTasks.Choice, ProjectedBinaryTasks.Data> shared = new HashMap<>();
    for (int i = 0; i < spec.numTasks(); i++) {
      int index = Math.addExact(firstIndex, i);
      long dataSeed = spec.dataSeed(i);
      long paramSeed = spec.paramSeed(i);
      tasks.add(switch (spec.kind()) {
        case SCALAR_LINEAR_REGRESSION -> RegressionTasks.linear(spec, index, dataSeed, paramSeed);
        case SCALAR_2LAYER_NN_REGRESSION -> RegressionTasks.neuralNet(spec, index, dataSeed, paramSeed);
        case PROJECTED_BINARY_CLASSIFICATION -> ProjectedBinaryTasks.create(spec, dataset, index, dataSeed, shared);
        case UNIT_TEST_ZEROS, UNIT_TEST_ONES, UNIT_TEST_INCREMENT -> UnitTestTasks.create(spec, index, dataSeed);
      });
    }
    return List.copyOf(tasks);
  }

  /** The tasks of all specs in order, with one running index from 0 (a reference TaskCollection). */
  public List<Task> generate(List<TaskSpec> specs) {
    List<Task> tasks = new ArrayList<>();
    for (TaskSpec spec : specs) {
      tasks.addAll(generate(spec, tasks.size()));
    }
    return List.copyOf(tasks);
  }

  /** The dataset of {@code source}, read on first use. */
  public LabeledDataset dataset(DatasetSource source) {
    return datasets.computeIfAbsent(source, s -> {
      try {
        return loader.load(s);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read dataset: " + e.getMessage(), e);
      }
    });
  }

  /** Wraps generated arrays into a task, with epochs from the data seed's shuffle stream. */
  static Task assemble(TaskSpec spec, int index, long dataSeed, double[] trainFeatures, double[] trainLabels,
      double[] validFeatures, double[] validLabels) {
    int[][] epochs = Epochs.generate(trainLabels.length, spec.numTrainEpochs(),
        new Rng(Seeds.derive(dataSeed, EPOCHS_SALT)));
    return new Task(index, spec.featuresSize(), spec.evalType(),
        trainFeatures, trainLabels, validFeatures, validLabels, epochs);
  }
}
