package org.newsgraph.common.cameo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class CameoRootTest {

  @Test
  void quadClassFollowsTheCameoBands() {
    // verbal cooperation 01-05, material cooperation 06-08, verbal conflict 09-13, material
    // conflict 14-20
    for (CameoRoot root : CameoRoot.values()) {
      int code = Integer.parseInt(root.code());
      int expected = code <= 5 ? 1 : code <= 8 ? 2 : code <= 13 ? 3 : 4;
      assertEquals(expected, root.quadClass(), root.code());
    }
  }

  @Test
  void codesRunFromOneToTwentyInOrder() {
    List<String> codes = List.copyOf(CameoRoot.codes());
    assertEquals(20, codes.size());
    assertEquals("01", codes.get(0));
    assertEquals("20", codes.get(19));
    assertEquals(CameoRoot.ASSAULT, CameoRoot.of("18"));
    assertThrows(IllegalArgumentException.class, () -> CameoRoot.of("21"));
  }
}
