package org.automlzero.config;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigParseOptions;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.automlzero.evaluate.FecSpec;
import org.automlzero.evaluate.FitnessCombination;
import org.automlzero.program.AddressSpace;
import org.automlzero.program.Algorithm;
import org.automlzero.program.ComponentFunction;
import org.automlzero.program.Op;
import org.automlzero.program.ProgramParseException;
import org.automlzero.program.ProgramText;
import org.automlzero.search.ComponentOps;
import org.automlzero.search.ComponentSizes;
import org.automlzero.search.EvolutionParameters;
import org.automlzero.search.ExperimentSpec;
import org.automlzero.search.InitialAlgorithm;
import org.automlzero.search.InitialAlgorithms;
import org.automlzero.search.MutationAction;
import org.automlzero.search.Mutator;
import org.automlzero.search.SearchMethod;
import org.automlzero.task.ProjectedBinarySpec;
import org.automlzero.task.TaskSpec;

/**
 * Reads and checks a run's HOCON configuration into an {@link ExperimentSpec}: the file, then
 * {@code key=value} overrides, over {@code reference.conf}. Every problem is a {@link ConfigError}
 * naming the key, the value and what is allowed, raised before anything runs. Stateless.
 */
public final class ExperimentConfig {
  private static final int MAX_SIZE = 100_000;

  private ExperimentConfig() {}

  /** The resolved configuration of {@code file} with {@code overrides} ("key=value") applied. */
  public static Config load(Path file, List<String> overrides) {
    if (!Files.isRegularFile(file)) {
      throw new ConfigError("config", "file " + file + " does not exist or is not a file");
    }
    if (!Files.isReadable(file)) {
      throw new ConfigError("config", "file " + file + " is not readable");
    }
    try {
      Config user = ConfigFactory.parseFile(file.toFile(), ConfigParseOptions.defaults().setAllowMissing(false));
      for (String override : overrides) {
        int eq = override.indexOf('=');
        if (eq <= 0) {
          throw new ConfigError("override", "'" + override + "' is not of the form key=value");
        }
        Config one = ConfigFactory.parseString(override, ConfigParseOptions.defaults().setOriginDescription(
            "command line override '" + override + "'"));
        user = one.withFallback(user);
      }
      return resolve(user);
    } catch (ConfigException e) {
      throw new ConfigError("config", e.getMessage());
    }
  }

  /** {@code user} over {@code reference.conf}, resolved, with unknown keys refused. */
  public static Config resolve(Config user) {
    Config reference = ConfigFactory.parseResources(ExperimentConfig.class.getClassLoader(), "reference.conf");
    new Settings(user, "").requireKnownKeys(reference);
    try {
      return user.withFallback(reference).resolve();
    } catch (ConfigException e) {
      throw new ConfigError("config", e.getMessage());
    }
  }

