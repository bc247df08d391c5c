package org.automlzero.task;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class CsvFormatTest {
  @Test
  void scikitLearnFormatTakesTheLastColumn() {
    assertEquals(-1, CsvFormat.sklearn().labelIndex());
    assertEquals(CsvFormat.Header.SKLEARN, CsvFormat.sklearn().header());
  }

  @Test
  void labelNameWithoutHeaderIsRejected() {
    String m = assertThrows(IllegalArgumentException.class,
        () -> new CsvFormat(CsvFormat.Header.NONE, "label", 0)).getMessage();
    assertTrue(m.contains("labelColumn 'label'") && m.contains("NAMES"), m);
  }
}
