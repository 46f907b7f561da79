package org.newsgraph.query.actor;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Set;
import org.newsgraph.common.problem.Problem;
import org.newsgraph.common.problem.ProblemException;
import org.newsgraph.query.event.Event;
import org.newsgraph.query.event.EventFilter;
import org.newsgraph.query.event.EventRepository;
import org.newsgraph.query.web.Cursors;
import org.newsgraph.query.web.Page;
import org.newsgraph.query.web.Params;

/** Actor search and profiles; also resolves the actor ids that other features filter by. */
@ApplicationScoped
public class ActorService {

  static final List<String> TYPES =
      List.of("STATE", "PERSON", "ORGANIZATION", "ARMED_GROUP", "GOVERNMENT_BODY", "IGO");
  private static final int RELATED = 10;
  private static final int RECENT_EVENTS = 10;

  private final ActorRepository actors;
  private final EventRepository events;
  private final Cursors cursors;

  public ActorService(ActorRepository actors, EventRepository events, Cursors cursors) {
    this.actors = actors;
    this.events = events;
    this.cursors = cursors;
  }

  public Page<Actor> list(
      String q, String type, String country, String sort, String limit, String cursor) {
    Params params = new Params();
    String actorType = Params.blank(type) ? null : params.oneOf("type", type, null, TYPES);
    String iso = params.country("country", country);
    ActorRepository.Sort order =
        ActorRepository.Sort.valueOf(
            params.oneOf("sort", sort, "name", List.of("mentions", "name")).toUpperCase());
    int size = params.limit(limit);
    params.check();
    String kind = "actors:" + order;
    List<String> after = cursors.decode(kind, cursor, 2);
    List<Actor> page =
        actors.page(
            new ActorRepository.Filter(Params.blank(q) ? null : q.trim(), actorType, iso),
            order,
            after,
            size + 1);
    String next = null;
    if (page.size() > size) {
      page = page.subList(0, size);
      Actor last = page.get(size - 1);
      next =
          cursors.encode(
              kind,
              List.of(
                  order == ActorRepository.Sort.MENTIONS ? last.mentionCount() : last.name(),
                  last.id()));
    }
    return new Page<>(page, next);
  }

  /** The actor that {@code id} is or was merged into, with its timeline, relations and events. */
  public ActorProfile profile(String id) {
    ActorIds ids = actors.resolve(id).orElseThrow(() -> ProblemException.notFound("Actor", id));
    ActorProfile profile =
        actors
            .profile(ids.canonical(), RELATED)
            .orElseThrow(() -> ProblemException.notFound("Actor", id));
    List<Event> recent =
        events.page(EventFilter.ofActor(ids.all()), EventRepository.Sort.DATE, null, RECENT_EVENTS);
    return new ActorProfile(profile.actor(), profile.timeline(), profile.related(), recent);
  }

  /**
   * The actor a query parameter names, following merges.
   *
   * @throws ProblemException 404 naming the parameter when no such actor exists
   */
  public ActorIds require(String field, String id) {
    return actors
        .resolve(id.trim())
        .orElseThrow(
            () ->
                new ProblemException(
                    404,
                    "Not found",
                    "Actor " + id + " does not exist",
                    List.of(new Problem.FieldError(field, "no actor has this id"))));
  }

  /** Names for ids, for answers built from rollups. */
  public java.util.Map<String, ActorRef> refs(Set<String> ids) {
    return actors.refs(List.copyOf(ids));
  }
}
