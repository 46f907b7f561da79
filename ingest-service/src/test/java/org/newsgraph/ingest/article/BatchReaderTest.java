package org.newsgraph.ingest.article;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.newsgraph.common.problem.ProblemException;

class BatchReaderTest {

  private final List<String> seen = new ArrayList<>();

  private final BatchReader.Sink sink =
      new BatchReader.Sink() {
        @Override
        public boolean item(int index, ArticleRequest request) {
          seen.add(index + ":" + request.text());
          return true;
        }

        @Override
        public boolean rejected(int index, ProblemException problem) {
          seen.add(index + ":rejected " + problem.status());
          return true;
        }
      };

  /** Hands out the bytes a few at a time, as a network stream does. */
  private static InputStream trickle(String body, int chunk) {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    return new ByteArrayInputStream(bytes) {
      @Override
      public synchronized int read(byte[] b, int off, int len) {
        return super.read(b, off, Math.min(len, chunk));
      }
    };
  }

  @Test
  void ndjsonLinesWhateverTheChunking() {
    String body =
        "{\"text\":\"a\"}\n\n{\"text\":\n{\"text\":\"" + "x".repeat(50) + "\"}\r\n{\"text\":\"c\"}";
    for (int chunk : new int[] {1, 3, 7, 1000}) {
      seen.clear();
      new BatchReader(new ObjectMapper(), 40).readNdjson(trickle(body, chunk), sink);
      assertEquals(
          List.of("0:a", "1:rejected 400", "2:rejected 413", "3:c"), seen, "chunk " + chunk);
    }
  }

  @Test
  void jsonArrayItems() {
    new BatchReader(new ObjectMapper(), 100)
        .readArray(trickle("[{\"text\":\"a\"}, 1, {\"text\":\"b\"}]", 5), sink);
    assertEquals(List.of("0:a", "1:rejected 400", "2:b"), seen);
  }
}
