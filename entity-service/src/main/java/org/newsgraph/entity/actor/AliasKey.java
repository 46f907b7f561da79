package org.newsgraph.entity.actor;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/** The normalised form under which names are stored and matched: "Al-Qaïda " → "al-qaida". */
public final class AliasKey {

  private static final Pattern MARKS = Pattern.compile("\\p{M}+");
  private static final Pattern SPACES = Pattern.compile("\\s+");

  private AliasKey() {}

  public static String of(String name) {
    String decomposed = Normalizer.normalize(name, Normalizer.Form.NFKD);
    String plain = MARKS.matcher(decomposed).replaceAll("").replace('’', '\'');
    return SPACES.matcher(plain.toLowerCase(Locale.ROOT)).replaceAll(" ").trim();
  }

  /** A readable slug id for a name: "Islamic State Khorasan" → "islamic-state-khorasan". */
  public static String slug(String name) {
    return of(name).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-+|-+$)", "");
  }
}
