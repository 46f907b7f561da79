package org.newsgraph.entity.place;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.Set;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.newsgraph.entity.place.GeoPlace.Kind;

/**
 * The world's populated places, administrative divisions, countries and sea areas, looked up by
 * name. Built from GeoNames data by {@code entity-service/src/gazetteer/build.py} into the resource
 * {@code place/gazetteer.tsv.gz}; country names in every language the JDK knows come from its
 * locale data, sea areas from the hand-made {@code place/seas.tsv}. Immutable and thread-safe.
 */
public final class Gazetteer {

  /** Words that name the kind of a division rather than the division ("Tver Oblast"). */
  static final Set<String> DIVISION_WORDS =
      Set.of(
          "province",
          "provinces",
          "region",
          "oblast",
          "governorate",
          "district",
          "state",
          "county",
          "prefecture",
          "krai",
          "kray",
          "raion",
          "rayon",
          "municipality",
          "department",
          "voivodeship",
          "territory",
          "division",
          "muhafazat",
          "wilayat",
          "autonomous",
          "okrug",
          "republic",
          "of");

  private static final Set<String> GENERIC_WORDS =
      Set.of(
          "",
          "north",
          "south",
          "east",
          "west",
          "northern",
          "southern",
          "eastern",
          "western",
          "central",
          "capital",
          "northeast",
          "northwest",
          "southeast",
          "southwest",
          "upper",
          "lower",
          "free",
          "federal",
          "national");

  private final Map<String, List<GeoPlace>> byName;
  private final Map<String, GeoPlace> countries;
  private final Map<String, GeoPlace> divisions;

  private Gazetteer(
      Map<String, List<GeoPlace>> byName,
      Map<String, GeoPlace> countries,
      Map<String, GeoPlace> divisions) {
    this.byName = byName;
    this.countries = countries;
    this.divisions = divisions;
  }

  private static final class Shipped {
    static final Gazetteer INSTANCE =
        read(resource("place/gazetteer.tsv.gz", true), resource("place/seas.tsv", false));
  }

  /** The gazetteer shipped with the service, loaded on first use (about a second). */
  public static Gazetteer shipped() {
    return Shipped.INSTANCE;
  }

