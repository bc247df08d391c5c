package org.automlzero.task;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * Opens dataset files by location: a plain path (or a {@code file:} URI) is read with
 * {@code java.nio}, any other URI ({@code hdfs://namenode:8020/data/x.gz}, {@code s3a://bucket/x},
 * {@code viewfs://...}) through the Hadoop {@code FileSystem} of its scheme ({@link HadoopFiles}).
 * Hadoop's client is needed only for such URIs: the Spark job has it, the plain {@code evaluate}
 * and {@code search-local} commands do not, and then a URI gets an error saying so.
 *
 * <p>Immutable and thread-safe; the Hadoop configuration is asked for at each URI opened.
 */
public final class DataFiles {
  // A scheme is at least two characters, so a Windows drive ("C:\data") is not mistaken for one.
  private static final Pattern SCHEME = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]+:");

  private final Supplier<?> hadoopConfiguration;

  private DataFiles(Supplier<?> hadoopConfiguration) {
    this.hadoopConfiguration = hadoopConfiguration;
  }

  /** URIs through Hadoop's default configuration ({@code core-site.xml} etc. on the classpath). */
  public static DataFiles standard() {
    return new DataFiles(null);
  }

  /**
   * URIs through the given Hadoop configuration (an {@code org.apache.hadoop.conf.Configuration};
   * typed loosely so that this class loads without Hadoop), asked for only when a URI is opened:
   * the Spark job passes its session's, which carries {@code spark.hadoop.*} settings.
   */
  public static DataFiles withHadoop(Supplier<?> configuration) {
    return new DataFiles(java.util.Objects.requireNonNull(configuration, "configuration"));
  }

  /** Whether {@code location} is a URI with a scheme other than {@code file:}, read through Hadoop. */
  public static boolean needsHadoop(String location) {
    return SCHEME.matcher(location).find() && !location.regionMatches(true, 0, "file:", 0, 5);
  }

  /**
   * An open stream of the file at {@code location}; the caller closes it.
   *
   * @throws IOException naming the location and what is wrong (missing, a folder, not readable, no
   *     file system for the scheme)
   */
  public InputStream open(String location) throws IOException {
    if (location.isBlank()) {
      throw new IOException("empty dataset path");
    }
    if (needsHadoop(location)) {
      if (!hadoopOnClasspath()) {
        throw new IOException(location + ": reading a " + location.substring(0, location.indexOf(':'))
            + ": URI needs Hadoop's client on the classpath; run the Spark job (./submit.sh CONFIG),"
            + " or copy the file to a local path");
      }
      return HadoopFiles.open(location, hadoopConfiguration);
    }
    Path path = localPath(location);
    if (Files.isDirectory(path)) {
      throw new IOException(location + ": is a folder, expected a file");
    }
    try {
      return Files.newInputStream(path);
    } catch (NoSuchFileException e) {
      throw new IOException(location + ": no such file", e);
    } catch (AccessDeniedException e) {
      throw new IOException(location + ": permission denied", e);
    }
  }

  /**
   * Whether Hadoop's client is on the classpath (it is wherever Spark is). Asked here, not in
   * {@link HadoopFiles}: loading that class needs Hadoop's classes already.
   */
  private static boolean hadoopOnClasspath() {
    try {
      Class.forName("org.apache.hadoop.fs.FileSystem", false, DataFiles.class.getClassLoader());
      return true;
    } catch (ClassNotFoundException e) {
      return false;
    }
  }

  private static Path localPath(String location) throws IOException {
    if (!SCHEME.matcher(location).find()) {
      return Path.of(location);
    }
    try {
      return Path.of(new URI(location));
    } catch (URISyntaxException | IllegalArgumentException e) {
      throw new IOException(location + ": not a usable file: URI (" + e.getMessage()
          + "); write file:///absolute/path or a plain path", e);
    }
  }
}
