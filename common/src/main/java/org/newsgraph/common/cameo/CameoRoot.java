package org.newsgraph.common.cameo;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The twenty CAMEO root event classes with their QuadClass (1 verbal cooperation, 2 material
 * cooperation, 3 verbal conflict, 4 material conflict) and the Goldstein scale value of the root.
 * Shared: entity-service codes events with it, query-service names and weighs them with it.
 */
public enum CameoRoot {
  MAKE_PUBLIC_STATEMENT("01", "Make public statement", 1, 0.0),
  APPEAL("02", "Appeal", 1, 3.0),
  EXPRESS_INTENT_TO_COOPERATE("03", "Express intent to cooperate", 1, 4.0),
  CONSULT("04", "Consult", 1, 1.0),
  ENGAGE_IN_DIPLOMATIC_COOPERATION("05", "Engage in diplomatic cooperation", 1, 3.5),
  ENGAGE_IN_MATERIAL_COOPERATION("06", "Engage in material cooperation", 2, 6.0),
  PROVIDE_AID("07", "Provide aid", 2, 7.0),
  YIELD("08", "Yield", 2, 5.0),
  INVESTIGATE("09", "Investigate", 3, -2.0),
  DEMAND("10", "Demand", 3, -5.0),
  DISAPPROVE("11", "Disapprove", 3, -2.0),
  REJECT("12", "Reject", 3, -4.0),
  THREATEN("13", "Threaten", 3, -6.0),
  PROTEST("14", "Protest", 4, -6.5),
  EXHIBIT_FORCE_POSTURE("15", "Exhibit force posture", 4, -7.2),
  REDUCE_RELATIONS("16", "Reduce relations", 4, -4.0),
  COERCE("17", "Coerce", 4, -7.0),
  ASSAULT("18", "Assault", 4, -9.0),
  FIGHT("19", "Fight", 4, -10.0),
  USE_UNCONVENTIONAL_MASS_VIOLENCE("20", "Use unconventional mass violence", 4, -10.0);

  private final String code;
  private final String label;
  private final int quadClass;
  private final double goldstein;

  CameoRoot(String code, String label, int quadClass, double goldstein) {
    this.code = code;
    this.label = label;
    this.quadClass = quadClass;
    this.goldstein = goldstein;
  }

  public String code() {
    return code;
  }

  public String label() {
    return label;
  }

  public int quadClass() {
    return quadClass;
  }

  public double goldstein() {
    return goldstein;
  }

  /** Physical violence: assault, fight, mass violence. */
  public boolean violent() {
    return this == ASSAULT || this == FIGHT || this == USE_UNCONVENTIONAL_MASS_VIOLENCE;
  }

  /** The codes "01" to "20", in order. */
  public static Set<String> codes() {
    Set<String> codes = new LinkedHashSet<>();
    Arrays.stream(values()).forEach(root -> codes.add(root.code));
    return codes;
  }

  public static CameoRoot of(String code) {
    for (CameoRoot root : values()) {
      if (root.code.equals(code)) {
        return root;
      }
    }
    throw new IllegalArgumentException("not a CAMEO root code: " + code);
  }
}
