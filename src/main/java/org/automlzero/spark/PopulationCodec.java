package org.automlzero.spark;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.catalyst.expressions.GenericRowWithSchema;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.automlzero.program.Algorithm;
import org.automlzero.program.Instruction;
import org.automlzero.program.Op;
import org.automlzero.program.ProgramText;
import org.automlzero.search.EpochBirths;
import org.automlzero.search.Individual;
import org.automlzero.search.PopulationState;
import scala.Predef$;

/**
 * The Parquet rows of the run (schema in the README, "Output schema"): populations (one row per
 * member), progress (one row per island per epoch, holding the island's resumable scalars and its
 * best-ever individual) and the instruction structs. {@link #decode} rebuilds exactly the
 * {@link PopulationState} that {@link #populationRows} and {@link #progressRow} wrote. Stateless.
 */
public final class PopulationCodec {
  /** One instruction: op name (lower case, as in configs), addresses, constants. */
  public static final StructType INSTRUCTION = new StructType(new StructField[] {
      field("op", DataTypes.StringType), field("in1", DataTypes.IntegerType), field("in2", DataTypes.IntegerType),
      field("out", DataTypes.IntegerType), field("activation", DataTypes.DoubleType),
      field("data0", DataTypes.FloatType), field("data1", DataTypes.FloatType), field("data2", DataTypes.FloatType)});

  private static final DataType INSTRUCTIONS = DataTypes.createArrayType(INSTRUCTION, false);

  /** The fields of an individual, shared by population rows and progress's best_ever struct. */
  public static final StructType INDIVIDUAL = new StructType(new StructField[] {
      field("id", DataTypes.LongType), field("parent_id", DataTypes.LongType), field("born", DataTypes.LongType),
      field("born_epoch", DataTypes.IntegerType), field("fitness", DataTypes.DoubleType),
      field("task_fitness", DataTypes.createArrayType(DataTypes.DoubleType, false)),
      field("mutation", DataTypes.StringType), field("setup", INSTRUCTIONS), field("predict", INSTRUCTIONS),
      field("learn", INSTRUCTIONS), field("program", DataTypes.StringType)});

  /** A population row: where the member sits, then the individual. */
  public static final StructType POPULATION = prepend(INDIVIDUAL,
      field("island", DataTypes.IntegerType), field("slot", DataTypes.IntegerType),
      field("age_rank", DataTypes.IntegerType));

  /**
   * One row per individual born in an epoch that is a member at the epoch's end or an ancestor of
   * one ({@link EpochBirths}): with the populations, the whole ancestry of every stored member (the
   * populations keep only the members alive at the end of each epoch).
   */
  public static final StructType BIRTH = new StructType(new StructField[] {
      field("island", DataTypes.IntegerType), field("id", DataTypes.LongType), field("parent_id", DataTypes.LongType),
      field("born", DataTypes.LongType), field("fitness", DataTypes.DoubleType),
      field("mutation", DataTypes.StringType)});

  /** A progress row: one island's epoch. */
  public static final StructType PROGRESS = new StructType(new StructField[] {
      field("island", DataTypes.IntegerType), field("evaluated", DataTypes.LongType),
      field("cache_hits", DataTypes.LongType), field("cache_lookups", DataTypes.LongType),
      field("train_steps", DataTypes.LongType), field("best_fitness", DataTypes.DoubleType),
      field("mean_fitness", DataTypes.DoubleType), field("stdev_fitness", DataTypes.DoubleType),
      field("seconds", DataTypes.DoubleType), field("migrants_in", DataTypes.IntegerType),
      field("members", DataTypes.IntegerType), field("individuals", DataTypes.LongType),
      field("hits", DataTypes.LongType), field("rng_state", DataTypes.LongType),
      field("sweep_position", DataTypes.IntegerType), field("best_ever_id", DataTypes.LongType),
      field("best_ever_fitness", DataTypes.DoubleType), new StructField("best_ever", INDIVIDUAL, false,
          org.apache.spark.sql.types.Metadata.empty())});

  /** A results row: a candidate, the winner or a baseline, with its fitnesses (null: not measured). */
  public static final StructType RESULT = new StructType(new StructField[] {
      field("kind", DataTypes.StringType), field("name", DataTypes.StringType),
      field("island", DataTypes.IntegerType), field("id", DataTypes.LongType),
      DataTypes.createStructField("search_fitness", DataTypes.DoubleType, true),
      DataTypes.createStructField("select_fitness", DataTypes.DoubleType, true),
      DataTypes.createStructField("final_fitness", DataTypes.DoubleType, true),
      field("setup", INSTRUCTIONS), field("predict", INSTRUCTIONS), field("learn", INSTRUCTIONS),
      field("program", DataTypes.StringType)});

  /** What one island did in one epoch, besides its new state (for the progress row). */
  public record EpochCounters(long evaluated, long cacheHits, long cacheLookups, long trainSteps, double seconds,
      int migrantsIn) {}

  private PopulationCodec() {}

  private static StructField field(String name, DataType type) {
    return DataTypes.createStructField(name, type, false);
  }

