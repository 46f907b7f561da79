package org.newsgraph.ingest.article;

import java.util.Random;
import java.util.UUID;

/** Article-like English texts that share no phrases with each other, so tests never collide. */
public final class Texts {

  private static final String[] WORDS =
      ("government ministry officials said on the border troops attack city council "
              + "president minister talks agreement week after before people killed injured "
              + "police army capital region province election opposition party leader "
              + "statement reported according to security forces protest crowd thousands "
              + "village fighters group militants rebels sanctions trade economy prices "
              + "water food aid refugees camp hospital school women children court judge "
              + "law parliament vote budget oil gas pipeline port ships navy coast storm "
              + "flood earthquake rescue teams damage houses roads bridge power outage night "
              + "morning evening spokesman told reporters denied accused warned promised "
              + "announced launched signed visited met discussed agreed rejected condemned")
          .split(" ");

  private Texts() {}

  public static String unique() {
    return UUID.randomUUID().toString().replace("-", "").substring(0, 12);
  }

  /** A text of about {@code paragraphs} × 60 words, paragraphs separated by blank lines. */
  public static String article(int paragraphs) {
    Random random = new Random(UUID.randomUUID().getMostSignificantBits());
    StringBuilder text = new StringBuilder();
    for (int p = 0; p < paragraphs; p++) {
      if (p > 0) {
        text.append("\n\n");
      }
      for (int s = 0; s < 4; s++) {
        int words = 12 + random.nextInt(6);
        for (int w = 0; w < words; w++) {
          String word = WORDS[random.nextInt(WORDS.length)];
          text.append(w == 0 ? Character.toUpperCase(word.charAt(0)) + word.substring(1) : word);
          text.append(w == words - 1 ? ". " : " ");
        }
      }
      text.setLength(text.length() - 1);
    }
    return text.toString();
  }
}
