package org.automlzero.spark.analysis;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * {@code ./submit.sh sql OUTPUT "SELECT ..." [--format csv|json|table]}: registers the runs at
 * OUTPUT (a run folder or a folder of runs, any Hadoop file system URI) as the views of {@link
 * RunViews}, runs the query and prints every row of its result. Exit status 0 on success, 2 on bad
 * arguments, a missing run or a query Spark cannot analyse (the message says why), 1 on any other
 * failure.
 */
public final class SqlCommand {
  static final String USAGE = "usage: ./submit.sh sql OUTPUT \"SELECT ...\" [--format csv|json|table]\n"
      + "  OUTPUT: a run folder (runs/demo-linear) or a folder of runs (runs/), any Hadoop URI\n"
      + "  views: population, progress, results, instructions (each with a run column)";

  private SqlCommand() {}

  public static void main(String[] args) {
    SparkSession spark = SparkSession.builder().appName("automl-zero sql").getOrCreate();
    int status;
    try {
      status = run(args, System.out, System.err, spark);
    } finally {
      spark.stop();
    }
    System.exit(status);
  }

  /** Runs the command on {@code spark}; returns the exit status. */
  public static int run(String[] args, PrintStream out, PrintStream err, SparkSession spark) {
    TableFormat format = TableFormat.TABLE;
    List<String> positional = new ArrayList<>();
    try {
      for (int i = 0; i < args.length; i++) {
        if (args[i].equals("--format")) {
          if (i + 1 == args.length) {
            throw new IllegalArgumentException("--format needs a value: csv, json or table");
          }
          format = TableFormat.of(args[++i]);
        } else if (args[i].startsWith("--format=")) {
          format = TableFormat.of(args[i].substring("--format=".length()));
        } else if (args[i].equals("-h") || args[i].equals("--help")) {
          out.println(USAGE);
          return 0;
        } else {
          positional.add(args[i]);
        }
      }
      if (positional.size() != 2) {
        throw new IllegalArgumentException("expected OUTPUT and a query, got " + positional.size() + " arguments");
      }
      RunViews.register(spark, positional.get(0));
      Dataset<Row> rows = spark.sql(positional.get(1));
      format.print(rows, out);
      return 0;
    } catch (IllegalArgumentException e) {
      err.println("sql: " + e.getMessage());
      err.println(USAGE);
      return 2;
    } catch (Exception e) {
      // Spark throws AnalysisException (checked, undeclared) for queries it cannot analyse.
      if (e instanceof org.apache.spark.sql.AnalysisException) {
        err.println("sql: " + e.getMessage());
        return 2;
      }
      err.println("sql: failed: " + e);
      return 1;
    }
  }
}
