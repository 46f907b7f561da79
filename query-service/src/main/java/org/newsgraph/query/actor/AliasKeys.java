package org.newsgraph.query.actor;

import java.text.Normalizer;
import java.util.Locale;

/**
 * The normal form of entity.actor_alias.alias_key: lower case, no accents, single spaces, so that a
 * search for "sao paulo" finds "São Paulo".
 */
final class AliasKeys {

  private AliasKeys() {}

  static String of(String text) {
    String decomposed = Normalizer.normalize(text, Normalizer.Form.NFD);
    return decomposed
        .replaceAll("\\p{M}+", "")
        .toLowerCase(Locale.ROOT)
        .replaceAll("\\s+", " ")
        .trim();
  }
}
