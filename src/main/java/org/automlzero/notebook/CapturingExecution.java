package org.automlzero.notebook;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Map;
import jdk.jshell.execution.LocalExecutionControl;
import jdk.jshell.spi.ExecutionControl;
import jdk.jshell.spi.ExecutionControlProvider;
import jdk.jshell.spi.ExecutionEnv;

/**
 * JShell's in-process ("local") execution engine, keeping the object each snippet evaluates to, so
 * that the kernel can render a cell's value (a Dataset, a chart) rather than only its {@code
 * toString}. Snippets run on the calling thread with the kernel's class loader as the parent of
 * theirs, so cells see the project, Spark and XChart as the kernel does. Mutable, one per JShell.
 */
final class CapturingExecution extends LocalExecutionControl {
  private Object lastValue;

  /** The object the last snippet evaluated to (null for statements and declarations without one). */
  Object lastValue() {
    return lastValue;
  }

  /** Forgets the last value. */
  void clear() {
    lastValue = null;
  }

  @Override
  protected String invoke(Method doitMethod) throws Exception {
    Object value;
    try {
      value = doitMethod.invoke(null);
    } catch (InvocationTargetException e) {
      throw e;
    }
    lastValue = value;
    return valueString(value);
  }

  /** The provider JShell's builder takes; hands out {@code execution}. */
  static ExecutionControlProvider provider(CapturingExecution execution) {
    return new ExecutionControlProvider() {
      @Override
      public String name() {
        return "automl-zero-local";
      }

      @Override
      public ExecutionControl generate(ExecutionEnv env, Map<String, String> parameters) {
        return execution;
      }
    };
  }
}
