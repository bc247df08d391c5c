package org.automlzero.program;

/** The three functions of an algorithm, in the reference's numbering (Setup=0, Predict=1, Learn=2). */
public enum ComponentFunction {
  SETUP("Setup"),
  PREDICT("Predict"),
  LEARN("Learn");

  private final String title;

  ComponentFunction(String title) {
    this.title = title;
  }

  /** The name in the text format: {@code Setup}, {@code Predict}, {@code Learn}. */
  public String title() {
    return title;
  }
}
