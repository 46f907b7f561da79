package org.newsgraph.ingest.duplicate;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.newsgraph.ingest.cleaning.Unicode;

/**
 * The words of a text, as compared for duplicates: compatibility-normalised, lower case, letters
 * and digits only, so that formatting, punctuation and typography do not make two copies differ.
 */
public final class TextFingerprint {

  private static final Pattern NOT_WORD = Pattern.compile("[^\\p{L}\\p{N}\\p{M}]+");

  private TextFingerprint() {}

  public static List<String> words(String text) {
    String normal = Unicode.nfkc(text).toLowerCase(Locale.ROOT);
    List<String> words = new ArrayList<>();
    for (String word : NOT_WORD.split(normal)) {
      if (!word.isEmpty()) {
        words.add(word);
      }
    }
    return words;
  }

  /** SHA-256 of the text's words joined by single spaces. */
  public static byte[] hash(List<String> words) {
    try {
      return MessageDigest.getInstance("SHA-256")
          .digest(String.join(" ", words).getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }
}
