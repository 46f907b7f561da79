package org.newsgraph.ingest.source;

import java.time.LocalDate;
import java.util.List;
import org.newsgraph.ingest.article.Texts;

/** Feeds, sitemaps and article pages as outlets publish them, with invented text. */
final class Feeds {

  static final String RSS_TYPE = "application/rss+xml; charset=utf-8";
  static final String HTML_TYPE = "text/html; charset=utf-8";

  /** An entry to list: its page's URL, the GUID (or null) and the date the feed gives (or null). */
  record Item(String url, String guid, String title, LocalDate published) {}

  private Feeds() {}

  static String rss(List<Item> items) {
    StringBuilder xml =
        new StringBuilder(
            """
            <?xml version="1.0" encoding="UTF-8"?>
            <rss version="2.0"><channel><title>Test outlet</title>
            <link>http://outlet.invalid/</link><description>news</description>
            """);
    for (Item item : items) {
      xml.append("<item><title>").append(item.title()).append("</title>");
      xml.append("<link>").append(item.url()).append("</link>");
      if (item.guid() != null) {
        xml.append("<guid isPermaLink=\"false\">").append(item.guid()).append("</guid>");
      }
      if (item.published() != null) {
        xml.append("<pubDate>")
            .append(
                java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME.format(
                    item.published().atTime(10, 0).atOffset(java.time.ZoneOffset.UTC)))
            .append("</pubDate>");
      }
      xml.append("</item>\n");
    }
    return xml.append("</channel></rss>\n").toString();
  }

  static String atom(List<Item> items) {
    StringBuilder xml =
        new StringBuilder(
            """
            <?xml version="1.0" encoding="utf-8"?>
            <feed xmlns="http://www.w3.org/2005/Atom"><title>Test outlet</title>
            <id>urn:test:outlet</id><updated>2024-03-24T10:00:00Z</updated>
            """);
    for (Item item : items) {
      xml.append("<entry><title>").append(item.title()).append("</title>");
      xml.append("<link rel=\"alternate\" href=\"").append(item.url()).append("\"/>");
      xml.append("<id>").append(item.guid() == null ? item.url() : item.guid()).append("</id>");
      String day = item.published() == null ? "2024-01-01" : item.published().toString();
      xml.append("<updated>").append(day).append("T10:00:00Z</updated>");
      if (item.published() != null) {
        xml.append("<published>").append(day).append("T10:00:00Z</published>");
      }
      xml.append("</entry>\n");
    }
    return xml.append("</feed>\n").toString();
  }

  static String sitemap(List<Item> items) {
    StringBuilder xml =
        new StringBuilder(
            """
            <?xml version="1.0" encoding="UTF-8"?>
            <urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"
                    xmlns:news="http://www.google.com/schemas/sitemap-news/0.9"
                    xmlns:image="http://www.google.com/schemas/sitemap-image/1.1">
            """);
    for (Item item : items) {
      xml.append("<url><loc>").append(item.url()).append("</loc>");
      xml.append("<lastmod>2030-01-01</lastmod>");
      xml.append(
          "<image:image><image:loc>http://outlet.invalid/picture.jpg</image:loc></image:image>");
      if (item.published() != null) {
        xml.append("<news:news><news:publication><news:name>Test outlet</news:name>")
            .append("<news:language>en</news:language></news:publication>")
            .append("<news:publication_date>")
            .append(item.published())
            .append("T08:00:00+01:00</news:publication_date>")
            .append("<news:title>")
            .append(item.title())
            .append("</news:title></news:news>");
      }
      xml.append("</url>\n");
    }
    return xml.append("</urlset>\n").toString();
  }

  /** An article page with invented text; dated in its metadata when {@code published} is set. */
  static String page(String headline, LocalDate published) {
    return page(headline, published, 3);
  }

  static String page(String headline, LocalDate published, int paragraphs) {
    String meta =
        published == null
            ? ""
            : "<meta property=\"article:published_time\" content=\"" + published + "T09:00:00Z\">";
    StringBuilder body = new StringBuilder();
    for (String paragraph : Texts.article(paragraphs).split("\n\n")) {
      body.append("<p>").append(paragraph).append("</p>\n");
    }
    return "<!doctype html><html><head><title>"
        + headline
        + "</title>"
        + meta
        + "</head><body><nav><a href=\"/\">Home</a></nav><article><h1>"
        + headline
        + "</h1>"
        + body
        + "</article><footer>Copyright</footer></body></html>";
  }
}
