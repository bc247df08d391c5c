package org.automlzero.spark;

import com.typesafe.config.Config;
import java.io.Serializable;
import java.nio.file.Path;
import java.util.Objects;
import org.automlzero.config.ConfigError;
import org.automlzero.config.Settings;
import org.automlzero.search.Individual;

/**
 * The Spark job's own settings ({@code run.*}, {@code islands.*}, {@code stop.*} of
 * reference.conf), read and checked with {@link Settings} before Spark starts. Immutable.
 *
 * @param runName the run's folder under {@code output}
 * @param output where runs go: a local path or a Hadoop file system URI
 * @param startOver delete an existing run of that name instead of resuming it
 * @param islands the number of islands
 * @param individualsPerEpoch individuals each island creates per epoch
 * @param partitions Spark partitions of the evolution stage (resolved: never 0)
 * @param migrationInterval migrate after every this many epochs; 0 never
 * @param migrationCount migrants per island
 * @param faults test-only faults ({@code testing.*}); {@link FaultInjection#NONE} in a real run
 */
public record JobSettings(
    String runName,
    String output,
    boolean startOver,
    int islands,
    long individualsPerEpoch,
    int partitions,
    int migrationInterval,
    int migrationCount,
    MigrationTopology topology,
    StopLimits stop,
    FaultInjection faults) implements Serializable {

  private static final long serialVersionUID = 1L;

  public JobSettings {
    Objects.requireNonNull(runName, "runName");
    Objects.requireNonNull(output, "output");
    Objects.requireNonNull(topology, "topology");
    Objects.requireNonNull(stop, "stop");
    Objects.requireNonNull(faults, "faults");
  }

  /** The settings of a resolved config; {@code configFile} names the run when run.name is "". */
  public static JobSettings read(Config config, Path configFile) {
    Settings s = new Settings(config, "");
    Settings run = s.at("run");
    String name = run.string("name");
    if (name.isEmpty()) {
      String file = configFile.getFileName().toString();
      name = file.endsWith(".conf") ? file.substring(0, file.length() - ".conf".length()) : file;
    }
    if (name.isEmpty() || name.equals(".") || name.equals("..") || !name.matches("[A-Za-z0-9._=-]+")
        || name.startsWith("_") || name.startsWith(".")) {
      throw run.error("name", "must be a folder name of letters, digits and . _ = - (not starting with _ or .)"
          + (run.string("name").isEmpty() ? "; the config file's name '" + name + "' is not one, set run.name" : ""));
    }
    String output = run.string("output");
    if (output.isBlank()) {
      throw run.error("output", "is empty; give a folder or a Hadoop file system URI");
    }
    boolean startOver = run.bool("start_over");

    Settings islandSettings = s.at("islands");
    int islands = islandSettings.intIn("count", 1, Math.min(100_000, Individual.MAX_ISLAND + 1));
    long perEpoch = islandSettings.longIn("individuals_per_epoch", 1, 1L << 32);
    int partitions = islandSettings.intIn("partitions", 0, 1_000_000);
    Settings migration = islandSettings.at("migration");
    int interval = migration.intIn("interval", 0, Integer.MAX_VALUE);
    int population = s.intIn("search.population_size", 1, Integer.MAX_VALUE);
    int count = migration.intIn("count", 0, population);
    MigrationTopology topology = migration.enumValue("topology", MigrationTopology.class);

    Settings stop = s.at("stop");
    StopLimits limits;
    int maxEpochs = stop.intIn("max_epochs", 0, Integer.MAX_VALUE);
    long maxIndividuals = stop.longIn("max_individuals", 0, Long.MAX_VALUE);
    double maxWall = stop.doubleIn("max_wall_seconds", 0, Double.MAX_VALUE);
    double sufficient = stop.doubleIn("sufficient_fitness", 0, 1);
    if (maxEpochs == 0 && maxIndividuals == 0 && maxWall == 0 && sufficient == 0) {
      throw new ConfigError("stop", "max_epochs, max_individuals, max_wall_seconds and sufficient_fitness are all 0"
          + " (no limit), so the search would never end; set at least one");
    }
    limits = new StopLimits(maxEpochs, maxIndividuals, maxWall, sufficient);
    return new JobSettings(name, output, startOver, islands, perEpoch, partitions == 0 ? islands : partitions,
        interval, count, topology, limits, FaultInjection.read(s.at("testing")));
  }

  /** True when migrants leave after epoch {@code epoch} (0-based) for the next one. */
  public boolean migratesAfter(int epoch) {
    return migrationInterval > 0 && migrationCount > 0 && islands > 1 && (epoch + 1) % migrationInterval == 0;
  }
}
