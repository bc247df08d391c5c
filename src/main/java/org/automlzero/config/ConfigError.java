package org.automlzero.config;

/**
 * A configuration that cannot run: the message names the key, the value found, what is allowed
 * and, where known, the file and line. Thrown before anything runs.
 */
public final class ConfigError extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  private final String key;

  public ConfigError(String key, String message) {
    super(key + ": " + message);
    this.key = key;
  }

  /** The full path of the offending key, such as {@code search.tournament_size}. */
  public String key() {
    return key;
  }
}
