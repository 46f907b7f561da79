package org.newsgraph.ingest.cleaning;

import java.text.Normalizer;

/**
 * Unicode normalisation with a shortcut for plain ASCII, which every normal form leaves as it is:
 * most articles are ASCII, and the normaliser's check of each character showed in the ingest
 * profile.
 */
public final class Unicode {

  private Unicode() {}

  public static String nfc(String text) {
    return isAscii(text) ? text : Normalizer.normalize(text, Normalizer.Form.NFC);
  }

  public static String nfkc(String text) {
    return isAscii(text) ? text : Normalizer.normalize(text, Normalizer.Form.NFKC);
  }

  private static boolean isAscii(String text) {
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) >= 0x80) {
        return false;
      }
    }
    return true;
  }
}
