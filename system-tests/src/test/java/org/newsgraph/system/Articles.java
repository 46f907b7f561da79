package org.newsgraph.system;

import java.util.List;
import java.util.Random;

/**
 * Invented news articles, different enough from each other that ingest stores each (no near
 * duplicates), with known actors and events in them so that extraction has work to do.
 */
final class Articles {

  private static final List<String> ACTORS =
      List.of(
          "Russia",
          "China",
          "France",
          "Germany",
          "Iran",
          "Turkey",
          "Egypt",
          "Japan",
          "India",
          "Brazil",
          "Ukraine",
          "Israel",
          "Pakistan",
          "Nigeria",
          "Kenya",
          "Mexico");
  private static final List<String> ACTS =
      List.of(
          "signed a trade agreement with",
          "condemned",
          "met officials from",
          "accused",
          "praised",
          "imposed sanctions on",
          "threatened",
          "promised aid to",
          "held talks with",
          "criticized");
  private static final List<String> PLACES =
      List.of("Geneva", "Cairo", "Nairobi", "Ankara", "Delhi", "Lima", "Oslo", "Hanoi");

  private Articles() {}

  /** Article {@code n} of a run tagged {@code tag}; the same arguments give the same text. */
  static String article(String tag, int n) {
    Random random = new Random(tag.hashCode() * 31L + n);
    StringBuilder text =
        new StringBuilder("Desk report " + tag + " number " + n + " on the week's diplomacy\n\n");
    for (int sentence = 0; sentence < 6; sentence++) {
      String a = ACTORS.get(random.nextInt(ACTORS.size()));
      String b = ACTORS.get(random.nextInt(ACTORS.size()));
      text.append(a)
          .append(' ')
          .append(ACTS.get(random.nextInt(ACTS.size())))
          .append(' ')
          .append(b.equals(a) ? "its neighbours" : b)
          .append(" in ")
          .append(PLACES.get(random.nextInt(PLACES.size())))
          .append(" on day ")
          .append(random.nextInt(10_000))
          .append(" of the talks, officials said after meeting ")
          .append(random.nextInt(100_000))
          .append(".\n\n");
    }
    return text.toString();
  }

  /** Plain prose of about {@code chars} characters, in sentences and paragraphs. */
  static String prose(String tag, int chars) {
    StringBuilder text = new StringBuilder();
    for (int n = 0; text.length() < chars; n++) {
      text.append(article(tag, n));
    }
    return text.toString();
  }
}
