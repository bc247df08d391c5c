package org.automlzero.spark.analysis;

import static org.apache.spark.sql.functions.col;

import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.automlzero.config.ExperimentConfig;
import org.automlzero.evaluate.BehaviourHash;
import org.automlzero.evaluate.FecSpec;
import org.automlzero.program.AddressSpace;
import org.automlzero.program.ProgramText;
import org.automlzero.search.ExperimentSpec;
import org.automlzero.spark.RunSearchTasks;
import org.automlzero.spark.RunStore;
import org.automlzero.task.Task;

/**
 * The view {@code behaviours}: the functional-equivalence cache's hash ({@link BehaviourHash}) of
 * every population member on its run's search tasks. The job does not store it; it is computed
 * here, on the executors, from each member's program and the search tasks generated again from the
 * run's {@code run.conf}. The distinct hashes of an epoch are its distinct behaviours as the
 * search's cache tells them apart (with the run's probe sizes; a run without the cache gets the
 * cache's default probe of 10 training and 10 validation examples). Registering is lazy: the
 * hashes are computed by the queries that read the view.
 */
public final class Behaviours {
  /** run, epoch, island, id (the population's keys) and the hash. */
  public static final StructType SCHEMA = new StructType()
      .add("run", DataTypes.StringType, false).add("epoch", DataTypes.IntegerType, false)
      .add("island", DataTypes.IntegerType, false).add("id", DataTypes.LongType, false)
      .add("fec_hash", DataTypes.LongType, false);

  private static final FecSpec DEFAULT_PROBE = new FecSpec(10, 10, FecSpec.DEFAULT_CACHE_SIZE,
      FecSpec.DEFAULT_FORGET_EVERY);

  private Behaviours() {}

  /**
   * Registers {@code behaviours} over the view {@code population} of {@code runs} (as
   * {@link RunViews#register} made them) and returns it.
   */
  public static Dataset<Row> register(SparkSession spark, List<RunFolders.Run> runs) {
    JavaSparkContext context = JavaSparkContext.fromSparkContext(spark.sparkContext());
    Dataset<Row> all = null;
    for (RunFolders.Run run : runs) {
      ExperimentSpec spec = ExperimentConfig.read(runConf(spark, run), Path.of("").toAbsolutePath());
      FecSpec fec = spec.fec() == null ? DEFAULT_PROBE : spec.fec();
      Broadcast<List<Task>> tasks = context.broadcast(RunSearchTasks.generate(spark, spec.searchTasks()));
      JavaRDD<Row> hashes = spark.table("population").where(col("run").equalTo(run.name()))
          .select(col("run"), col("epoch").cast("int"), col("island"), col("id"), col("program")).javaRDD()
          .mapPartitions(new Probe(tasks, spec.space(), fec.numTrainExamples(), fec.numValidExamples(),
              spec.maxAbsError()));
      Dataset<Row> rows = spark.createDataFrame(hashes, SCHEMA);
      all = all == null ? rows : all.union(rows);
    }
    if (all == null) {
      all = spark.createDataFrame(List.of(), SCHEMA);
    }
    all.createOrReplaceTempView("behaviours");
    return all;
  }

  private static Config runConf(SparkSession spark, RunFolders.Run run) {
    org.apache.hadoop.fs.Path location = new org.apache.hadoop.fs.Path(run.location());
    String text = new RunStore(location.getParent().toString(), location.getName(),
        spark.sparkContext().hadoopConfiguration()).readText("run.conf");
    return ConfigFactory.parseString(text).resolve();
  }

  /** Hashes the programs of a partition's population rows. */
  private static final class Probe implements FlatMapFunction<Iterator<Row>, Row> {
    private static final long serialVersionUID = 1L;
    private final Broadcast<List<Task>> tasks;
    private final int scalars;
    private final int vectors;
    private final int matrices;
    private final int probeTrain;
    private final int probeValid;
    private final double maxAbsError;

    Probe(Broadcast<List<Task>> tasks, AddressSpace space, int probeTrain, int probeValid, double maxAbsError) {
      this.tasks = tasks;
      this.scalars = space.scalars();
      this.vectors = space.vectors();
      this.matrices = space.matrices();
      this.probeTrain = probeTrain;
      this.probeValid = probeValid;
      this.maxAbsError = maxAbsError;
    }

    @Override
    public Iterator<Row> call(Iterator<Row> rows) {
      AddressSpace space = new AddressSpace(scalars, vectors, matrices);
      BehaviourHash hash = new BehaviourHash(tasks.value(), space,
          new FecSpec(probeTrain, probeValid, FecSpec.DEFAULT_CACHE_SIZE, FecSpec.DEFAULT_FORGET_EVERY), maxAbsError);
      return new Iterator<>() {
        @Override
        public boolean hasNext() {
          return rows.hasNext();
        }

        @Override
        public Row next() {
          Row row = rows.next();
          long value = hash.of(ProgramText.parse(row.getString(4), space));
          return RowFactory.create(row.getString(0), row.getInt(1), row.getInt(2), row.getLong(3), value);
        }
      };
    }
  }
}
