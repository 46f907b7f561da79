package org.newsgraph.entity.event;

import java.util.Map;

/** Names and label verbs of the CAMEO root codes. */
final class CameoRoots {

  private record Root(String name, String verb) {}

  private static final Map<String, Root> ROOTS =
      Map.ofEntries(
          Map.entry("01", new Root("Public statement", "comments on")),
          Map.entry("02", new Root("Appeal", "appeals to")),
          Map.entry("03", new Root("Intent to cooperate", "offers to cooperate with")),
          Map.entry("04", new Root("Consultation", "consults")),
          Map.entry("05", new Root("Diplomatic cooperation", "cooperates with")),
          Map.entry("06", new Root("Material cooperation", "cooperates materially with")),
          Map.entry("07", new Root("Aid", "aids")),
          Map.entry("08", new Root("Concession", "yields to")),
          Map.entry("09", new Root("Investigation", "investigates")),
          Map.entry("10", new Root("Demand", "demands of")),
          Map.entry("11", new Root("Disapproval", "criticises")),
          Map.entry("12", new Root("Rejection", "rejects")),
          Map.entry("13", new Root("Threat", "threatens")),
          Map.entry("14", new Root("Protest", "protests against")),
          Map.entry("15", new Root("Show of force", "shows force against")),
          Map.entry("16", new Root("Reduced relations", "reduces relations with")),
          Map.entry("17", new Root("Coercion", "coerces")),
          Map.entry("18", new Root("Assault", "attacks")),
          Map.entry("19", new Root("Fighting", "fights")),
          Map.entry("20", new Root("Mass violence", "commits mass violence against")));

  private CameoRoots() {}

  static String name(String type) {
    Root root = ROOTS.get(type);
    return root == null ? "Event " + type : root.name();
  }

  static String verb(String type) {
    Root root = ROOTS.get(type);
    return root == null ? "acts on" : root.verb();
  }
}
