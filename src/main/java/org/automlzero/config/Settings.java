package org.automlzero.config;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigList;
import com.typesafe.config.ConfigObject;
import com.typesafe.config.ConfigOrigin;
import com.typesafe.config.ConfigValue;
import com.typesafe.config.ConfigValueType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Typed, checked reads of a Typesafe Config subtree: every failure is a {@link ConfigError} that
 * names the full key, the value, what is allowed and the file and line it came from. Immutable.
 */
public final class Settings {
  private final Config config;
  private final String prefix;

  public Settings(Config config, String prefix) {
    this.config = config;
    this.prefix = prefix;
  }

  /** The settings below {@code path}. */
  public Settings at(String path) {
    requireType(path, ConfigValueType.OBJECT, "an object { ... }");
    return new Settings(config.getConfig(path), key(path));
  }

  public boolean has(String path) {
    return config.hasPath(path);
  }

  public Config config() {
    return config;
  }

  public String key(String path) {
    return prefix.isEmpty() ? path : prefix + "." + path;
  }

  public String string(String path) {
    requireType(path, ConfigValueType.STRING, "a string");
    return config.getString(path);
  }

  public boolean bool(String path) {
    requireType(path, ConfigValueType.BOOLEAN, "true or false");
    return config.getBoolean(path);
  }

  public long longIn(String path, long min, long max) {
    ConfigValue value = requireType(path, ConfigValueType.NUMBER, "a whole number");
    Number number = (Number) value.unwrapped();
    double asDouble = number.doubleValue();
    if (asDouble != Math.rint(asDouble) || Double.isInfinite(asDouble)) {
      throw error(path, value, "must be a whole number");
    }
    long x;
    try {
      x = config.getLong(path);
    } catch (ConfigException e) {
      throw error(path, value, "must be a whole number from " + min + " to " + max);
    }
    if (x < min || x > max) {
      throw error(path, value, "must be from " + min + " to " + max);
    }
    return x;
  }

  public int intIn(String path, int min, int max) {
    return (int) longIn(path, min, max);
  }

  public double doubleIn(String path, double min, double max) {
    ConfigValue value = requireType(path, ConfigValueType.NUMBER, "a number");
    double x = config.getDouble(path);
    if (!(x >= min && x <= max)) {
      throw error(path, value, "must be from " + min + " to " + max);
    }
    return x;
  }

  /** An enum constant named case-insensitively, with '-' standing for '_'. */
  public <E extends Enum<E>> E enumValue(String path, Class<E> type) {
    ConfigValue value = requireType(path, ConfigValueType.STRING, "one of " + names(type));
    return parseEnum(path, value, (String) value.unwrapped(), type);
  }

  public <E extends Enum<E>> List<E> enumList(String path, Class<E> type) {
    ConfigValue list = requireType(path, ConfigValueType.LIST, "a list of " + names(type));
    List<E> result = new ArrayList<>();
    for (ConfigValue item : (ConfigList) list) {
      if (item.valueType() != ConfigValueType.STRING) {
        throw error(path, item, "every entry must be one of " + names(type));
      }
      result.add(parseEnum(path, item, (String) item.unwrapped(), type));
    }
    return result;
  }

  public List<Long> longList(String path, long min, long max) {
    ConfigValue list = requireType(path, ConfigValueType.LIST, "a list of whole numbers");
    List<Long> result = new ArrayList<>();
    for (ConfigValue item : (ConfigList) list) {
      Object raw = item.unwrapped();
      if (!(raw instanceof Number number) || number.doubleValue() != Math.rint(number.doubleValue())) {
        throw error(path, item, "every entry must be a whole number from " + min + " to " + max);
      }
      long x = number.longValue();
      if (x < min || x > max) {
        throw error(path, item, "every entry must be from " + min + " to " + max);
      }
      result.add(x);
    }
    return result;
  }

  /** The objects of a list of objects, each as its own settings. */
  public List<Settings> objectList(String path) {
    ConfigValue list = requireType(path, ConfigValueType.LIST, "a list of objects [ { ... }, ... ]");
    List<Settings> result = new ArrayList<>();
    int i = 0;
    for (ConfigValue item : (ConfigList) list) {
      if (item.valueType() != ConfigValueType.OBJECT) {
        throw error(path, item, "entry " + i + " must be an object { ... }");
      }
      result.add(new Settings(((ConfigObject) item).toConfig(), key(path) + "[" + i + "]"));
      i++;
    }
    return result;
  }

  /** Refuses any key of this subtree that {@code allowed} does not name, listing what is allowed. */
  public void requireOnlyKeys(Set<String> allowed) {
    for (Map.Entry<String, ConfigValue> entry : config.root().entrySet()) {
      if (!allowed.contains(entry.getKey())) {
        throw new ConfigError(key(entry.getKey()), "unknown key" + where(entry.getValue().origin())
            + "; allowed here: " + String.join(", ", new TreeSet<>(allowed)));
      }
    }
  }

  /** Refuses every key (at any depth, outside lists) that {@code reference} does not have. */
  public void requireKnownKeys(Config reference) {
    for (Map.Entry<String, ConfigValue> entry : config.entrySet()) {
      String path = entry.getKey();
      // Lists are leaves here: the objects inside task lists are checked by requireOnlyKeys.
      if (!reference.hasPathOrNull(path)) {
        throw new ConfigError(key(path), "unknown key" + where(entry.getValue().origin())
            + "; see reference.conf for every key with its default");
      }
    }
  }

  public ConfigError error(String path, String message) {
    ConfigValue value = config.hasPathOrNull(path) ? config.getValue(path) : null;
    return value == null ? new ConfigError(key(path), message) : error(path, value, message);
  }

  private ConfigError error(String path, ConfigValue value, String message) {
    return new ConfigError(key(path), "value " + render(value) + where(value.origin()) + " " + message);
  }

  private ConfigValue requireType(String path, ConfigValueType type, String expected) {
    if (!config.hasPathOrNull(path)) {
      throw new ConfigError(key(path), "missing; expected " + expected);
    }
    if (config.getIsNull(path)) {
      throw new ConfigError(key(path), "is null; expected " + expected);
    }
    ConfigValue value = config.getValue(path);
    if (value.valueType() != type) {
      // HOCON reads unquoted words as strings; numbers in quotes stay strings: both are type errors.
      throw error(path, value, "has the wrong type " + value.valueType().name().toLowerCase(Locale.ROOT)
          + "; expected " + expected);
    }
    return value;
  }

  private <E extends Enum<E>> E parseEnum(String path, ConfigValue value, String text, Class<E> type) {
    String normal = text.trim().replace('-', '_').toUpperCase(Locale.ROOT);
    for (E constant : type.getEnumConstants()) {
      if (constant.name().equals(normal)) {
        return constant;
      }
    }
    throw error(path, value, "is not one of " + names(type));
  }

  private static String names(Class<? extends Enum<?>> type) {
    return Arrays.toString(type.getEnumConstants());
  }

  private static String render(ConfigValue value) {
    String text = value.render(com.typesafe.config.ConfigRenderOptions.concise());
    return text.length() > 80 ? text.substring(0, 77) + "..." : text;
  }

  private static String where(ConfigOrigin origin) {
    if (origin == null || origin.lineNumber() < 0) {
      return "";
    }
    String file = origin.filename() != null ? origin.filename() : origin.description();
    return " (" + file + ":" + origin.lineNumber() + ")";
  }
}
