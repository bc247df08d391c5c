package org.automlzero.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.automlzero.task.ClassPair;
import org.automlzero.task.CsvFormat;
import org.automlzero.task.DatasetSource;
import org.automlzero.task.EvalType;
import org.automlzero.task.ProjectedBinarySpec;
import org.automlzero.task.TaskKind;
import org.automlzero.task.TaskSpec;

/**
 * Reads a list of task specs (the reference's {@code TaskSpec} text protos) from HOCON. Keys are the
 * reference's field names; defaults (documented in {@code reference.conf}) are applied here, since
 * HOCON cannot give defaults to the objects of a list. Stateless.
 */
public final class TaskSpecReader {
  static final Set<String> KEYS = Set.of("kind", "features_size", "num_train_examples", "num_valid_examples",
      "num_train_epochs", "num_tasks", "data_seeds", "param_seeds", "eval_type", "increment", "dataset",
      "positive_class", "negative_class", "held_out_pairs", "min_supported_data_seed",
      "max_supported_data_seed", "num_test_examples", "full_size");
  static final Set<String> DATASET_KEYS = Set.of("format", "images", "labels", "path", "header", "label_column",
      "label_index", "max_per_class", "features_column");
  private static final int MAX_EXAMPLES = 100_000_000;
  private static final long MAX_SEED = 0xFFFF_FFFFL;

  private TaskSpecReader() {}

  /** The specs of the list at {@code path}; an empty list is refused. */
  public static List<TaskSpec> readList(Settings settings, String path) {
    List<Settings> objects = settings.objectList(path);
    if (objects.isEmpty()) {
      throw settings.error(path, "is empty; give at least one task spec");
    }
    List<TaskSpec> specs = new ArrayList<>();
    for (Settings object : objects) {
      specs.add(read(object));
    }
    return specs;
  }

  /** One spec. */
  public static TaskSpec read(Settings s) {
    s.requireOnlyKeys(KEYS);
    TaskKind kind = s.enumValue("kind", TaskKind.class);
    int features = s.intIn("features_size", 2, 100_000);
    int numTrain = s.intIn("num_train_examples", 1, MAX_EXAMPLES);
    int numValid = s.intIn("num_valid_examples", 1, MAX_EXAMPLES);
    int epochs = s.has("num_train_epochs") ? s.intIn("num_train_epochs", 1, 1_000_000) : 1;
    int numTasks = s.has("num_tasks") ? s.intIn("num_tasks", 1, 1_000_000) : 1;
    List<Long> dataSeeds = s.has("data_seeds") ? s.longList("data_seeds", 1, MAX_SEED) : List.of();
    List<Long> paramSeeds = s.has("param_seeds") ? s.longList("param_seeds", 1, MAX_SEED) : List.of();
    EvalType defaultEval = kind == TaskKind.PROJECTED_BINARY_CLASSIFICATION ? EvalType.ACCURACY : EvalType.RMS_ERROR;
    EvalType evalType = s.has("eval_type") ? s.enumValue("eval_type", EvalType.class) : defaultEval;
    double increment = s.has("increment") ? s.doubleIn("increment", -1e300, 1e300) : TaskSpec.DEFAULT_INCREMENT;
    if (s.has("increment") && kind != TaskKind.UNIT_TEST_INCREMENT) {
      throw s.error("increment", "is only for kind unit_test_increment");
    }
    ProjectedBinarySpec projected = null;
    if (kind == TaskKind.PROJECTED_BINARY_CLASSIFICATION) {
      projected = projected(s);
    } else {
      for (String key : List.of("dataset", "positive_class", "negative_class", "held_out_pairs",
          "min_supported_data_seed", "max_supported_data_seed", "num_test_examples", "full_size")) {
        if (s.has(key)) {
          throw s.error(key, "is only for kind projected_binary_classification, kind is " + kind);
        }
      }
    }
    try {
      return new TaskSpec(kind, features, numTrain, numValid, epochs, numTasks, dataSeeds, paramSeeds, evalType,
          increment, projected);
    } catch (IllegalArgumentException e) {
      throw new ConfigError(s.key(""), e.getMessage());
    }
  }

