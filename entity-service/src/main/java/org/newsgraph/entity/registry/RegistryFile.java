package org.newsgraph.entity.registry;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.newsgraph.entity.extraction.KnownActor;

/**
 * The curated actor registry shipped as YAML under {@code registry/} on the classpath, validated as
 * a whole, with a checksum over the files so that the service can tell when they changed.
 *
 * <p>Each {@link KnownActor}'s aliases start with its name, so a matcher needs only the aliases. No
 * two names of one actor differ only in case, but names that differ only in accents ("Erdoğan",
 * "Erdogan") are all kept, so a loader keyed on {@link #nameKey} must skip the repeats.
 *
 * @param checksum SHA-256 (hex) over the bytes of every file, in {@link #FILES} order
 */
public record RegistryFile(List<KnownActor> actors, String checksum) {

  /** The registry's files, in load order; shared-names.yaml lists the names allowed to clash. */
  public static final List<String> FILES =
      List.of(
          "registry/states.yaml",
          "registry/igos.yaml",
          "registry/armed-groups.yaml",
          "registry/government-bodies.yaml",
          "registry/government-bodies-world.yaml",
          "registry/organizations.yaml",
          "registry/political-parties.yaml",
          "registry/media.yaml",
          "registry/people.yaml",
          "registry/shared-names.yaml");

  private static final Set<String> TYPES =
      Set.of("STATE", "PERSON", "ORGANIZATION", "ARMED_GROUP", "GOVERNMENT_BODY", "IGO");

  private static final Pattern SLUG = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
  private static final Pattern COUNTRY = Pattern.compile("[A-Z]{3}");
  private static final Pattern COMBINING_MARKS = Pattern.compile("\\p{M}+");
  private static final Pattern SPACES = Pattern.compile("\\s+");

  private static final ObjectMapper YAML =
      new ObjectMapper(new YAMLFactory()).enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  public RegistryFile {
    actors = List.copyOf(actors);
  }

  /** Loads and validates the shipped registry. */
  public static RegistryFile load() {
    return load(RegistryFile.class.getClassLoader(), FILES);
  }

  /**
   * Loads and validates the given classpath resources as one registry.
   *
   * @throws InvalidRegistryException naming the file and entry of the first problem found
   */
  public static RegistryFile load(ClassLoader loader, List<String> resources) {
    MessageDigest sha256 = sha256();
    List<Located> entries = new ArrayList<>();
    List<LocatedShared> shared = new ArrayList<>();
    for (String resource : resources) {
      byte[] bytes = read(loader, resource);
      sha256.update(bytes);
      Document document = parse(resource, bytes);
      List<Entry> fileActors = document.actors() == null ? List.of() : document.actors();
      for (int i = 0; i < fileActors.size(); i++) {
        entries.add(new Located(resource, i + 1, fileActors.get(i)));
      }
      List<SharedName> fileShared = document.shared() == null ? List.of() : document.shared();
      for (int i = 0; i < fileShared.size(); i++) {
        shared.add(new LocatedShared(resource, i + 1, fileShared.get(i)));
      }
    }
    List<KnownActor> actors = validate(entries, shared);
    return new RegistryFile(actors, HexFormat.of().formatHex(sha256.digest()));
  }

  /**
   * The key two names are compared under: lower case, no accents, typographic apostrophes folded,
   * single spaces — the same normalisation as {@code entity.actor_alias.alias_key}.
   */
  public static String nameKey(String name) {
    String decomposed = Normalizer.normalize(name.replace('’', '\''), Normalizer.Form.NFKD);
    String bare = COMBINING_MARKS.matcher(decomposed).replaceAll("");
    return SPACES.matcher(bare.strip()).replaceAll(" ").toLowerCase(Locale.ROOT);
  }

  private static List<KnownActor> validate(List<Located> entries, List<LocatedShared> shared) {
    Map<String, Located> byId = new LinkedHashMap<>();
    for (Located located : entries) {
      Entry e = located.entry();
      if (e.id() == null || !SLUG.matcher(e.id()).matches()) {
        throw located.invalid("id must be a lower-case slug like 'islamic-state-khorasan'");
      }
      Located previous = byId.putIfAbsent(e.id(), located);
      if (previous != null) {
        throw located.invalid("duplicate id, already defined at " + previous.where());
      }
      if (e.name() == null || e.name().isBlank()) {
        throw located.invalid("name is missing");
      }
      if (e.type() == null || !TYPES.contains(e.type())) {
        throw located.invalid("type '" + e.type() + "' is not one of " + new TreeSet<>(TYPES));
      }
      if (e.country() != null && !COUNTRY.matcher(e.country()).matches()) {
        throw located.invalid(
            "country '" + e.country() + "' is not an ISO 3166-1 alpha-3 code or null");
      }
      checkNames(located);
    }
    for (Located located : entries) {
      checkParent(located, byId);
    }
    checkSharedNames(entries, shared, byId);
    return entries.stream().map(located -> located.entry().toKnownActor()).toList();
  }

  private static void checkNames(Located located) {
    Set<String> seen = new HashSet<>();
    for (String name : located.entry().allNames()) {
      if (name == null || name.isBlank()) {
        throw located.invalid("blank alias, demonym or metonym");
      }
      // Spellings that differ only in accents ("Erdoğan", "Erdogan") are both kept: text uses both.
      if (!seen.add(name.strip().replace('’', '\'').toLowerCase(Locale.ROOT))) {
        throw located.invalid("'" + name + "' is listed twice");
      }
    }
  }

