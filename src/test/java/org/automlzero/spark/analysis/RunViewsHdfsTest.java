package org.automlzero.spark.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.apache.hadoop.hdfs.MiniDFSCluster;
import org.automlzero.spark.MiniHdfs;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The views and the sql command on a run the job writes to {@code hdfs://} (a MiniDFSCluster on
 * 127.0.0.1 inside the test): the same rows as the same run (seed 1) on the local file system.
 * The cluster is stopped in {@code finally}.
 */
class RunViewsHdfsTest {
  @TempDir Path dir;

  @Test
  void viewsAndSqlReadARunOnHdfsAsTheSameRunLocally() throws Exception {
    MiniDFSCluster cluster = MiniHdfs.start(dir);
    try {
      String runs = "hdfs://127.0.0.1:" + cluster.getNameNodePort() + "/user/test/runs";
      SparkSession spark = SmallRuns.session("RunViewsHdfsTest");
      spark.sparkContext().hadoopConfiguration().set("dfs.replication", "1");
      try {
        Path local = SmallRuns.shared(spark);
        SmallRuns.write(spark, runs, dir, "a", 1);

        List<RunFolders.Run> found = RunViews.register(spark, runs);
        assertEquals(List.of("a"), found.stream().map(RunFolders.Run::name).toList());
        assertTrue(found.get(0).location().startsWith("hdfs://"), found.get(0).location());
        String query = "SELECT epoch, island, slot, id, parent_id, fitness, program FROM population "
            + "ORDER BY epoch, island, slot";
        List<Row> onHdfs = spark.sql(query).collectAsList();
        long births = spark.sql("SELECT count(*) FROM births").first().getLong(0);
        long instructions = spark.sql("SELECT count(*) FROM instructions").first().getLong(0);
        RunViews.register(spark, local.resolve("a").toString());
        assertEquals(spark.sql(query).collectAsList(), onHdfs);
        assertEquals(180, onHdfs.size());
        assertEquals(spark.sql("SELECT count(*) FROM births").first().getLong(0), births);
        assertEquals(spark.sql("SELECT count(*) FROM instructions").first().getLong(0), instructions);

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = SqlCommand.run(new String[] {runs + "/a",
            "SELECT run, kind, final_fitness FROM results WHERE kind = 'winner'", "--format", "csv"},
            new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
            spark);
        assertEquals(0, status, err.toString(StandardCharsets.UTF_8));
        double localFinal = spark.sql("SELECT final_fitness FROM results WHERE kind = 'winner'").first().getDouble(0);
        assertEquals(List.of("run,kind,final_fitness", "a,winner," + localFinal),
            out.toString(StandardCharsets.UTF_8).lines().toList());
      } finally {
        spark.stop();
      }
    } finally {
      cluster.shutdown();
    }
  }
}
