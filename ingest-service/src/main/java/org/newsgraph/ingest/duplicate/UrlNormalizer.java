package org.newsgraph.ingest.duplicate;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The key under which two URLs of the same article match: scheme and host in lower case, no default
 * port, no fragment, no tracking parameters, remaining parameters sorted, no trailing slash.
 */
public final class UrlNormalizer {

  private static final Set<String> TRACKING =
      Set.of(
          "fbclid",
          "gclid",
          "dclid",
          "gbraid",
          "wbraid",
          "msclkid",
          "yclid",
          "twclid",
          "igshid",
          "mc_cid",
          "mc_eid",
          "_ga",
          "_gl",
          "ocid",
          "cmpid",
          "ref_src",
          "ref_url",
          "guccounter",
          "__twitter_impression",
          "s_kwcid",
          "ito",
          "smid",
          "sr_share");

  private UrlNormalizer() {}

  /**
   * @return the key, or empty when the value is not an absolute http(s) URL
   */
  public static Optional<String> key(String url) {
    URI uri;
    try {
      uri = new URI(url.strip());
    } catch (URISyntaxException e) {
      return Optional.empty();
    }
    String scheme = uri.getScheme() == null ? null : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!"http".equals(scheme) && !"https".equals(scheme) || uri.getHost() == null) {
      return Optional.empty();
    }
    StringBuilder key = new StringBuilder(scheme).append("://");
    key.append(uri.getHost().toLowerCase(Locale.ROOT));
    int port = uri.getPort();
    if (port != -1
        && !(port == 80 && scheme.equals("http"))
        && !(port == 443 && scheme.equals("https"))) {
      key.append(':').append(port);
    }
    String path = uri.getRawPath() == null ? "" : uri.getRawPath();
    while (path.endsWith("/")) {
      path = path.substring(0, path.length() - 1);
    }
    key.append(path);
    String query = uri.getRawQuery();
    if (query != null) {
      String kept =
          Arrays.stream(query.split("&"))
              .filter(parameter -> !parameter.isEmpty() && !isTracking(parameter))
              .sorted()
              .collect(Collectors.joining("&"));
      if (!kept.isEmpty()) {
        key.append('?').append(kept);
      }
    }
    return Optional.of(key.toString());
  }

  private static boolean isTracking(String parameter) {
    String name = parameter.split("=", 2)[0].toLowerCase(Locale.ROOT);
    return name.startsWith("utm_") || TRACKING.contains(name);
  }
}
