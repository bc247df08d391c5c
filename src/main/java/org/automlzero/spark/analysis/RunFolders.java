package org.automlzero.spark.analysis;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * Finds the runs under a path on any Hadoop file system: the path itself when it is a run folder
 * (it holds {@code population/}), else every direct subfolder that is one, in name order. A run is
 * named by its folder's name. Stateless.
 */
public final class RunFolders {
  private RunFolders() {}

  /** A run folder: its name (the folder's name) and its fully qualified location. */
  public record Run(String name, String location) {}

  /** The runs at {@code path}; fails with the path in the message when there are none. */
  public static List<Run> find(String path, Configuration hadoop) {
    Path root = qualifiedPath(path);
    try {
      FileSystem fs = root.getFileSystem(hadoop);
      if (!fs.exists(root)) {
        throw new IllegalArgumentException(path + ": no such folder");
      }
      if (isRun(fs, root)) {
        return List.of(new Run(root.getName(), fs.makeQualified(root).toString()));
      }
      List<Run> runs = new ArrayList<>();
      FileStatus[] children = fs.listStatus(root);
      java.util.Arrays.sort(children, (a, b) -> a.getPath().getName().compareTo(b.getPath().getName()));
      for (FileStatus child : children) {
        if (child.isDirectory() && isRun(fs, child.getPath())) {
          runs.add(new Run(child.getPath().getName(), fs.makeQualified(child.getPath()).toString()));
        }
      }
      if (runs.isEmpty()) {
        throw new IllegalArgumentException(path + ": neither a run folder (with population/) nor a folder of runs");
      }
      return runs;
    } catch (IOException e) {
      throw new UncheckedIOException(path + ": " + e.getMessage(), e);
    }
  }

  private static boolean isRun(FileSystem fs, Path folder) throws IOException {
    return fs.isDirectory(new Path(folder, "population"));
  }

  /** A local path made absolute; a URI (hdfs://, s3a://, file:) kept as it is. */
  static Path qualifiedPath(String path) {
    URI uri = URI.create(path.replace('\\', '/').replace(" ", "%20"));
    if (uri.getScheme() == null) {
      return new Path("file", null, java.nio.file.Path.of(path).toAbsolutePath().normalize().toString());
    }
    return new Path(path);
  }
}
