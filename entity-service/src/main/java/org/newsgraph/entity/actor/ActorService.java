package org.newsgraph.entity.actor;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.newsgraph.common.problem.Problem;
import org.newsgraph.common.problem.ProblemException;
import org.newsgraph.entity.actor.ActorApi.ActorView;
import org.newsgraph.entity.actor.ActorApi.NewActor;
import org.newsgraph.entity.event.CanonicalEvents;

/** Curation of the actor registry: look-up, new actors, new aliases, merges. */
@ApplicationScoped
@Transactional
public class ActorService {

  static final Set<String> TYPES =
      Set.of("STATE", "PERSON", "ORGANIZATION", "ARMED_GROUP", "GOVERNMENT_BODY", "IGO");
  private static final Set<String> KINDS = Set.of("ALIAS", "DEMONYM", "METONYM");
  private static final Pattern SLUG = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
  private static final Pattern COUNTRY = Pattern.compile("[A-Z]{3}");

  private final ActorRepository actors;
  private final CanonicalEvents events;

  public ActorService(ActorRepository actors, CanonicalEvents events) {
    this.actors = actors;
    this.events = events;
  }

  @Transactional(Transactional.TxType.SUPPORTS)
  public Optional<ActorView> find(String id) {
    return actors.findCurrent(id).map(this::view);
  }

  public ActorView create(NewActor request) {
    List<Problem.FieldError> errors = new ArrayList<>();
    String name = request.name() == null ? "" : request.name().strip();
    if (name.isEmpty()) {
      errors.add(new Problem.FieldError("name", "is required"));
    }
    String id = request.id() == null ? AliasKey.slug(name) : request.id();
    if (!SLUG.matcher(id).matches()) {
      errors.add(
          new Problem.FieldError(
              "id", "must be a slug of lower-case letters, digits and single hyphens"));
    }
    if (request.type() == null || !TYPES.contains(request.type())) {
      errors.add(
          new Problem.FieldError("type", "must be one of " + String.join(", ", sorted(TYPES))));
    }
    if (request.country() != null && !COUNTRY.matcher(request.country()).matches()) {
      errors.add(new Problem.FieldError("country", "must be an ISO 3166-1 alpha-3 code"));
    }
    if (request.parentId() != null && actors.findCurrent(request.parentId()).isEmpty()) {
      errors.add(new Problem.FieldError("parentId", "names no actor"));
    }
    List<String> aliases = request.aliases() == null ? List.of() : request.aliases();
    for (int i = 0; i < aliases.size(); i++) {
      if (aliases.get(i) == null || aliases.get(i).isBlank()) {
        errors.add(new Problem.FieldError("aliases[" + i + "]", "must not be blank"));
      }
    }
    if (!errors.isEmpty()) {
      throw ProblemException.invalid(errors);
    }
    if (actors.find(id).isPresent()) {
      throw new ProblemException(409, "Conflict", "actor " + id + " already exists", List.of());
    }
    Actor actor = new Actor();
    actor.id = id;
    actor.name = name;
    actor.type = request.type();
    actor.country = request.country();
    actor.parentId =
        request.parentId() == null ? null : actors.findCurrent(request.parentId()).get().id;
    actor.origin = "CURATED";
    actor.createdAt = OffsetDateTime.now();
    actor.updatedAt = actor.createdAt;
    actors.persist(actor);
    actors.addAlias(id, name, null, "ALIAS", "CURATED");
    aliases.forEach(alias -> actors.addAlias(id, alias.strip(), null, "ALIAS", "CURATED"));
    actors.bumpRevision();
    return view(actor);
  }

  /** Adds a name to an actor (to the actor it was merged into, for a merged id). */
  public AliasResult addAlias(String id, ActorApi.NewAlias request) {
    List<Problem.FieldError> errors = new ArrayList<>();
    if (request.alias() == null || request.alias().isBlank()) {
      errors.add(new Problem.FieldError("alias", "is required"));
    }
    String kind = request.kind() == null ? "ALIAS" : request.kind();
    if (!KINDS.contains(kind)) {
      errors.add(new Problem.FieldError("kind", "must be one of ALIAS, DEMONYM, METONYM"));
    }
    if (!errors.isEmpty()) {
      throw ProblemException.invalid(errors);
    }
    Actor actor = actors.findCurrent(id).orElseThrow(() -> ProblemException.notFound("actor", id));
    boolean added =
        actors.addAlias(actor.id, request.alias().strip(), request.language(), kind, "CURATED");
    if (added) {
      actors.bumpRevision();
    }
    return new AliasResult(view(actor), added);
  }

  /** The actor after an alias request, and whether the alias was new. */
  public record AliasResult(ActorView actor, boolean added) {}

  public ActorView merge(String id, ActorApi.Merge request) {
    if (request.into() == null || request.into().isBlank()) {
      throw ProblemException.invalid("into", "is required");
    }
    Actor from = actors.find(id).orElseThrow(() -> ProblemException.notFound("actor", id));
    Actor into =
        actors
            .findCurrent(request.into())
            .orElseThrow(() -> ProblemException.invalid("into", "names no actor"));
    if (from.mergedInto != null) {
      throw new ProblemException(
          409,
          "Conflict",
          "actor " + id + " was already merged into " + from.mergedInto,
          List.of());
    }
    if (from.id.equals(into.id)) {
      throw ProblemException.invalid("into", "is the actor itself");
    }
    // canonical events are keyed on actors: no worker may store results while they change
    events.excludeWorkers();
    var affected = events.eventsOf(from.id);
    actors.merge(from.id, into.id);
    actors.addAlias(into.id, from.name, null, "ALIAS", "CURATED");
    actors.bumpRevision();
    // the events the merged actor was in are placed again, as new reports would be
    events.regroup(affected);
    return view(actors.find(into.id).orElseThrow());
  }

  private ActorView view(Actor actor) {
    List<ActorAlias> aliases = actors.aliases(actor.id);
    return new ActorView(
        actor.id,
        actor.name,
        actor.type,
        actor.country,
        actor.parentId,
        actor.origin,
        names(aliases, "ALIAS"),
        names(aliases, "DEMONYM"),
        names(aliases, "METONYM"),
        actors.mergedIds(actor.id));
  }

  private static List<String> names(List<ActorAlias> aliases, String kind) {
    return aliases.stream()
        .filter(alias -> alias.kind.equals(kind))
        .map(alias -> alias.alias)
        .toList();
  }

  private static List<String> sorted(Set<String> values) {
    return values.stream().sorted().toList();
  }
}
