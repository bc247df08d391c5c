package org.automlzero.program;

import java.util.List;
import java.util.Locale;

/** The three functions of an algorithm, in the reference's numbering (Setup=0, Predict=1, Learn=2). */
public enum ComponentFunction {
  SETUP("Setup"),
  PREDICT("Predict"),
  LEARN("Learn");

  /** All three in order, without the copy {@code values()} makes on every call. */
  public static final List<ComponentFunction> ALL = List.of(values());

  private final String title;
  private final String key;

  ComponentFunction(String title) {
    this.title = title;
    this.key = title.toLowerCase(Locale.ROOT);
  }

  /** The name in lower case, as configs, lineage and the views spell it: {@code setup}. */
  public String key() {
    return key;
  }

  /** The name in the text format: {@code Setup}, {@code Predict}, {@code Learn}. */
  public String title() {
    return title;
  }
}
