package org.automlzero.task;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.GZIPInputStream;

/** Opens dataset files whether or not they are gzipped, by looking at the first two bytes. */
final class Streams {
  private Streams() {}

  /** {@code in}, buffered, and decompressed when it starts with the gzip magic 1f 8b. */
  static InputStream decompressIfGzipped(InputStream in) throws IOException {
    BufferedInputStream buffered = new BufferedInputStream(in, 1 << 16);
    buffered.mark(2);
    int b0 = buffered.read();
    int b1 = buffered.read();
    buffered.reset();
    if (b0 == 0x1f && b1 == 0x8b) {
      return new BufferedInputStream(new GZIPInputStream(buffered, 1 << 16), 1 << 16);
    }
    return buffered;
  }

  /** Reads until {@code buffer} is full or the stream ends; returns how many bytes were read. */
  static int readFully(InputStream in, byte[] buffer) throws IOException {
    int done = 0;
    while (done < buffer.length) {
      int n = in.read(buffer, done, buffer.length - done);
      if (n < 0) {
        break;
      }
      done += n;
    }
    return done;
  }
}
