package org.newsgraph.ingest.cleaning;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import net.dankito.readability4j.Article;
import net.dankito.readability4j.Readability4J;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.NodeTraversor;

/** Reduces an HTML page to its article with Readability4J, and reads the page's metadata. */
@ApplicationScoped
public class HtmlExtractor {

  private static final List<String> DATE_METAS =
      List.of(
          "meta[property=article:published_time]",
          "meta[name=article:published_time]",
          "meta[itemprop=datePublished]",
          "meta[property=og:published_time]",
          "meta[name=pubdate]",
          "meta[name=publishdate]",
          "meta[name=publish-date]",
          "meta[name=date]",
          "meta[name=dc.date]",
          "meta[name=DC.date.issued]",
          "meta[name=sailthru.date]",
          "meta[name=parsely-pub-date]");

  /** Nesting beyond which Readability is not run; real pages stay well under 100. */
  private static final int MAX_READABLE_DEPTH = 256;

  private static final String BLOCKS = "p, h1, h2, h3, h4, h5, h6, li, blockquote, pre";
  private static final Set<String> BLOCK_NAMES =
      Set.of("p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "blockquote", "pre");

  private final ObjectMapper json;

  public HtmlExtractor(ObjectMapper json) {
    this.json = json;
  }

  public HtmlPage extract(String html, String url) {
    String base = url == null ? "" : url;
    Document document = Jsoup.parse(html, base);
    // metadata first: Readability rewrites the document it is given
    String canonical = canonicalUrl(document);
    LocalDate published = publishedAt(document);
    String metaTitle = attribute(document, "meta[property=og:title]", "content");
    if (depth(document) > MAX_READABLE_DEPTH) {
      // Readability recurses once per level and overflows the stack on a hostile page (10,000
      // nested elements); no real article nests this deep, so take the page's text as it is
      return new HtmlPage(
          firstPresent(metaTitle, document.title()), document.body().text(), canonical, published);
    }
    Article article = new Readability4J(base, document).parse();
    String title = firstPresent(metaTitle, article.getTitle(), document.title());
    Element content = article.getArticleContent();
    String text = content == null ? document.body().text() : paragraphs(content);
    return new HtmlPage(title, text, canonical, published);
  }

  /** The deepest element nesting, counted without recursion. */
  private static int depth(Document document) {
    int[] deepest = {0};
    NodeTraversor.traverse((node, depth) -> deepest[0] = Math.max(deepest[0], depth), document);
    return deepest[0];
  }

  private static String paragraphs(Element content) {
    List<String> paragraphs = new ArrayList<>();
    for (Element block : content.select(BLOCKS)) {
      if (block.parents().stream().noneMatch(parent -> BLOCK_NAMES.contains(parent.normalName()))) {
        String text = block.text().strip();
        if (!text.isEmpty()) {
          paragraphs.add(text);
        }
      }
    }
    String joined = String.join("\n\n", paragraphs);
    // text outside any paragraph element (bare text in divs) would be lost; then take it all
    String whole = content.text();
    return joined.length() * 2 < whole.length() ? whole : joined;
  }

  private static String canonicalUrl(Document document) {
    Element link = document.selectFirst("link[rel=canonical][href]");
    if (link != null && !link.absUrl("href").isEmpty()) {
      return link.absUrl("href");
    }
    return attribute(document, "meta[property=og:url]", "content");
  }

  private LocalDate publishedAt(Document document) {
    for (String selector : DATE_METAS) {
      Optional<LocalDate> date = Dates.parseIsoLeniently(attribute(document, selector, "content"));
      if (date.isPresent()) {
        return date.get();
      }
    }
    for (Element script : document.select("script[type=application/ld+json]")) {
      Optional<LocalDate> date = jsonLdDate(script.data());
      if (date.isPresent()) {
        return date.get();
      }
    }
    for (Element time : document.select("time[datetime]")) {
      Optional<LocalDate> date = Dates.parseIsoLeniently(time.attr("datetime"));
      if (date.isPresent()) {
        return date.get();
      }
    }
    return null;
  }

  private Optional<LocalDate> jsonLdDate(String data) {
    try {
      return firstDatePublished(json.readTree(data));
    } catch (java.io.IOException e) {
      return Optional.empty(); // broken JSON-LD is common on the web; other sources remain
    }
  }

  private static Optional<LocalDate> firstDatePublished(JsonNode node) {
    if (node == null) {
      return Optional.empty();
    }
    if (node.isObject() && node.hasNonNull("datePublished")) {
      Optional<LocalDate> date = Dates.parseIsoLeniently(node.get("datePublished").asText());
      if (date.isPresent()) {
        return date;
      }
    }
    if (node.isContainerNode()) {
      for (JsonNode child : node) {
        Optional<LocalDate> date = firstDatePublished(child);
        if (date.isPresent()) {
          return date;
        }
      }
    }
    return Optional.empty();
  }

  private static String attribute(Document document, String selector, String attribute) {
    Element element = document.selectFirst(selector);
    if (element == null) {
      return null;
    }
    String value = element.attr(attribute).strip();
    return value.isEmpty() ? null : value;
  }

  private static String firstPresent(String... values) {
    for (String value : values) {
      if (value != null && !value.isBlank()) {
        return value.strip();
      }
    }
    return null;
  }
}