  /** The experiment of a resolved configuration. */
  public static ExperimentSpec read(Config config, Path baseDirectory) {
    Settings s = new Settings(config, "");
    long seed = s.longIn("seed", 1, Long.MAX_VALUE);
    AddressSpace space = new AddressSpace(
        s.intIn("memory.scalars", 2, MAX_SIZE),
        s.intIn("memory.vectors", 1, MAX_SIZE),
        s.intIn("memory.matrices", 0, MAX_SIZE));
    List<TaskSpec> searchTasks = TaskSpecReader.readList(s, "search_tasks");
    List<TaskSpec> selectTasks = TaskSpecReader.readList(s, "select_tasks");
    List<TaskSpec> finalTasks = TaskSpecReader.readList(s, "final_tasks");
    for (String list : List.of("search_tasks", "select_tasks", "final_tasks")) {
      List<TaskSpec> specs = switch (list) {
        case "search_tasks" -> searchTasks;
        case "select_tasks" -> selectTasks;
        default -> finalTasks;
      };
      for (int i = 0; i < specs.size(); i++) {
        TaskSpec spec = specs.get(i);
        if ((long) spec.numTrainExamples() * spec.numTrainEpochs() < 10) {
          // The evaluator needs at least 10 training examples over all epochs (reference CHECK).
          throw new ConfigError(list + "[" + i + "]", "num_train_examples x num_train_epochs is "
              + (long) spec.numTrainExamples() * spec.numTrainEpochs() + ", must be >= 10");
        }
        ProjectedBinarySpec projected = spec.projectedBinary();
        if (list.equals("search_tasks") && projected != null && projected.canUseHeldOutPair()) {
          // The paper's held-out pairs serve meta-validation and the final test only.
          throw new ConfigError(list + "[" + i + "]", "uses a held-out class pair ("
              + (projected.pair() != null ? "the fixed pair " + projected.pair() : "draw_from = held_out")
              + "); search tasks must not see the held-out pairs " + projected.heldOutPairs()
              + ": fix another pair or change held_out_pairs");
        }
      }
    }

    Settings search = s.at("search");
    SearchMethod method = search.enumValue("method", SearchMethod.class);
    int population = search.intIn("population_size", 1, 10_000_000);
    int tournament = search.intIn("tournament_size", 1, population);
    EvolutionParameters evolution = new EvolutionParameters(method, population, tournament,
        search.doubleIn("hit_threshold", 0, 1));

    ComponentOps ops = new ComponentOps(
        ops(search, "setup_ops", space), ops(search, "predict_ops", space), ops(search, "learn_ops", space));
    if (ops.evolvable().isEmpty()) {
      throw search.error("learn_ops", "setup_ops, predict_ops and learn_ops are all empty, so nothing can evolve");
    }
    ComponentSizes init = new ComponentSizes(search.intIn("setup_size_init", 0, MAX_SIZE),
        search.intIn("predict_size_init", 0, MAX_SIZE), search.intIn("learn_size_init", 0, MAX_SIZE));
    ComponentSizes min = new ComponentSizes(search.intIn("mutate_setup_size_min", 0, MAX_SIZE),
        search.intIn("mutate_predict_size_min", 0, MAX_SIZE), search.intIn("mutate_learn_size_min", 0, MAX_SIZE));
    ComponentSizes max = new ComponentSizes(search.intIn("mutate_setup_size_max", 0, MAX_SIZE),
        search.intIn("mutate_predict_size_max", 0, MAX_SIZE), search.intIn("mutate_learn_size_max", 0, MAX_SIZE));
    for (ComponentFunction function : ComponentFunction.values()) {
      String name = function.name().toLowerCase(java.util.Locale.ROOT);
      if (min.of(function) > max.of(function)) {
        throw search.error("mutate_" + name + "_size_min",
            "is above mutate_" + name + "_size_max (" + max.of(function) + ")");
      }
    }
    List<MutationAction> actions = search.enumList("allowed_mutation_types", MutationAction.class);
    if (actions.isEmpty()) {
      throw search.error("allowed_mutation_types", "is empty; list at least one mutation type");
    }
    Mutator mutator = build(search, "allowed_mutation_types", () -> new Mutator(
        actions, search.doubleIn("mutate_prob", 0, 1), ops, min, max, space));

    InitialAlgorithm initialType = search.enumValue("initial_population", InitialAlgorithm.class);
    InitialAlgorithms initial;
    if (initialType == InitialAlgorithm.GIVEN_ALGORITHM) {
      Algorithm given = program(search, "initial_program", baseDirectory, space);
      initial = build(search, "initial_program", () -> InitialAlgorithms.warmStart(given, init, ops, space));
    } else {
      if (!search.string("initial_program").isEmpty()) {
        throw search.error("initial_program", "is only read with initial_population = given_algorithm");
      }
      initial = build(search, "initial_population", () -> InitialAlgorithms.of(initialType, init, ops, space));
    }

    FecSpec fec = null;
    Settings fecSettings = search.at("fec");
    if (fecSettings.bool("enabled")) {
      fec = new FecSpec(fecSettings.intIn("num_train_examples", 1, 100), fecSettings.intIn("num_valid_examples", 1, 100),
          fecSettings.intIn("cache_size", 1, 100_000_000), fecSettings.intIn("forget_every", 0, Integer.MAX_VALUE));
    }
    Algorithm budgetBaseline = null;
    Settings budget = search.at("train_budget");
    double budgetFactor = budget.doubleIn("threshold_factor", 1e-9, 1e9);
    if (budget.bool("enabled")) {
      InitialAlgorithm baseline = budget.enumValue("baseline", InitialAlgorithm.class);
      if (baseline != InitialAlgorithm.LINEAR_ALGORITHM && baseline != InitialAlgorithm.NEURAL_NET_ALGORITHM) {
        throw budget.error("baseline", "must be linear_algorithm or neural_net_algorithm");
      }
      budgetBaseline = InitialAlgorithms.of(baseline, init, ops, space).create(new org.automlzero.random.Rng(1));
    }

    Settings experiment = s.at("experiment");
    int maxExperiments = experiment.intIn("max_experiments", 0, Integer.MAX_VALUE);
    double sufficient = experiment.doubleIn("sufficient_fitness", 0, 1);
    if (maxExperiments == 0 && sufficient >= 1) {
      throw experiment.error("sufficient_fitness",
          "must be below 1 when max_experiments = 0 (no limit), or the run never ends");
    }
    return new ExperimentSpec(seed, space, searchTasks, selectTasks, finalTasks, evolution, initial, mutator,
        search.enumValue("fitness_combination_mode", FitnessCombination.class),
        search.doubleIn("max_abs_error", Double.MIN_VALUE, Double.MAX_VALUE), fec, budgetBaseline, budgetFactor,
        search.longIn("max_train_steps", 1, Long.MAX_VALUE), search.longIn("progress_every", 1, Long.MAX_VALUE),
        maxExperiments, sufficient, experiment.bool("randomize_task_seeds"));
  }

  private static List<Op> ops(Settings search, String path, AddressSpace space) {
    List<Op> ops = search.enumList(path, Op.class);
    for (Op op : ops) {
      if (!space.supports(op)) {
        throw search.error(path, "lists " + op + ", which needs addresses this memory " + space + " lacks");
      }
    }
    return ops;
  }

  /** Reads and parses a program file; relative paths are relative to the config file's folder. */
  public static Algorithm program(Settings settings, String path, Path baseDirectory, AddressSpace space) {
    String name = settings.string(path);
    if (name.isEmpty()) {
      throw settings.error(path, "is empty; give the path of a program file");
    }
    Path file = baseDirectory.resolve(name);
    if (!new File(file.toString()).isFile() && Path.of(name).toFile().isFile()) {
      file = Path.of(name);
    }
    String text;
    try {
      text = Files.readString(file);
    } catch (IOException e) {
      throw settings.error(path, "cannot read program file " + file + ": " + e);
    }
    try {
      return ProgramText.parse(text, space);
    } catch (ProgramParseException e) {
      throw settings.error(path, "program file " + file + " does not parse: " + e.getMessage());
    }
  }

  private interface Builder<T> {
    T build();
  }

  /** Runs a domain constructor, turning its IllegalArgumentException into a ConfigError at {@code path}. */
  private static <T> T build(Settings settings, String path, Builder<T> builder) {
    try {
      return builder.build();
    } catch (ConfigError e) {
      throw e;
    } catch (IllegalArgumentException e) {
      throw settings.error(path, e.getMessage());
    }
  }
}
