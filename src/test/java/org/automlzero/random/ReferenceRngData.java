package org.automlzero.random;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the output of the C++ probe {@code bench/absl-probe} (the reference's std::mt19937,
 * absl::Gaussian and tasks, as the installed libstdc++, absl and Eigen compute them) from the test
 * resources under {@code reference-rng/}. Each file is sections that start with a {@code # } header
 * line of {@code key=value} words; doubles are C99 hex literals, which {@link Double#parseDouble}
 * reads exactly.
 */
public final class ReferenceRngData {
  /** One section: its header words (the first is its name) and its lines. */
  public record Section(String name, Map<String, String> header, List<String> lines) {
    public String get(String key) {
      String value = header.get(key);
      if (value == null) {
        throw new IllegalArgumentException("section " + name + " has no " + key + ": " + header);
      }
      return value;
    }

    public long getLong(String key) {
      return Long.parseLong(get(key));
    }

    public double getDouble(String key) {
      return Double.parseDouble(get(key));
    }

    /** The line that starts with {@code prefix} and a space, split on spaces, prefix removed. */
    public String[] line(String prefix) {
      for (String line : lines) {
        if (line.startsWith(prefix + " ")) {
          return line.substring(prefix.length() + 1).split(" ");
        }
      }
      throw new IllegalArgumentException("section " + name + " has no line " + prefix);
    }
  }

  private ReferenceRngData() {}

  public static List<Section> read(String file) {
    String path = "/reference-rng/" + file;
    try (InputStream in = ReferenceRngData.class.getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalStateException("missing test resource " + path + " (run bench/absl-probe/run.sh)");
      }
      BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.US_ASCII));
      List<Section> sections = new ArrayList<>();
      List<String> lines = null;
      String line;
      while ((line = reader.readLine()) != null) {
        if (line.startsWith("# ")) {
          String[] words = line.substring(2).split(" ");
          Map<String, String> header = new LinkedHashMap<>();
          for (String word : words) {
            int eq = word.indexOf('=');
            if (eq > 0) {
              header.put(word.substring(0, eq), word.substring(eq + 1));
            }
          }
          lines = new ArrayList<>();
          sections.add(new Section(words[0].replace(":", ""), header, lines));
        } else if (lines != null && !line.isEmpty()) {
          lines.add(line);
        }
      }
      return sections;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The sections of {@code file} named {@code name}. */
  public static List<Section> sections(String file, String name) {
    return read(file).stream().filter(s -> s.name().equals(name)).toList();
  }

  /** The reference's hash of a stream of doubles: FNV-1a over the 64-bit patterns. */
  public static final class Fnv {
    private long h = 0xcbf29ce484222325L;

    public void add(double x) {
      h ^= Double.doubleToRawLongBits(x);
      h *= 0x100000001b3L;
    }

    public String hex() {
      return String.format("%016x", h);
    }
  }
}
