package org.newsgraph.ingest.source;

import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.feed.synd.SyndLink;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedInput;
import com.rometools.rome.io.XmlReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.newsgraph.ingest.source.FeedDocument.Format;

/**
 * Reads RSS (0.9x to 2.0, 1.0) and Atom with Rome, and sitemaps (with the news extension) with
 * StAX. Neither resolves DTDs or external entities: a feed is untrusted input.
 */
final class FeedParser {

  private static final XMLInputFactory STAX = safeFactory();
  private static final String NEWS_NAMESPACE = "http://www.google.com/schemas/sitemap-news/0.9";

  private FeedParser() {}

  /**
   * @param base the feed's URL, against which relative entry links resolve
   * @param contentType the answer's Content-Type (it may name the charset), or null
   * @throws FetchFailure when the document is neither a feed nor a sitemap
   */
  static FeedDocument parse(byte[] body, String contentType, URI base) throws FetchFailure {
    String root = rootElement(body);
    if (root.equals("sitemapindex")) {
      throw new FetchFailure(
          "is a sitemap index; add one of the sitemaps it lists as a source", false);
    }
    return root.equals("urlset") ? sitemap(body, base) : feed(body, contentType, base);
  }

  private static FeedDocument feed(byte[] body, String contentType, URI base) throws FetchFailure {
    SyndFeed feed;
    try {
      feed = new SyndFeedInput().build(new XmlReader(new ByteArrayInputStream(body), contentType));
    } catch (FeedException | IOException | IllegalArgumentException e) {
      throw new FetchFailure("is not an RSS or Atom feed, nor a sitemap", false);
    }
    Format format =
        feed.getFeedType() != null && feed.getFeedType().startsWith("atom")
            ? Format.ATOM
            : Format.RSS;
    List<FeedEntry> entries = new ArrayList<>();
    for (SyndEntry entry : feed.getEntries()) {
      URI url = resolve(base, link(entry));
      if (url != null) {
        Date published =
            entry.getPublishedDate() != null ? entry.getPublishedDate() : entry.getUpdatedDate();
        entries.add(
            new FeedEntry(
                url,
                blankToNull(entry.getUri()),
                blankToNull(entry.getTitle()),
                published == null
                    ? null
                    : published.toInstant().atOffset(ZoneOffset.UTC).toLocalDate()));
      }
    }
    return new FeedDocument(format, entries);
  }

  /** The entry's page: its link, else its first alternate (or untyped) Atom link. */
  private static String link(SyndEntry entry) {
    if (entry.getLink() != null && !entry.getLink().isBlank()) {
      return entry.getLink();
    }
    for (SyndLink link : entry.getLinks()) {
      if (link.getRel() == null || link.getRel().equals("alternate")) {
        return link.getHref();
      }
    }
    return null;
  }

  private static FeedDocument sitemap(byte[] body, URI base) throws FetchFailure {
    List<FeedEntry> entries = new ArrayList<>();
    try {
      XMLStreamReader xml = STAX.createXMLStreamReader(new ByteArrayInputStream(body));
      int depth = 0;
      String loc = null;
      String title = null;
      LocalDate published = null;
      while (xml.hasNext()) {
        int event = xml.next();
        if (event == XMLStreamConstants.START_ELEMENT) {
          depth++;
          String name = xml.getLocalName();
          boolean news = NEWS_NAMESPACE.equals(xml.getNamespaceURI());
          if (depth == 2 && name.equals("url")) {
            loc = null;
            title = null;
            published = null;
          } else if (depth == 3 && name.equals("loc")) {
            loc = xml.getElementText(); // image and video extensions have a loc of their own
            depth--;
          } else if (news && name.equals("title")) {
            title = blankToNull(xml.getElementText());
            depth--;
          } else if (news && name.equals("publication_date")) {
            published = day(xml.getElementText());
            depth--;
          }
          // lastmod is when the page changed, not when it was published
        } else if (event == XMLStreamConstants.END_ELEMENT) {
          if (depth == 2 && xml.getLocalName().equals("url")) {
            URI url = resolve(base, loc);
            if (url != null) {
              entries.add(new FeedEntry(url, null, title, published));
            }
          }
          depth--;
        }
      }
    } catch (XMLStreamException e) {
      throw new FetchFailure("is a sitemap that is not well-formed XML", false);
    }
    return new FeedDocument(Format.SITEMAP, entries);
  }

  private static String rootElement(byte[] body) throws FetchFailure {
    try {
      XMLStreamReader xml = STAX.createXMLStreamReader(new ByteArrayInputStream(body));
      while (xml.hasNext()) {
        if (xml.next() == XMLStreamConstants.START_ELEMENT) {
          return xml.getLocalName();
        }
      }
    } catch (XMLStreamException e) {
      // falls through: not XML at all
    }
    throw new FetchFailure("is not XML, so neither a feed nor a sitemap", false);
  }

  /** A W3C date or date-time ({@code 2024-03-24}, {@code 2024-03-24T09:30:00+01:00}): its day. */
  private static LocalDate day(String value) {
    String text = value.strip();
    if (text.length() < 10) {
      return null;
    }
    try {
      return LocalDate.parse(text.substring(0, 10));
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  /** An absolute http(s) URL, or null for anything else (the entry is then left out). */
  private static URI resolve(URI base, String link) {
    if (link == null || link.isBlank()) {
      return null;
    }
    try {
      URI url = base.resolve(new URI(link.strip()));
      String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
      return (scheme.equals("http") || scheme.equals("https")) && url.getHost() != null
          ? url
          : null;
    } catch (URISyntaxException e) {
      return null;
    }
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }

  private static XMLInputFactory safeFactory() {
    XMLInputFactory factory = XMLInputFactory.newFactory();
    factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    factory.setProperty(XMLInputFactory.IS_COALESCING, true);
    return factory;
  }
}
