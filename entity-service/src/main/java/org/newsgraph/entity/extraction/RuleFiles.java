package org.newsgraph.entity.extraction;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * The rule files of one language, under {@code rules/<language>/} on the class path. Everything
 * read is hashed, so that the extractor's version names the exact rules that produced a result: a
 * changed lexicon line is a new version without anyone remembering to bump a number.
 */
public final class RuleFiles {

  private final String language;
  private final MessageDigest digest;

  public RuleFiles(String language) {
    this.language = language;
    try {
      this.digest = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  public String language() {
    return language;
  }

  /** Whether the language has a rule file of this name. */
  public boolean has(String name) {
    return RuleFiles.class.getClassLoader().getResource("rules/" + language + "/" + name) != null;
  }

  /** The lines of a rule file that are neither blank nor comments, trimmed. */
  public List<String> lines(String name) {
    String resource = "rules/" + language + "/" + name;
    byte[] bytes;
    try (InputStream in = RuleFiles.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("missing rule file " + resource);
      }
      bytes = in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    synchronized (digest) {
      digest.update(resource.getBytes(StandardCharsets.UTF_8));
      digest.update(bytes);
    }
    List<String> out = new ArrayList<>();
    for (String line : new String(bytes, StandardCharsets.UTF_8).split("\n")) {
      String trimmed = line.strip();
      if (!trimmed.isEmpty() && !trimmed.startsWith("#")) {
        out.add(line.stripTrailing());
      }
    }
    return out;
  }

  /** A short hash of every file read so far. */
  public String hash() {
    synchronized (digest) {
      try {
        MessageDigest copy = (MessageDigest) digest.clone();
        return HexFormat.of().formatHex(copy.digest()).substring(0, 12);
      } catch (CloneNotSupportedException e) {
        throw new IllegalStateException(e);
      }
    }
  }
}
