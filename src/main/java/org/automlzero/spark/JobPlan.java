package org.automlzero.spark;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigRenderOptions;
import com.typesafe.config.ConfigValueFactory;
import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import org.automlzero.baseline.TuningSpace;
import org.automlzero.config.ExperimentConfig;
import org.automlzero.program.ProgramText;
import org.automlzero.search.ExperimentSpec;
import org.automlzero.search.InitialAlgorithm;
import org.automlzero.task.Task;

/**
 * Everything the executors need, broadcast once per job: the resolved configuration as text (the
 * search's own objects are rebuilt from it on each executor, so they need not be serializable), the
 * text of a given initial program (its file may not exist on the executors), the job settings, the
 * baselines' tuning and the generated search, select and final tasks (datasets are read on the driver only).
 *
 * <p>Immutable apart from the lazily rebuilt {@link ExperimentSpec}, which is built at most once
 * per deserialized copy under the object's lock, so tasks of one executor share it safely.
 */
public final class JobPlan implements Serializable {
  private static final long serialVersionUID = 1L;

  private final String configText;
  private final String initialProgram;
  private final JobSettings settings;
  private final List<Task> searchTasks;
  private final List<Task> selectTasks;
  private final List<Task> finalTasks;
  private final TuningSpace baselines;
  private transient ExperimentSpec spec;

  /**
   * @param config the resolved configuration
   * @param spec the experiment read from it on the driver
   * @param baselines the random search that tunes the hand-written baselines
   */
  public JobPlan(Config config, ExperimentSpec spec, JobSettings settings, List<Task> searchTasks,
      List<Task> selectTasks, List<Task> finalTasks, TuningSpace baselines) {
    this.configText = config.root().render(ConfigRenderOptions.concise());
    this.initialProgram = spec.initial().type() == InitialAlgorithm.GIVEN_ALGORITHM
        ? ProgramText.print(spec.initial().given()) : null;
    this.settings = Objects.requireNonNull(settings, "settings");
    this.searchTasks = List.copyOf(searchTasks);
    this.selectTasks = List.copyOf(selectTasks);
    this.finalTasks = List.copyOf(finalTasks);
    this.baselines = Objects.requireNonNull(baselines, "baselines");
    this.spec = spec;
  }

  public JobSettings settings() {
    return settings;
  }

  public List<Task> searchTasks() {
    return searchTasks;
  }

  public List<Task> selectTasks() {
    return selectTasks;
  }

  public List<Task> finalTasks() {
    return finalTasks;
  }

  /** How the final stage's baselines are tuned. */
  public TuningSpace baselines() {
    return baselines;
  }

  /** The run's seed. */
  public long seed() {
    return spec().seed();
  }

  /** The experiment of the configuration, rebuilt from its text after deserialization. */
  public synchronized ExperimentSpec spec() {
    if (spec == null) {
      Config config = ConfigFactory.parseString(configText).resolve();
      Path base = Path.of(".");
      if (initialProgram != null) {
        try {
          Path file = Files.createTempFile("automl-zero-initial", ".txt");
          file.toFile().deleteOnExit();
          Files.writeString(file, initialProgram);
          config = config.withValue("search.initial_program", ConfigValueFactory.fromAnyRef(file.toString()));
          base = file.getParent();
        } catch (IOException e) {
          throw new UncheckedIOException("cannot write the initial program to a temporary file", e);
        }
      }
      spec = ExperimentConfig.read(config, base);
    }
    return spec;
  }
}
