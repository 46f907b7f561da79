package org.newsgraph.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** The dev-set articles in the repository's {@code seeds/} directory. */
public final class Seeds {

  private static final Path DIRECTORY = Path.of("..", "seeds");

  private Seeds() {}

  /** The seed whose file name starts with the given number, e.g. "001". */
  public static String read(String number) {
    try (Stream<Path> files = Files.list(DIRECTORY)) {
      Path file =
          files
              .filter(path -> path.getFileName().toString().startsWith(number + "_"))
              .findFirst()
              .orElseThrow(() -> new IllegalArgumentException("no seed " + number));
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