  private static StructType prepend(StructType rest, StructField... first) {
    StructField[] fields = new StructField[first.length + rest.fields().length];
    System.arraycopy(first, 0, fields, 0, first.length);
    System.arraycopy(rest.fields(), 0, fields, first.length, rest.fields().length);
    return new StructType(fields);
  }

  // ---- encoding ----

  /** The population rows of {@code island}, in slot order. */
  public static List<Row> populationRows(IslandState island) {
    int size = island.population().members().size();
    List<Row> rows = new ArrayList<>(size);
    for (int slot = 0; slot < size; slot++) {
      rows.add(populationRow(island, slot));
    }
    return rows;
  }

  /**
   * The rows {@code best(populationRows(island), count)} gives, building only those: the
   * {@code count} fittest members, lower slot first on ties.
   */
  public static List<Row> bestRows(IslandState island, int count) {
    PopulationState state = island.population();
    List<Individual> members = state.members();
    List<Integer> slots = new ArrayList<>(members.size());
    for (int slot = 0; slot < members.size(); slot++) {
      slots.add(slot);
    }
    slots.sort(Comparator.comparingDouble((Integer slot) -> -members.get(slot).fitness())
        .thenComparingInt(slot -> slot));
    List<Row> rows = new ArrayList<>();
    for (int slot : slots.subList(0, Math.min(count, slots.size()))) {
      rows.add(populationRow(island, slot));
    }
    return List.copyOf(rows);
  }

  private static Row populationRow(IslandState island, int slot) {
    PopulationState state = island.population();
    Individual member = state.members().get(slot);
    Object[] values = new Object[POPULATION.fields().length];
    values[0] = state.island();
    values[1] = slot;
    values[2] = Math.floorMod(slot - state.sweepPosition(), state.members().size());
    fillIndividual(values, 3, member, island.taskFitnessOf(member));
    return new GenericRowWithSchema(values, POPULATION);
  }

  /** The {@link #BIRTH} row of {@code birth}, on {@code island}. */
  public static Row birthRow(int island, EpochBirths.Birth birth) {
    return new GenericRowWithSchema(new Object[] {island, birth.id(), birth.parentId(), birth.born(), birth.fitness(),
        birth.mutation()}, BIRTH);
  }

  /** The progress row of {@code island} after an epoch with {@code counters}. */
  public static Row progressRow(IslandState island, EpochCounters counters) {
    PopulationState state = island.population();
    double best = Double.NaN;
    double mean = Double.NaN;
    double stdev = Double.NaN;
    if (!state.members().isEmpty()) {
      var stats = state.stats();
      best = stats.best().fitness();
      mean = stats.mean();
      stdev = stats.stdev();
    }
    Individual bestEver = state.best();
    if (bestEver == null) {
      throw new IllegalArgumentException("island " + state.island() + " has no individual yet");
    }
    return new GenericRowWithSchema(new Object[] {
        state.island(), counters.evaluated(), counters.cacheHits(), counters.cacheLookups(), counters.trainSteps(),
        best, mean, stdev, counters.seconds(), counters.migrantsIn(), state.members().size(), state.individuals(),
        state.hits(), state.rngState(), state.sweepPosition(), bestEver.id(), bestEver.fitness(),
        individualRow(bestEver, island.taskFitnessOf(bestEver))}, PROGRESS);
  }

  /** An individual as a row of {@link #INDIVIDUAL}. */
  public static Row individualRow(Individual individual, double[] taskFitness) {
    Object[] values = new Object[INDIVIDUAL.fields().length];
    fillIndividual(values, 0, individual, taskFitness);
    return new GenericRowWithSchema(values, INDIVIDUAL);
  }

  private static void fillIndividual(Object[] values, int at, Individual individual, double[] taskFitness) {
    List<Double> perTask = new ArrayList<>(taskFitness.length);
    for (double value : taskFitness) {
      perTask.add(value);
    }
    Algorithm algorithm = individual.algorithm();
    values[at] = individual.id();
    values[at + 1] = individual.parentId();
    values[at + 2] = individual.born();
    values[at + 3] = individual.bornEpoch();
    values[at + 4] = individual.fitness();
    values[at + 5] = seq(perTask);
    values[at + 6] = individual.mutation();
    values[at + 7] = instructions(algorithm.setup());
    values[at + 8] = instructions(algorithm.predict());
    values[at + 9] = instructions(algorithm.learn());
    values[at + 10] = ProgramText.print(algorithm);
  }

  /** The instructions as a Spark array of {@link #INSTRUCTION} structs. */
  public static Object instructions(List<Instruction> instructions) {
    List<Row> rows = new ArrayList<>(instructions.size());
    for (Instruction instruction : instructions) {
      rows.add(new GenericRowWithSchema(new Object[] {
          instruction.op().key(), instruction.in1(), instruction.in2(), instruction.out(),
          instruction.activation(), instruction.data0(), instruction.data1(), instruction.data2()}, INSTRUCTION));
    }
    return seq(rows);
  }

