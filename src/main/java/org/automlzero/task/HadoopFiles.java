package org.automlzero.task;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.util.function.Supplier;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.security.AccessControlException;

/**
 * The only class of this package that touches Hadoop: opens a file at a URI through the
 * {@link FileSystem} of its scheme. Loaded only when {@link DataFiles} meets such a URI, so the
 * package runs without Hadoop otherwise (Hadoop's client comes with Spark). File systems come from
 * Hadoop's cache and are not closed here. Stateless.
 */
final class HadoopFiles {
  private HadoopFiles() {}

  /**
   * Opens {@code uri}; {@code configuration} supplies an {@link Configuration}, or is null for a
   * default one.
   */
  static InputStream open(String uri, Supplier<?> configuration) throws IOException {
    Configuration conf = configuration == null ? new Configuration() : (Configuration) configuration.get();
    Path path;
    try {
      path = new Path(uri);
    } catch (IllegalArgumentException e) {
      throw new IOException(uri + ": not a usable URI (" + e.getMessage() + ")", e);
    }
    try {
      FileSystem fs = path.getFileSystem(conf);
      FileStatus status = fs.getFileStatus(path);
      if (status.isDirectory()) {
        throw new IOException(uri + ": is a folder, expected a file");
      }
      return fs.open(path);
    } catch (FileNotFoundException e) {
      throw new IOException(uri + ": no such file", e);
    } catch (AccessControlException e) {
      throw new IOException(uri + ": permission denied (" + firstLine(e) + ")", e);
    } catch (IOException e) {
      if (e.getMessage() != null && e.getMessage().startsWith(uri)) {
        throw e;
      }
      throw new IOException(uri + ": " + firstLine(e), e);
    }
  }

  private static String firstLine(Exception e) {
    String message = String.valueOf(e.getMessage());
    int newline = message.indexOf('\n');
    return newline < 0 ? message : message.substring(0, newline);
  }
}
