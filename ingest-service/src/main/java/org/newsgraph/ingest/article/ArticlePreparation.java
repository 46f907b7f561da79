package org.newsgraph.ingest.article;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.newsgraph.common.problem.Problem.FieldError;
import org.newsgraph.common.problem.ProblemException;
import org.newsgraph.ingest.IngestConfig;
import org.newsgraph.ingest.cleaning.CleanedText;
import org.newsgraph.ingest.cleaning.Dates;
import org.newsgraph.ingest.cleaning.HtmlExtractor;
import org.newsgraph.ingest.cleaning.HtmlPage;
import org.newsgraph.ingest.cleaning.TextCleaner;
import org.newsgraph.ingest.cleaning.Unicode;
import org.newsgraph.ingest.duplicate.MinHash;
import org.newsgraph.ingest.duplicate.TextFingerprint;
import org.newsgraph.ingest.duplicate.UrlNormalizer;
import org.newsgraph.ingest.language.DetectedLanguages;
import org.newsgraph.ingest.language.LanguageDetection;

/**
 * Validates a request and turns it into an unsaved {@link Article}: cleaned text, title, date,
 * language and fingerprints. Runs outside any transaction, since cleaning and language detection
 * are the expensive part.
 */
@ApplicationScoped
class ArticlePreparation {

  private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2}");
  private static final Pattern SPACES = Pattern.compile("[\\p{Z}\\s\\p{Cc}]+");
  private static final int MAX_FIELD_CHARS = 2000;

  private final HtmlExtractor html;
  private final LanguageDetection languages;
  private final int maxTextChars;

  ArticlePreparation(HtmlExtractor html, LanguageDetection languages, IngestConfig config) {
    this.html = html;
    this.languages = languages;
    this.maxTextChars = config.maxTextChars();
  }

  /**
   * @throws ProblemException naming every invalid field
   */
  Article prepare(ArticleRequest request) {
    List<FieldError> errors = new ArrayList<>();
    boolean hasText = request.text() != null;
    boolean hasHtml = request.html() != null;
    if (hasText == hasHtml) {
      String message = "exactly one of text or html is required";
      errors.add(new FieldError("text", message));
      errors.add(new FieldError("html", message));
    }
    String url = line(request.url(), "url", errors);
    String urlKey = null;
    if (url != null) {
      urlKey = UrlNormalizer.key(url).orElse(null);
      if (urlKey == null) {
        errors.add(new FieldError("url", "must be an absolute http or https URL"));
      }
    }
    LocalDate publishedAt = null;
    if (request.publishedAt() != null && !request.publishedAt().isBlank()) {
      try {
        publishedAt = Dates.parseIso(request.publishedAt()).orElse(null);
        if (publishedAt == null) {
          errors.add(new FieldError("publishedAt", "must be a date of the form YYYY-MM-DD"));
        }
      } catch (DateTimeException e) {
        errors.add(new FieldError("publishedAt", "names a day or a time that does not exist"));
      }
    }
    String language = line(request.language(), "language", errors);
    if (language != null) {
      language = language.toLowerCase(Locale.ROOT);
      if (!LANGUAGE.matcher(language).matches()) {
        errors.add(new FieldError("language", "must be an ISO 639-1 code such as 'en'"));
      }
    }
    String title = line(request.title(), "title", errors);
    String source = line(request.source(), "source", errors);
    if (!errors.isEmpty()) {
      throw ProblemException.invalid(errors);
    }

    Article article = new Article();
    String body = hasText ? request.text() : request.html();
    String field = hasText ? "text" : "html";
    String pageTitle = null;
    LocalDate pageDate = null;
    if (hasHtml) {
      HtmlPage page = html.extract(withoutNul(body), url);
      pageTitle = page.title();
      pageDate = page.publishedAt();
      if (url == null && page.canonicalUrl() != null) {
        url = page.canonicalUrl();
        urlKey = UrlNormalizer.key(url).orElse(null);
        if (urlKey == null) {
          url = null; // a broken canonical link is the page's problem, not the caller's
        }
      }
      body = page.text();
    }
    CleanedText cleaned = TextCleaner.clean(body);
    if (cleaned.text().isBlank()) {
      throw ProblemException.invalid(
          field, hasText ? "is empty once white space is removed" : "holds no readable text");
    }
    if (cleaned.text().length() > maxTextChars) {
      throw new ProblemException(
          413,
          "Payload Too Large",
          field + " holds more than " + maxTextChars + " characters of text",
          List.of(
              new FieldError(field, "holds more than " + maxTextChars + " characters of text")));
    }
    List<String> words = TextFingerprint.words(cleaned.text());
    if (words.isEmpty()) {
      throw ProblemException.invalid(field, "holds no words");
    }

    article.url = url;
    article.urlKey = urlKey;
    article.source = source;
    article.title = firstPresent(title, pageLine(pageTitle), pageLine(cleaned.headline()));
    article.text = cleaned.text();
    article.textHash = TextFingerprint.hash(words);
    article.rawContent = withoutNul(hasText ? request.text() : request.html());
    article.rawContentType = hasText ? "text/plain" : "text/html";
    if (publishedAt != null) {
      article.publishedAt = publishedAt;
      article.publishedAtOrigin = "METADATA";
    } else if (pageDate != null) {
      article.publishedAt = pageDate;
      article.publishedAtOrigin = "METADATA";
    } else if (cleaned.publishedAt() != null) {
      article.publishedAt = cleaned.publishedAt();
      article.publishedAtOrigin = "TEXT";
    }
    DetectedLanguages detected = languages.detect(cleaned.text());
    article.languages = detected.all();
    if (language != null) {
      article.language = language;
    } else {
      article.language = detected.best();
      article.languageConfidence =
          detected.confidence() == null ? null : detected.confidence().floatValue();
    }
    article.minhash = MinHash.signature(words);
    article.minhashBands = article.minhash == null ? null : MinHash.bands(article.minhash);
    return article;
  }

  /** A one-line field: NFC, single spaces, trimmed; null when blank; bounded in length. */
  private static String line(String value, String field, List<FieldError> errors) {
    String normal = normalLine(value);
    if (normal != null && normal.length() > MAX_FIELD_CHARS) {
      errors.add(new FieldError(field, "is longer than " + MAX_FIELD_CHARS + " characters"));
      return null;
    }
    return normal;
  }

  /** A one-line value found in the page: normalised like a field, cut rather than refused. */
  private static String pageLine(String value) {
    String normal = normalLine(value);
    return normal != null && normal.length() > MAX_FIELD_CHARS
        ? normal.substring(0, MAX_FIELD_CHARS)
        : normal;
  }

  private static String normalLine(String value) {
    if (value == null) {
      return null;
    }
    String normal = SPACES.matcher(Unicode.nfc(value)).replaceAll(" ").strip();
    return normal.isEmpty() ? null : normal;
  }

  /** PostgreSQL text cannot hold NUL. */
  private static String withoutNul(String value) {
    return value.indexOf('\0') < 0 ? value : value.replace("\0", "");
  }

  private static String firstPresent(String... values) {
    for (String value : values) {
      if (value != null) {
        return value;
      }
    }
    return null;
  }
}
