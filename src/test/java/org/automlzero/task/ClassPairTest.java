package org.automlzero.task;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ClassPairTest {
  @Test
  void sameClassesIgnoresOrder() {
    assertTrue(new ClassPair(0, 5).sameClassesAs(new ClassPair(5, 0)));
    assertFalse(new ClassPair(0, 5).sameClassesAs(new ClassPair(0, 6)));
  }

  @Test
  void sameClassTwiceIsRejected() {
    String m = assertThrows(IllegalArgumentException.class, () -> new ClassPair(3, 3)).getMessage();
    assertTrue(m.contains("(3, 3)") && m.contains("must differ"), m);
  }

  @Test
  void negativeClassIsRejected() {
    assertThrows(IllegalArgumentException.class, () -> new ClassPair(-1, 3));
  }
}
