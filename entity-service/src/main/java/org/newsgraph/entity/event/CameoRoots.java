package org.newsgraph.entity.event;

import java.util.Map;
import org.newsgraph.common.cameo.CameoRoot;

/** How labels name the CAMEO root codes: the root's name, and a verb for "source verb target". */
final class CameoRoots {

  private static final Map<String, String> VERBS =
      Map.ofEntries(
          Map.entry("01", "comments on"),
          Map.entry("02", "appeals to"),
          Map.entry("03", "offers to cooperate with"),
          Map.entry("04", "consults"),
          Map.entry("05", "cooperates with"),
          Map.entry("06", "cooperates materially with"),
          Map.entry("07", "aids"),
          Map.entry("08", "yields to"),
          Map.entry("09", "investigates"),
          Map.entry("10", "demands of"),
          Map.entry("11", "criticises"),
          Map.entry("12", "rejects"),
          Map.entry("13", "threatens"),
          Map.entry("14", "protests against"),
          Map.entry("15", "shows force against"),
          Map.entry("16", "reduces relations with"),
          Map.entry("17", "coerces"),
          Map.entry("18", "attacks"),
          Map.entry("19", "fights"),
          Map.entry("20", "commits mass violence against"));

  private CameoRoots() {}

  static String name(String type) {
    try {
      return CameoRoot.of(type).label();
    } catch (IllegalArgumentException e) {
      return "Event " + type;
    }
  }

  static String verb(String type) {
    return VERBS.getOrDefault(type, "acts on");
  }
}
