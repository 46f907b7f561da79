package org.newsgraph.query.event;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The 20 CAMEO root codes with their names, QuadClass (1 verbal cooperation, 2 material
 * cooperation, 3 verbal conflict, 4 material conflict) and Goldstein scale value, as in the CAMEO
 * codebook and the GDELT event tables.
 */
public final class Cameo {

  /** One root code. */
  public record Root(String code, String name, int quadClass, double goldstein) {}

  private static final Map<String, Root> ROOTS = new TreeMap<>();

  static {
    add("01", "Make public statement", 1, 0.0);
    add("02", "Appeal", 1, 3.0);
    add("03", "Express intent to cooperate", 1, 4.0);
    add("04", "Consult", 1, 1.0);
    add("05", "Engage in diplomatic cooperation", 2, 3.5);
    add("06", "Engage in material cooperation", 2, 6.0);
    add("07", "Provide aid", 2, 7.0);
    add("08", "Yield", 2, 5.0);
    add("09", "Investigate", 3, -2.0);
    add("10", "Demand", 3, -5.0);
    add("11", "Disapprove", 3, -2.0);
    add("12", "Reject", 3, -4.0);
    add("13", "Threaten", 3, -6.0);
    add("14", "Protest", 4, -6.5);
    add("15", "Exhibit military posture", 4, -7.2);
    add("16", "Reduce relations", 4, -4.0);
    add("17", "Coerce", 4, -7.0);
    add("18", "Assault", 4, -9.0);
    add("19", "Fight", 4, -10.0);
    add("20", "Use unconventional mass violence", 4, -10.0);
  }

  private Cameo() {}

  private static void add(String code, String name, int quadClass, double goldstein) {
    ROOTS.put(code, new Root(code, name, quadClass, goldstein));
  }

  public static Set<String> codes() {
    return ROOTS.keySet();
  }

  /** The root, or a placeholder for a code outside CAMEO so that odd data never breaks a read. */
  public static Root root(String code) {
    Root root = ROOTS.get(code);
    return root != null ? root : new Root(code, null, 0, 0.0);
  }
}