  private static InputStream resource(String name, boolean gzip) {
    InputStream in = Gazetteer.class.getClassLoader().getResourceAsStream(name);
    if (in == null) {
      throw new IllegalStateException("missing resource " + name);
    }
    try {
      return gzip ? new GZIPInputStream(in, 1 << 16) : in;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Reads a gazetteer in the format build.py writes, and sea areas as {@code names<TAB>lat<TAB>lon}
   * lines with the names separated by "|".
   */
  static Gazetteer read(InputStream places, InputStream seas) {
    Map<String, List<GeoPlace>> byName = new HashMap<>(1 << 19);
    Map<String, GeoPlace> countries = new HashMap<>();
    Map<String, GeoPlace> divisions = new HashMap<>();
    Map<String, String> interned = new HashMap<>();
    try (BufferedReader in =
        new BufferedReader(new InputStreamReader(places, StandardCharsets.UTF_8), 1 << 16)) {
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        if (line.isEmpty() || line.startsWith("#")) {
          continue;
        }
        String[] f = line.split("\t", -1);
        switch (f[0]) {
          case "C" -> {
            String iso3 = iso3(f[1]);
            if (iso3 != null) {
              GeoPlace country =
                  new GeoPlace(
                      Kind.COUNTRY,
                      null,
                      null,
                      englishName(f[1]),
                      iso3,
                      null,
                      Double.parseDouble(f[2]),
                      Double.parseDouble(f[3]),
                      Long.parseLong(f[4]),
                      null);
              countries.put(iso3, country);
              for (String name : countryNames(f[1])) {
                add(byName, name, country);
              }
            }
          }
          case "A", "D" -> {
            String iso3 = iso3(f[1].substring(0, 2));
            if (iso3 != null) {
              String code = intern(interned, f[1]);
              String admin1 = f[0].equals("A") ? code : intern(interned, admin1Of(code));
              GeoPlace division =
                  new GeoPlace(
                      f[0].equals("A") ? Kind.ADMIN1 : Kind.ADMIN2,
                      null,
                      code,
                      f[5],
                      iso3,
                      admin1,
                      Double.parseDouble(f[2]),
                      Double.parseDouble(f[3]),
                      Long.parseLong(f[4]),
                      null);
              divisions.put(code, division);
              add(byName, f[5], division);
              String bare = withoutDivisionWords(key(f[5]));
              if (!bare.equals(key(f[5])) && !generic(bare)) {
                addKey(byName, bare, division);
              }
            }
          }
          case "P" -> {
            String iso3 = iso3(f[3]);
            if (iso3 != null) {
              GeoPlace place =
                  new GeoPlace(
                      f[2].equals("PPLX") ? Kind.QUARTER : Kind.CITY,
                      Long.valueOf(f[1]),
                      null,
                      f[8],
                      iso3,
                      f[4].isEmpty() ? null : intern(interned, f[3] + "." + f[4]),
                      Double.parseDouble(f[5]),
                      Double.parseDouble(f[6]),
                      Long.parseLong(f[7]),
                      intern(interned, f[2]));
              add(byName, f[8], place);
              if (!f[9].isEmpty()) {
                for (String alternate : f[9].split("\\|")) {
                  add(byName, alternate, place);
                }
              }
            }
          }
          default -> throw new IllegalStateException("unknown gazetteer line: " + line);
        }
      }
      readSeas(seas, byName);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new Gazetteer(byName, Map.copyOf(countries), Map.copyOf(divisions));
  }

  private static void readSeas(InputStream seas, Map<String, List<GeoPlace>> byName)
      throws IOException {
    try (BufferedReader in =
        new BufferedReader(new InputStreamReader(seas, StandardCharsets.UTF_8))) {
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        String[] f = line.split("\t");
        String[] names = f[0].split("\\|");
        GeoPlace sea =
            new GeoPlace(
                Kind.SEA,
                null,
                null,
                names[0],
                null,
                null,
                Double.parseDouble(f[1]),
                Double.parseDouble(f[2]),
                0,
                null);
        for (String name : names) {
          add(byName, name, sea);
        }
      }
    }
  }

  /** Every entry that goes by this name (any case, accents and punctuation). */
  public List<GeoPlace> named(String name) {
    return byName.getOrDefault(key(name), List.of());
  }

  /**
   * Entries named so once the words for a kind of division are left out ("Tver" of "Tver region").
   */
  List<GeoPlace> namedWithoutDivisionWords(String name) {
    String bare = withoutDivisionWords(key(name));
    return bare.isEmpty() ? List.of() : byName.getOrDefault(bare, List.of());
  }

  /** The country by its ISO 3166-1 alpha-3 code, or null. */
  public GeoPlace country(String iso3) {
    return iso3 == null ? null : countries.get(iso3);
  }

  /** An administrative division by its GeoNames code ("LB.09"), or null. */
  public GeoPlace division(String code) {
    return code == null ? null : divisions.get(code);
  }

  /** The number of distinct names the gazetteer knows. */
  public int names() {
    return byName.size();
  }

  /** Lower case, no accents, punctuation and runs of spaces as one space, no leading "the". */
  public static String key(String name) {
    boolean ascii = true;
    for (int i = 0; i < name.length() && ascii; i++) {
      ascii = name.charAt(i) < 128;
    }
    // decomposed, so that an accent is a mark of its own and can be dropped
    String text = ascii ? name : Normalizer.normalize(name, Normalizer.Form.NFD);
    StringBuilder out = new StringBuilder(text.length());
    boolean space = false;
    for (int i = 0; i < text.length(); i++) {
      char ch = text.charAt(i);
      if (ch == '\'' || ch == '’' || Character.getType(ch) == Character.NON_SPACING_MARK) {
        continue;
      }
      if (Character.isLetterOrDigit(ch)) {
        if (space && out.length() > 0) {
          out.append(' ');
        }
        space = false;
        out.append(Character.toLowerCase(ch));
      } else {
        space = true;
      }
    }
    String plain = out.toString();
    return plain.startsWith("the ") ? plain.substring(4) : plain;
  }

  static String withoutDivisionWords(String key) {
    List<String> words = new ArrayList<>(List.of(key.split(" ")));
    while (!words.isEmpty() && DIVISION_WORDS.contains(words.get(words.size() - 1))) {
      words.remove(words.size() - 1);
    }
    while (!words.isEmpty() && DIVISION_WORDS.contains(words.get(0))) {
      words.remove(0);
    }
    return String.join(" ", words);
  }

  /** "North" of "North Governorate": left alone, such a word names no place. */
  private static boolean generic(String bare) {
    for (String word : bare.split(" ")) {
      if (!GENERIC_WORDS.contains(word)) {
        return false;
      }
    }
    return true;
  }

  private static String admin1Of(String admin2Code) {
    return admin2Code.substring(0, admin2Code.lastIndexOf('.'));
  }

  private static void add(Map<String, List<GeoPlace>> byName, String name, GeoPlace place) {
    String key = key(name);
    if (!key.isEmpty()) {
      addKey(byName, key, place);
    }
  }

  private static void addKey(Map<String, List<GeoPlace>> byName, String key, GeoPlace place) {
    List<GeoPlace> entries = byName.computeIfAbsent(key, k -> new ArrayList<>(1));
    if (!entries.contains(place)) {
      entries.add(place);
    }
  }

  private static String intern(Map<String, String> interned, String value) {
    return interned.computeIfAbsent(value, v -> v);
  }

  private static final Map<String, String> ISO3 = new HashMap<>();

  /** ISO 3166-1 alpha-3 of an alpha-2 code, from the JDK; Kosovo (XK) has no ISO code: XKX. */
  static synchronized String iso3(String iso2) {
    return ISO3.computeIfAbsent(
        iso2,
        code -> {
          if (code.equals("XK")) {
            return "XKX";
          }
          try {
            String iso3 = new Locale.Builder().setRegion(code).build().getISO3Country();
            return iso3.isEmpty() ? null : iso3;
          } catch (MissingResourceException | IllegalArgumentException e) {
            return null;
          }
        });
  }

  private static String englishName(String iso2) {
    return iso2.equals("XK")
        ? "Kosovo"
        : new Locale.Builder().setRegion(iso2).build().getDisplayCountry(Locale.ENGLISH);
  }

  /**
   * The languages whose names of countries are looked up: those of the actor registry and of the
   * larger news markets. All 200-odd languages of the JDK would cost four seconds at start-up for
   * names the English extractor never meets.
   */
  private static final List<Locale> LANGUAGES =
      Stream.of(
              "en", "fr", "es", "de", "ru", "ar", "fa", "pt", "it", "uk", "tr", "zh", "ja", "ko",
              "nl", "pl", "sv", "he", "hi", "id")
          .map(language -> new Locale.Builder().setLanguage(language).build())
          .toList();

  /** The country's name in each of {@link #LANGUAGES}, from the JDK's locale data. */
  private static Set<String> countryNames(String iso2) {
    Set<String> names = new HashSet<>();
    names.add(englishName(iso2));
    if (!iso2.equals("XK")) {
      Locale region = new Locale.Builder().setRegion(iso2).build();
      for (Locale language : LANGUAGES) {
        String name = region.getDisplayCountry(language);
        if (!name.equals(iso2)) {
          names.add(name);
        }
      }
    }
    return names;
  }
}
