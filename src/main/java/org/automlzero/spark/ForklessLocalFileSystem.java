package org.automlzero.spark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.attribute.PosixFilePermission;
import java.util.EnumSet;
import java.util.Set;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocalFileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RawLocalFileSystem;
import org.apache.hadoop.fs.permission.FsAction;
import org.apache.hadoop.fs.permission.FsPermission;

/**
 * Hadoop's local file system ({@code file:} paths, with its {@code .crc} checksum files, as Spark
 * uses it) that sets permissions through {@code java.nio} instead of a process. Without Hadoop's
 * native library, which Spark's distribution does not bring, the local file system runs
 * {@code chmod} in a new process for every file it creates (and again for the file's checksum) and
 * every folder it makes: four processes per island and epoch for the population and birth files,
 * each blocking its task for 5-20 ms on a busy machine (BENCHMARKS.md, "The Spark job"). Everything
 * else is Hadoop's own code.
 *
 * <p>{@link #configure} gives a configuration under which {@code file:} paths open as this file
 * system; other schemes (HDFS, S3...) are untouched.
 */
public final class ForklessLocalFileSystem extends LocalFileSystem {
  public ForklessLocalFileSystem() {
    super(new Raw());
  }

  /**
   * A copy of {@code hadoop} that opens {@code file:} paths as this file system, a new instance per
   * {@code Path.getFileSystem} (Hadoop caches the first file system it made for a scheme whatever
   * the configuration asked for, and Spark has made one by the time a job starts; an instance of
   * this class holds nothing that needs closing).
   */
  public static Configuration configure(Configuration hadoop) {
    Configuration configuration = new Configuration(hadoop);
    configuration.setClass("fs.file.impl", ForklessLocalFileSystem.class, FileSystem.class);
    configuration.setBoolean("fs.file.impl.disable.cache", true);
    return configuration;
  }

  /** The file system under the checksums: Hadoop's, but for how it sets permissions. */
  static final class Raw extends RawLocalFileSystem {
    @Override
    public void setPermission(Path path, FsPermission permission) throws IOException {
      if (permission.getStickyBit()) { // java.nio has no sticky bit
        super.setPermission(path, permission);
        return;
      }
      try {
        Files.setPosixFilePermissions(pathToFile(path).toPath(), posix(permission));
      } catch (UnsupportedOperationException e) { // not a POSIX file system: Hadoop's way
        super.setPermission(path, permission);
      }
    }
  }

  /** The POSIX permission bits of {@code permission} (without the sticky bit). */
  static Set<PosixFilePermission> posix(FsPermission permission) {
    Set<PosixFilePermission> bits = EnumSet.noneOf(PosixFilePermission.class);
    add(bits, permission.getUserAction(), PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE,
        PosixFilePermission.OWNER_EXECUTE);
    add(bits, permission.getGroupAction(), PosixFilePermission.GROUP_READ, PosixFilePermission.GROUP_WRITE,
        PosixFilePermission.GROUP_EXECUTE);
    add(bits, permission.getOtherAction(), PosixFilePermission.OTHERS_READ, PosixFilePermission.OTHERS_WRITE,
        PosixFilePermission.OTHERS_EXECUTE);
    return bits;
  }

  private static void add(Set<PosixFilePermission> bits, FsAction action, PosixFilePermission read,
      PosixFilePermission write, PosixFilePermission execute) {
    if (action.implies(FsAction.READ)) {
      bits.add(read);
    }
    if (action.implies(FsAction.WRITE)) {
      bits.add(write);
    }
    if (action.implies(FsAction.EXECUTE)) {
      bits.add(execute);
    }
  }
}
