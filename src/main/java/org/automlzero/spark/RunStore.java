package org.automlzero.spark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * The folder of one run on any Hadoop file system ({@code <output>/<name>}) and its layout:
 * {@code run.conf}, {@code population/epoch=N/}, {@code progress/epoch=N/}, {@code births/epoch=N/}, {@code results/}
 * (Parquet), {@code summary.txt}, and the commit markers {@code _committed/epoch=N}, each written
 * only after everything of its epoch. Not thread-safe; driver only.
 */
public final class RunStore {
  private final FileSystem fs;
  private final Path root;

  public RunStore(String output, String name, Configuration hadoop) {
    URI uri = URI.create(output.replace('\\', '/'));
    String base = uri.getScheme() == null ? java.nio.file.Path.of(output).toAbsolutePath().toUri().toString()
        : output;
    this.root = new Path(new Path(base), name);
    try {
      this.fs = root.getFileSystem(hadoop);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open the file system of " + root + ": " + e.getMessage(), e);
    }
  }

  /** The run folder, fully qualified. */
  public String root() {
    return fs.makeQualified(root).toString();
  }

  public String populationDir(int epoch) {
    return child("population/epoch=" + epoch);
  }

  public String birthsDir(int epoch) {
    return child("births/epoch=" + epoch);
  }

  public String progressDir(int epoch) {
    return child("progress/epoch=" + epoch);
  }

  public String child(String relative) {
    return fs.makeQualified(new Path(root, relative)).toString();
  }

  public boolean exists() {
    return call(() -> fs.exists(root));
  }

  /** True when the run folder exists and is a file, which cannot hold a run. */
  public boolean isFile() {
    return call(() -> fs.exists(root) && fs.getFileStatus(root).isFile());
  }

  /** True when the run folder exists and holds nothing. */
  public boolean isEmptyDirectory() {
    return call(() -> fs.exists(root) && fs.listStatus(root).length == 0);
  }

  public boolean hasFile(String relative) {
    return call(() -> fs.exists(new Path(root, relative)));
  }

  public void deleteAll() {
    call(() -> fs.delete(root, true));
  }

  public void delete(String relative) {
    call(() -> fs.delete(new Path(root, relative), true));
  }

  public void writeText(String relative, String text) {
    call(() -> {
      try (FSDataOutputStream out = fs.create(new Path(root, relative), true)) {
        out.write(text.getBytes(StandardCharsets.UTF_8));
      }
      return null;
    });
  }

  public String readText(String relative) {
    return call(() -> {
      try (FSDataInputStream in = fs.open(new Path(root, relative))) {
        return new String(in.readAllBytes(), StandardCharsets.UTF_8);
      }
    });
  }

  /** Marks {@code epoch} committed; the last write of an epoch. */
  public void commit(int epoch) {
    writeText("_committed/epoch=" + epoch, "");
  }

  /** The last committed epoch, -1 if none. */
  public int lastCommitted() {
    return max(epochs("_committed"));
  }

  /** Deletes whatever an interrupted epoch after {@code lastCommitted} left, and old results. */
  public void dropUncommitted(int lastCommitted) {
    for (String folder : List.of("population", "progress", "births")) {
      for (int epoch : epochs(folder)) {
        if (epoch > lastCommitted) {
          delete(folder + "/epoch=" + epoch);
        }
      }
    }
    delete("results");
    delete("summary.txt");
  }

  /** The N of the {@code epoch=N} entries of {@code folder}. */
  List<Integer> epochs(String folder) {
    return call(() -> {
      List<Integer> epochs = new ArrayList<>();
      Path dir = new Path(root, folder);
      if (!fs.exists(dir)) {
        return epochs;
      }
      for (FileStatus status : fs.listStatus(dir)) {
        String name = status.getPath().getName();
        if (name.startsWith("epoch=")) {
          try {
            epochs.add(Integer.parseInt(name.substring("epoch=".length())));
          } catch (NumberFormatException e) {
            // Not ours; ignored.
          }
        }
      }
      return epochs;
    });
  }

  private static int max(List<Integer> values) {
    int max = -1;
    for (int value : values) {
      max = Math.max(max, value);
    }
    return max;
  }

  private interface IoCall<T> {
    T call() throws IOException;
  }

  private <T> T call(IoCall<T> call) {
    try {
      return call.call();
    } catch (IOException e) {
      throw new UncheckedIOException(root + ": " + e.getMessage(), e);
    }
  }
}
