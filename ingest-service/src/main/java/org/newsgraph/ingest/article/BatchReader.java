package org.newsgraph.ingest.article;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.newsgraph.common.problem.ProblemException;

/**
 * Reads the items of a batch one at a time from the request stream, never holding more than one
 * item in memory: NDJSON line by line (a bad line is rejected alone and reading goes on), a JSON
 * array with Jackson's streaming parser (a syntax error ends the batch, since the parser cannot
 * find the next element after it).
 */
final class BatchReader {

  /** Receives each item, or the reason it could not be read. */
  interface Sink {
    /**
     * @return false to stop reading
     */
    boolean item(int index, ArticleRequest request);

    /**
     * @return false to stop reading
     */
    boolean rejected(int index, ProblemException problem);
  }

  private final ObjectMapper mapper;
  private final int maxArticleBytes;

  BatchReader(ObjectMapper mapper, int maxArticleBytes) {
    this.mapper = mapper;
    this.maxArticleBytes = maxArticleBytes;
  }

  void readNdjson(InputStream body, Sink sink) {
    byte[] buffer = new byte[64 * 1024];
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    boolean oversize = false;
    int index = 0;
    try {
      int read;
      do {
        read = body.read(buffer);
        int start = 0;
        int end = read == -1 ? 0 : read;
        for (int i = 0; i <= end; i++) {
          boolean lineEnds = i < end ? buffer[i] == '\n' : read == -1;
          if (i == end && !lineEnds) {
            // the line goes on in the next buffer
            oversize = oversize || append(line, buffer, start, end - start);
            break;
          }
          if (!lineEnds) {
            continue;
          }
          oversize = oversize || append(line, buffer, start, i - start);
          start = i + 1;
          if (oversize || !isBlank(line)) {
            boolean more =
                oversize
                    ? sink.rejected(
                        index, RequestBodies.tooLarge("[" + index + "]", maxArticleBytes))
                    : parseLine(index, line.toByteArray(), sink);
            index++;
            if (!more) {
              return;
            }
          }
          line.reset();
          oversize = false;
        }
      } while (read != -1);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Adds to the current line unless that makes it too long.
   *
   * @return true when the line is now too long (its bytes are then dropped, not kept)
   */
  private boolean append(ByteArrayOutputStream line, byte[] buffer, int from, int length) {
    if (line.size() + length > maxArticleBytes) {
      line.reset();
      return true;
    }
    line.write(buffer, from, length);
    return false;
  }

  private boolean parseLine(int index, byte[] line, Sink sink) {
    ArticleRequest request;
    try {
      request = mapper.readValue(line, ArticleRequest.class);
    } catch (JsonProcessingException e) {
      return sink.rejected(index, RequestBodies.invalidJson("[" + index + "]", e));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (request == null) {
      return sink.rejected(index, ProblemException.invalid("[" + index + "]", "is not an object"));
    }
    return sink.item(index, request);
  }

  void readArray(InputStream body, Sink sink) {
    JsonFactory factory =
        mapper
            .getFactory()
            .copy()
            .setStreamReadConstraints(
                StreamReadConstraints.builder().maxStringLength(maxArticleBytes).build());
    int index = 0;
    try (JsonParser parser = factory.createParser(body)) {
      // each item is read from the middle of the array: what follows it is the rest of the batch
      parser.setCodec(mapper.reader().without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS));
      if (parser.nextToken() != JsonToken.START_ARRAY) {
        throw ProblemException.invalid("body", "must be a JSON array of articles");
      }
      while (true) {
        JsonToken token;
        JsonNode node;
        try {
          token = parser.nextToken();
          if (token == JsonToken.END_ARRAY || token == null) {
            return;
          }
          node = parser.readValueAsTree();
        } catch (StreamConstraintsException e) {
          sink.rejected(index, RequestBodies.tooLarge("[" + index + "]", maxArticleBytes));
          return;
        } catch (JsonProcessingException e) {
          sink.rejected(index, RequestBodies.invalidJson("[" + index + "]", e));
          return;
        }
        boolean more;
        if (!node.isObject()) {
          more =
              sink.rejected(index, ProblemException.invalid("[" + index + "]", "is not an object"));
        } else {
          try {
            more = sink.item(index, mapper.treeToValue(node, ArticleRequest.class));
          } catch (JsonProcessingException e) {
            more = sink.rejected(index, RequestBodies.invalidJson("[" + index + "]", e));
          }
        }
        index++;
        if (!more) {
          return;
        }
      }
    } catch (JsonProcessingException e) {
      throw RequestBodies.invalidJson("body", e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static boolean isBlank(ByteArrayOutputStream line) {
    if (line.size() > 16) {
      return false; // a JSON object has no more than a few spaces around it
    }
    for (byte b : line.toByteArray()) {
      if (b != ' ' && b != '\t' && b != '\r') {
        return false;
      }
    }
    return true;
  }
}
