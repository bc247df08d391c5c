package org.automlzero.notebook;

import java.nio.file.Files;
import java.nio.file.Path;
import org.dflib.jjava.jupyter.channels.JupyterConnection;
import org.dflib.jjava.jupyter.kernel.KernelConnectionProperties;

/**
 * Starts the kernel for Jupyter: {@code java ... org.automlzero.notebook.KernelMain CONNECTION_FILE}
 * (the command {@link KernelSpec} writes into {@code kernel.json}). Logging (Spark's included) goes
 * to a file, never into cell outputs: log4j is pointed at the kernel's own configuration, which
 * writes warnings and errors to {@code automl-zero-kernel-<pid>.log} in the temporary folder, before
 * anything can log.
 */
public final class KernelMain {
  private KernelMain() {}

  public static void main(String[] args) throws Exception {
    if (args.length != 1) {
      System.err.println("usage: KernelMain CONNECTION_FILE");
      System.exit(2);
    }
    quietLogging();
    KernelConnectionProperties connection = KernelConnectionProperties.parse(Files.readString(Path.of(args[0])));
    NotebookKernel kernel = NotebookKernel.create(System.getProperty("java.class.path"));
    JupyterConnection jupyter = new JupyterConnection(connection);
    kernel.becomeHandlerForConnection(jupyter);
    jupyter.connect();
    jupyter.waitUntilClose();
  }

  /** Sends log4j (Spark's logging) to a file unless the user configured it; returns the file. */
  static String quietLogging() {
    if (System.getProperty("log4j.configurationFile") == null && System.getProperty("log4j2.configurationFile") == null) {
      String log = Path.of(System.getProperty("java.io.tmpdir"), "automl-zero-kernel-" + ProcessHandle.current().pid()
          + ".log").toString();
      System.setProperty("automlzero.kernel.log", log);
      System.setProperty("log4j.configurationFile",
          KernelMain.class.getResource("kernel-log4j2.properties").toString());
      System.err.println("automl-zero kernel: logging to " + log);
      return log;
    }
    return null;
  }
}
