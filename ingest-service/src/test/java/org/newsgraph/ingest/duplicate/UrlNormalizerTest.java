package org.newsgraph.ingest.duplicate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class UrlNormalizerTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "https://news.example.com/a/b?x=1&y=2",
        "HTTPS://News.Example.COM/a/b?y=2&x=1",
        "https://news.example.com:443/a/b/?x=1&y=2#top",
        "https://news.example.com/a/b?utm_source=t&x=1&utm_campaign=c&y=2&fbclid=Z&gclid=Q",
        "  https://news.example.com/a/b//?x=1&y=2&  "
      })
  void spellingsOfOneUrlShareAKey(String url) {
    assertEquals(Optional.of("https://news.example.com/a/b?x=1&y=2"), UrlNormalizer.key(url));
  }

  @ParameterizedTest
  @ValueSource(strings = {"not a url", "ftp://example.com/file", "/relative/path", "mailto:x@y.z"})
  void onlyAbsoluteWebUrlsHaveAKey(String url) {
    assertTrue(UrlNormalizer.key(url).isEmpty());
  }

  @ParameterizedTest
  @ValueSource(strings = {"http://example.com:8080/a", "http://example.com/A"})
  void portsAndPathCaseMatter(String url) {
    assertTrue(!UrlNormalizer.key(url).orElseThrow().equals("http://example.com/a"));
  }
}