  private static void checkParent(Located located, Map<String, Located> byId) {
    Set<String> chain = new LinkedHashSet<>();
    chain.add(located.entry().id());
    String parent = located.entry().parent();
    while (parent != null) {
      Located parentEntry = byId.get(parent);
      if (parentEntry == null) {
        throw located.invalid("parent '" + parent + "' is not a known actor id");
      }
      if (!chain.add(parent)) {
        throw located.invalid(
            "parent chain loops: " + String.join(" -> ", chain) + " -> " + parent);
      }
      parent = parentEntry.entry().parent();
    }
  }

  /** Two actors may share a name only where shared-names.yaml says so, and exactly so. */
  private static void checkSharedNames(
      List<Located> entries, List<LocatedShared> shared, Map<String, Located> byId) {
    Map<String, Set<String>> allowed = new HashMap<>();
    for (LocatedShared s : shared) {
      SharedName name = s.shared();
      if (name.name() == null || name.name().isBlank() || name.actors() == null) {
        throw s.invalid("name and actors are required");
      }
      if (name.reason() == null || name.reason().isBlank()) {
        throw s.invalid("say why the name is shared (reason)");
      }
      for (String id : name.actors()) {
        if (!byId.containsKey(id)) {
          throw s.invalid("actor '" + id + "' is not a known actor id");
        }
      }
      if (allowed.put(nameKey(name.name()), new TreeSet<>(name.actors())) != null) {
        throw s.invalid("'" + name.name() + "' is listed twice");
      }
    }
    Map<String, Map<String, Located>> owners = new LinkedHashMap<>();
    for (Located located : entries) {
      for (String name : located.entry().allNames()) {
        owners
            .computeIfAbsent(nameKey(name), k -> new LinkedHashMap<>())
            .putIfAbsent(located.entry().id(), located);
      }
    }
    for (Map.Entry<String, Map<String, Located>> owner : owners.entrySet()) {
      Set<String> ids = owner.getValue().keySet();
      Set<String> allowedIds = allowed.remove(owner.getKey());
      if (ids.size() > 1 && !ids.equals(allowedIds)) {
        List<Located> clash = List.copyOf(owner.getValue().values());
        throw clash
            .get(1)
            .invalid(
                "name '"
                    + owner.getKey()
                    + "' is also a name of "
                    + clash.get(0).where()
                    + "; decide who owns it, or list it in shared-names.yaml with every actor"
                    + " that uses it"
                    + (allowedIds == null ? "" : " (listed there for " + allowedIds + ")"));
      }
      if (ids.size() == 1 && allowedIds != null) {
        throw new InvalidRegistryException(
            "shared-names.yaml: '" + owner.getKey() + "' is only used by " + ids);
      }
    }
    if (!allowed.isEmpty()) {
      throw new InvalidRegistryException(
          "shared-names.yaml: no actor uses " + allowed.keySet() + "; remove the entry");
    }
  }

  private static Document parse(String resource, byte[] bytes) {
    try {
      Document document = YAML.readValue(bytes, Document.class);
      return document == null ? new Document(null, null) : document;
    } catch (JacksonException e) {
      throw new InvalidRegistryException(resource + ": " + e.getOriginalMessage(), e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static byte[] read(ClassLoader loader, String resource) {
    try (InputStream in = loader.getResourceAsStream(resource)) {
      if (in == null) {
        throw new InvalidRegistryException(resource + ": not found on the classpath");
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(resource, e);
    }
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime provides SHA-256", e);
    }
  }

  /** One registry file: actors, and (in shared-names.yaml) the names several actors may share. */
  record Document(List<Entry> actors, List<SharedName> shared) {}

  /** One actor as written in the YAML; maps 1:1 onto {@link KnownActor}. */
  record Entry(
      String id,
      String name,
      String type,
      String country,
      String parent,
      List<String> aliases,
      List<String> demonyms,
      List<String> metonyms) {

    Entry {
      aliases = aliases == null ? List.of() : aliases;
      demonyms = demonyms == null ? List.of() : demonyms;
      metonyms = metonyms == null ? List.of() : metonyms;
    }

    List<String> allNames() {
      List<String> names = new ArrayList<>();
      names.add(name);
      names.addAll(aliases);
      names.addAll(demonyms);
      names.addAll(metonyms);
      return names;
    }

    KnownActor toKnownActor() {
      List<String> names = new ArrayList<>();
      names.add(name);
      names.addAll(aliases);
      return new KnownActor(id, name, type, country, parent, names, demonyms, metonyms);
    }
  }

  /** A name that several actors legitimately share; matchers treat it as ambiguous. */
  record SharedName(String name, List<String> actors, String reason) {}

  private record Located(String resource, int index, Entry entry) {

    String where() {
      return resource + ", entry " + index + (entry.id() == null ? "" : " '" + entry.id() + "'");
    }

    InvalidRegistryException invalid(String problem) {
      return new InvalidRegistryException(where() + ": " + problem);
    }
  }

  private record LocatedShared(String resource, int index, SharedName shared) {

    InvalidRegistryException invalid(String problem) {
      return new InvalidRegistryException(
          resource + ", shared entry " + index + " '" + shared.name() + "': " + problem);
    }
  }
}
