package org.automlzero.cli;

import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.automlzero.config.ConfigError;

/**
 * The commands that run without Spark, dispatched by their first argument; {@code submit.sh}
 * calls this for them. Exit status 0 on success, 1 on a run that failed, 2 on bad input.
 */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    System.exit(run(args, System.out, System.err));
  }

  /** Runs one command; returns the exit status. */
  public static int run(String[] args, PrintStream out, PrintStream err) {
    if (args.length == 0 || args[0].equals("--help") || args[0].equals("-h")) {
      out.print(usage());
      return args.length == 0 ? 2 : 0;
    }
    List<String> rest = Arrays.asList(args).subList(1, args.length);
    try {
      return switch (args[0]) {
        case "evaluate" -> EvaluateCommand.run(rest, out);
        case "search" -> SearchCommand.run(rest, out);
        default -> {
          err.println("error: unknown command '" + args[0] + "'");
          err.print(usage());
          yield 2;
        }
      };
    } catch (ConfigError | UsageError e) {
      err.println("error: " + e.getMessage());
      return 2;
    } catch (UncheckedIOException e) {
      // An input that cannot be read: a dataset (its message names it and what is wrong) or a file.
      err.println("error: " + e.getMessage());
      return 2;
    }
  }

  static String usage() {
    return """
        usage: automl-zero COMMAND ...
          evaluate CONFIG PROGRAM [--on search|select|final] [key=value ...]
                 score the program file PROGRAM on the tasks of CONFIG and print each task's fitness
          search CONFIG [key=value ...]
                 run the experiment of CONFIG on one thread, without Spark, and print the winner
        """;
  }

  /** A command line that cannot run. */
  static final class UsageError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    UsageError(String message) {
      super(message);
    }
  }

  static Path existingFile(String name, String what) {
    Path path = Path.of(name);
    if (!path.toFile().isFile()) {
      throw new UsageError(what + " " + name + " does not exist or is not a file");
    }
    return path;
  }
}
