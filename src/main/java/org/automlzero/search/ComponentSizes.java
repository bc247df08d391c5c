package org.automlzero.search;

import org.automlzero.program.ComponentFunction;

/**
 * One instruction count per component function: the init sizes ({@code *_size_init}) or the
 * mutation bounds ({@code mutate_*_size_min/max}) of the reference's experiment spec. Immutable.
 */
public record ComponentSizes(int setup, int predict, int learn) {

  public ComponentSizes {
    requireNonNegative(setup, "setup");
    requireNonNegative(predict, "predict");
    requireNonNegative(learn, "learn");
  }

  /** The same size for all three functions. */
  public static ComponentSizes all(int size) {
    return new ComponentSizes(size, size, size);
  }

  /** The size for {@code function}. */
  public int of(ComponentFunction function) {
    return switch (function) {
      case SETUP -> setup;
      case PREDICT -> predict;
      case LEARN -> learn;
    };
  }

  private static void requireNonNegative(int size, String name) {
    if (size < 0) {
      throw new IllegalArgumentException(name + " size is " + size + ", must be >= 0");
    }
  }
}
