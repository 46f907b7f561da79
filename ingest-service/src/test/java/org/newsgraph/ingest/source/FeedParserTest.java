package org.newsgraph.ingest.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.newsgraph.ingest.source.FeedDocument.Format;
import org.newsgraph.ingest.source.Feeds.Item;

class FeedParserTest {

  private static final URI BASE = URI.create("https://outlet.example/feeds/world.xml");

  private static FeedDocument parse(String xml) throws FetchFailure {
    return FeedParser.parse(xml.getBytes(StandardCharsets.UTF_8), null, BASE);
  }

  @Test
  void readsRssEntriesWithGuidTitleAndDate() throws FetchFailure {
    FeedDocument feed =
        parse(
            Feeds.rss(
                List.of(
                    new Item(
                        "https://outlet.example/a", "guid-a", "First", LocalDate.of(2024, 3, 24)),
                    new Item("/news/b", null, "Second", null))));
    assertEquals(Format.RSS, feed.format());
    assertEquals(2, feed.entries().size());
    FeedEntry first = feed.entries().get(0);
    assertEquals(URI.create("https://outlet.example/a"), first.url());
    assertEquals("guid-a", first.guid());
    assertEquals("First", first.title());
    assertEquals(LocalDate.of(2024, 3, 24), first.publishedAt());
    FeedEntry second = feed.entries().get(1);
    assertEquals(URI.create("https://outlet.example/news/b"), second.url(), "resolved on the feed");
    assertNull(second.publishedAt());
  }

  @Test
  void readsAtomEntries() throws FetchFailure {
    FeedDocument feed =
        parse(
            Feeds.atom(
                List.of(
                    new Item(
                        "https://outlet.example/x",
                        "urn:x",
                        "Atom one",
                        LocalDate.of(2024, 2, 1)))));
    assertEquals(Format.ATOM, feed.format());
    FeedEntry entry = feed.entries().get(0);
    assertEquals(URI.create("https://outlet.example/x"), entry.url());
    assertEquals("urn:x", entry.guid());
    assertEquals(LocalDate.of(2024, 2, 1), entry.publishedAt());
  }

  @Test
  void readsNewsSitemapsButNotTheirImagesOrModificationDates() throws FetchFailure {
    FeedDocument sitemap =
        parse(
            Feeds.sitemap(
                List.of(
                    new Item(
                        "https://outlet.example/s1",
                        null,
                        "Sitemap news",
                        LocalDate.of(2024, 5, 6)),
                    new Item("https://outlet.example/s2", null, null, null))));
    assertEquals(Format.SITEMAP, sitemap.format());
    assertEquals(2, sitemap.entries().size(), "the image's loc is not an entry");
    assertEquals(
        new FeedEntry(
            URI.create("https://outlet.example/s1"),
            null,
            "Sitemap news",
            LocalDate.of(2024, 5, 6)),
        sitemap.entries().get(0));
    assertNull(sitemap.entries().get(1).publishedAt(), "lastmod is no publication date");
    assertNull(sitemap.entries().get(1).title());
  }

  @Test
  void leavesOutEntriesThatLinkToNoWebPage() throws FetchFailure {
    FeedDocument feed =
        parse(
            Feeds.rss(
                List.of(
                    new Item("mailto:desk@outlet.example", null, "Mail", null),
                    new Item("javascript:alert(1)", null, "Script", null),
                    new Item("https://outlet.example/ok", null, "Fine", null))));
    assertEquals(1, feed.entries().size());
  }

  @Test
  void refusesSitemapIndexesAndWhatIsNoFeed() {
    String index =
        "<sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">"
            + "<sitemap><loc>https://outlet.example/s.xml</loc></sitemap></sitemapindex>";
    assertTrue(assertThrows(FetchFailure.class, () -> parse(index)).getMessage().contains("index"));
    assertThrows(FetchFailure.class, () -> parse("<html><body>Hello</body></html>"));
    assertThrows(FetchFailure.class, () -> parse("not xml at all"));
  }

  @Test
  void neverResolvesExternalEntities() {
    String xxe =
        """
        <?xml version="1.0"?>
        <!DOCTYPE rss [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
        <rss version="2.0"><channel><title>&secret;</title><item><title>&secret;</title>
        <link>https://outlet.example/a</link></item></channel></rss>""";
    assertThrows(FetchFailure.class, () -> parse(xxe));
    String sitemap =
        """
        <?xml version="1.0"?>
        <!DOCTYPE urlset [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
        <urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
        <url><loc>https://outlet.example/&secret;</loc></url></urlset>""";
    FetchFailure failure = assertThrows(FetchFailure.class, () -> parse(sitemap));
    assertTrue(failure.getMessage().contains("sitemap"), failure.getMessage());
  }
}