  /** The results row of a finalist. */
  public static Row resultRow(Finalist finalist) {
    Algorithm algorithm = ProgramText.parse(finalist.program());
    return new GenericRowWithSchema(new Object[] {
        finalist.kind(), finalist.name(), finalist.island(), finalist.id(), orNull(finalist.searchFitness()),
        orNull(finalist.selectFitness()), orNull(finalist.finalFitness()), instructions(algorithm.setup()),
        instructions(algorithm.predict()), instructions(algorithm.learn()), finalist.program()}, RESULT);
  }

  private static Double orNull(double value) {
    return Double.isNaN(value) ? null : value;
  }

  /**
   * An array column's value: a Scala Seq (what {@code Row.getList} reads), made with a call that
   * Scala 2.12 (Spark 3.5) and 2.13 (Spark 4) both have, so that the same source builds for both.
   */
  private static Object seq(List<?> list) {
    return Predef$.MODULE$.wrapRefArray(list.toArray());
  }

  // ---- decoding ----

  /**
   * The island state written as {@code populationRows} (any order) and {@code progress} (null for
   * an island that has not started: then the rows must be empty), born into {@code epoch}.
   */
  public static IslandState decode(int island, long seed, int epoch, Row progress, List<Row> populationRows) {
    if (progress == null) {
      if (!populationRows.isEmpty()) {
        throw new IllegalArgumentException("island " + island + " has population rows but no progress row");
      }
      return new IslandState(PopulationState.start(island, seed).withEpoch(epoch), Map.of());
    }
    List<Row> sorted = new ArrayList<>(populationRows);
    sorted.sort(Comparator.comparingInt(r -> r.getInt(r.fieldIndex("slot"))));
    Map<Long, double[]> taskFitness = new HashMap<>();
    List<Individual> members = new ArrayList<>(sorted.size());
    for (int slot = 0; slot < sorted.size(); slot++) {
      Row row = sorted.get(slot);
      if (row.getInt(row.fieldIndex("slot")) != slot || row.getInt(row.fieldIndex("island")) != island) {
        throw new IllegalArgumentException("island " + island + ": population rows are not slots 0.."
            + (sorted.size() - 1) + " of this island");
      }
      Individual member = individual(row);
      members.add(member);
      taskFitness.put(member.id(), taskFitness(row));
    }
    Row bestRow = progress.getStruct(progress.fieldIndex("best_ever"));
    Individual best = individual(bestRow);
    taskFitness.put(best.id(), taskFitness(bestRow));
    PopulationState state = new PopulationState(island, seed, progress.getLong(progress.fieldIndex("rng_state")),
        epoch, members, progress.getInt(progress.fieldIndex("sweep_position")),
        progress.getLong(progress.fieldIndex("individuals")), progress.getLong(progress.fieldIndex("hits")), best);
    return new IslandState(state, taskFitness);
  }

  /** The individual of a population row or of an {@link #INDIVIDUAL} struct. */
  public static Individual individual(Row row) {
    Algorithm algorithm = new Algorithm(instructions(row, "setup"), instructions(row, "predict"),
        instructions(row, "learn"));
    return new Individual(row.getLong(row.fieldIndex("id")), algorithm, row.getDouble(row.fieldIndex("fitness")),
        row.getLong(row.fieldIndex("parent_id")), row.getString(row.fieldIndex("mutation")),
        row.getLong(row.fieldIndex("born")), row.getInt(row.fieldIndex("born_epoch")));
  }

  /** The task_fitness column of a population row or individual struct. */
  public static double[] taskFitness(Row row) {
    List<Object> values = row.getList(row.fieldIndex("task_fitness"));
    double[] result = new double[values.size()];
    for (int i = 0; i < result.length; i++) {
      result[i] = (Double) values.get(i);
    }
    return result;
  }

  /** The instructions of one component column ({@code setup}, {@code predict} or {@code learn}). */
  public static List<Instruction> instructions(Row row, String column) {
    List<Row> structs = row.getList(row.fieldIndex(column));
    List<Instruction> result = new ArrayList<>(structs.size());
    for (Row s : structs) {
      result.add(new Instruction(Op.valueOf(s.getString(0).toUpperCase(Locale.ROOT)), s.getInt(1), s.getInt(2),
          s.getInt(3), s.getDouble(4), s.getFloat(5), s.getFloat(6), s.getFloat(7)));
    }
    return result;
  }

  /** The instructions of all three component columns of a row. */
  public static Algorithm algorithm(Row row) {
    return new Algorithm(instructions(row, "setup"),
        instructions(row, "predict"), instructions(row, "learn"));
  }

  /**
   * The {@code count} best of an island's population rows: highest fitness first, lower slot first
   * on ties. The migrants and the select candidate are chosen by this one rule everywhere.
   */
  public static List<Row> best(List<Row> populationRows, int count) {
    List<Row> sorted = new ArrayList<>(populationRows);
    sorted.sort(Comparator.comparingDouble((Row r) -> -r.getDouble(r.fieldIndex("fitness")))
        .thenComparingInt(r -> r.getInt(r.fieldIndex("slot"))));
    return List.copyOf(sorted.subList(0, Math.min(count, sorted.size())));
  }
}