  private static ProjectedBinarySpec projected(Settings s) {
    if (!s.has("dataset")) {
      throw s.error("dataset", "missing; projected_binary_classification needs a dataset { format = idx|csv|parquet ... }");
    }
    DatasetSource source = dataset(s.at("dataset"));
    ClassPair pair = null;
    if (s.has("positive_class") || s.has("negative_class")) {
      int positive = s.intIn("positive_class", 0, 1_000_000);
      int negative = s.intIn("negative_class", 0, 1_000_000);
      if (positive == negative) {
        throw s.error("negative_class", "equals positive_class; a pair needs two classes");
      }
      pair = new ClassPair(positive, negative);
    }
    List<ClassPair> heldOut = ProjectedBinarySpec.DEFAULT_HELD_OUT_PAIRS;
    if (s.has("held_out_pairs")) {
      heldOut = pairs(s, "held_out_pairs");
    }
    long min = s.has("min_supported_data_seed")
        ? s.longIn("min_supported_data_seed", 0, MAX_SEED) : ProjectedBinarySpec.DEFAULT_MIN_SUPPORTED_DATA_SEED;
    long max = s.has("max_supported_data_seed")
        ? s.longIn("max_supported_data_seed", 1, MAX_SEED) : ProjectedBinarySpec.DEFAULT_MAX_SUPPORTED_DATA_SEED;
    if (min >= max) {
      throw s.error("max_supported_data_seed", "must be greater than min_supported_data_seed (" + min + ")");
    }
    int numTest = s.has("num_test_examples") ? s.intIn("num_test_examples", 0, MAX_EXAMPLES) : 0;
    boolean fullSize = s.has("full_size") && s.bool("full_size");
    return new ProjectedBinarySpec(source, pair, heldOut, min, max, numTest, fullSize);
  }

  private static List<ClassPair> pairs(Settings s, String path) {
    List<ClassPair> pairs = new ArrayList<>();
    List<Object> raw = s.config().getList(path).unwrapped();
    for (Object item : raw) {
      if (!(item instanceof List<?> list) || list.size() != 2 || !(list.get(0) instanceof Integer a)
          || !(list.get(1) instanceof Integer b) || a < 0 || b < 0 || a.equals(b)) {
        throw s.error(path, "every entry must be a pair of two different class numbers, such as [0, 5]");
      }
      pairs.add(new ClassPair(a, b));
    }
    return pairs;
  }

  /**
   * A dataset source: {@code format = idx} with images and labels, {@code format = csv} with a path,
   * or {@code format = parquet} with a path, a label column and optionally a features column. Each
   * format refuses the keys of the others, so a key that would be ignored is an error.
   */
  static DatasetSource dataset(Settings d) {
    d.requireOnlyKeys(DATASET_KEYS);
    String format = d.string("format");
    Set<String> allowed = switch (format) {
      case "idx" -> Set.of("format", "images", "labels", "max_per_class");
      case "csv" -> Set.of("format", "path", "header", "label_column", "label_index");
      case "parquet" -> Set.of("format", "path", "label_column", "features_column", "max_per_class");
      default -> throw d.error("format", "must be idx, csv or parquet");
    };
    for (String key : DATASET_KEYS) {
      if (d.has(key) && !allowed.contains(key)) {
        throw d.error(key, "is not a key of format = " + format + "; its keys are " + new TreeSet<>(allowed));
      }
    }
    int maxPerClass = d.has("max_per_class") ? d.intIn("max_per_class", 1, Integer.MAX_VALUE) : Integer.MAX_VALUE;
    switch (format) {
      case "idx" -> {
        return new DatasetSource.Idx(nonBlank(d, "images"), nonBlank(d, "labels"), maxPerClass);
      }
      case "csv" -> {
        CsvFormat.Header header = d.has("header") ? d.enumValue("header", CsvFormat.Header.class) : CsvFormat.Header.NONE;
        CsvFormat csv;
        if (d.has("label_column")) {
          if (header != CsvFormat.Header.NAMES) {
            throw d.error("label_column", "needs header = names");
          }
          csv = CsvFormat.withHeader(d.string("label_column"));
        } else {
          int index = d.has("label_index") ? d.intIn("label_index", -1, 1_000_000) : -1;
          csv = new CsvFormat(header, null, index);
        }
        return new DatasetSource.Csv(nonBlank(d, "path"), csv);
      }
      default -> {
        String label = d.has("label_column") ? nonBlank(d, "label_column") : DatasetSource.Parquet.DEFAULT_LABEL_COLUMN;
        String features = d.has("features_column") ? nonBlank(d, "features_column") : null;
        if (label.equals(features)) {
          throw d.error("features_column", "is the label column '" + label + "'; name the features' array column");
        }
        return new DatasetSource.Parquet(nonBlank(d, "path"), label, features, maxPerClass);
      }
    }
  }

  private static String nonBlank(Settings d, String key) {
    String value = d.string(key);
    if (value.isBlank()) {
      throw d.error(key, "is empty");
    }
    return value;
  }
}
