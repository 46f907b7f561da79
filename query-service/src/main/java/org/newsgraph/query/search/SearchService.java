package org.newsgraph.query.search;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.newsgraph.query.actor.Actor;
import org.newsgraph.query.actor.ActorRef;
import org.newsgraph.query.actor.ActorService;
import org.newsgraph.query.db.Reader;
import org.newsgraph.query.db.Reader.SqlArray;
import org.newsgraph.query.web.Cursors;
import org.newsgraph.query.web.Params;

/**
 * Full-text search over ingest.article (its stored tsvector and GIN index), with the actors each
 * article mentions and actor facets.
 */
@ApplicationScoped
public class SearchService {

  private static final String CURSOR_KIND = "search";
  private static final int FACETS = 20;
  private static final String NAMED_ACTORS = "10";

  /** Facets count over the newest matches only, so that a common word stays fast. */
  private static final int FACET_SAMPLE = 10_000;

  private static final String HEADLINE_OPTIONS =
      "StartSel=<mark>, StopSel=</mark>, MaxWords=35, MinWords=15, MaxFragments=2,"
          + " FragmentDelimiter=\" … \"";

  private final Reader reader;
  private final ActorService actors;
  private final Cursors cursors;

  public SearchService(Reader reader, ActorService actors, Cursors cursors) {
    this.reader = reader;
    this.actors = actors;
    this.cursors = cursors;
  }

  /**
   * Articles matching {@code q} (web-search syntax: words, "phrases", OR, -exclusions), newest
   * ingested first, optionally only those mentioning {@code actor}.
   */
  public SearchResult search(String q, String actor, String limit, String cursor) {
    Params params = new Params();
    String query = params.required("q", q);
    int size = params.limit(limit);
    params.check();
    List<String> actorIds = Params.blank(actor) ? null : actors.require("actor", actor).all();
    List<String> after = cursors.decode(CURSOR_KIND, cursor, 1);

    StringBuilder where =
        new StringBuilder(" WHERE ar.search @@ websearch_to_tsquery('english', ?)");
    List<Object> args = new ArrayList<>();
    args.add(query);
    if (actorIds != null) {
      where.append(
          " AND EXISTS (SELECT 1 FROM entity.mention m WHERE m.article_id = ar.id"
              + " AND m.actor_id = ANY(?))");
      args.add(new SqlArray("text", actorIds.toArray()));
    }

    List<Object> pageArgs = new ArrayList<>();
    pageArgs.add(query);
    pageArgs.addAll(args);
    String keyset = "";
    if (after != null) {
      keyset = " AND ar.id < ?";
      pageArgs.add(Long.parseLong(after.get(0)));
    }
    pageArgs.add(size + 1);
    List<SearchHit> hits =
        reader.list(
            "SELECT ar.id, ar.url, ar.title, ar.source, ar.published_at,"
                + " ts_headline('english', ar.text, websearch_to_tsquery('english', ?), '"
                + HEADLINE_OPTIONS
                + "') FROM ingest.article ar"
                + where
                + keyset
                + " ORDER BY ar.id DESC LIMIT ?",
            pageArgs,
            row ->
                new SearchHit(
                    row.getLong(1),
                    row.getString(2),
                    row.getString(3),
                    row.getString(4),
                    row.getObject(5, LocalDate.class),
                    row.getString(6),
                    List.of()));
    String next = null;
    if (hits.size() > size) {
      hits = hits.subList(0, size);
      next = cursors.encode(CURSOR_KIND, List.of(hits.get(size - 1).articleId()));
    }

    List<Object> facetArgs = new ArrayList<>(args);
    facetArgs.add(FACET_SAMPLE);
    facetArgs.add(FACETS);
    List<SearchResult.Facet> facets =
        reader.list(
            """
            SELECT c.id, c.name, count(DISTINCT m.article_id) AS articles
              FROM (SELECT ar.id FROM ingest.article ar"""
                + where
                + """
                     ORDER BY ar.id DESC LIMIT ?) hit
              JOIN entity.mention m ON m.article_id = hit.id
              JOIN entity.actor a ON a.id = m.actor_id
              JOIN entity.actor c ON c.id = coalesce(a.merged_into, a.id)
             GROUP BY c.id, c.name
             ORDER BY articles DESC, c.id
             LIMIT ?
            """,
            facetArgs,
            row -> new SearchResult.Facet(row.getString(1), row.getString(2), row.getLong(3)));
    List<Actor> named =
        after == null
            ? actors.list(query, null, null, "mentions", NAMED_ACTORS, null).items()
            : List.of();
    return new SearchResult(withActors(hits), next, facets, named);
  }

  private List<SearchHit> withActors(List<SearchHit> hits) {
    if (hits.isEmpty()) {
      return hits;
    }
    Map<Long, List<ActorRef>> mentioned = new HashMap<>();
    reader
        .list(
            """
            SELECT m.article_id, c.id, c.name
              FROM entity.mention m
              JOIN entity.actor a ON a.id = m.actor_id
              JOIN entity.actor c ON c.id = coalesce(a.merged_into, a.id)
             WHERE m.article_id = ANY(?)
             GROUP BY m.article_id, c.id, c.name
             ORDER BY m.article_id, count(*) DESC, c.id
            """,
            List.of(new SqlArray("int8", hits.stream().map(SearchHit::articleId).toArray())),
            row -> Map.entry(row.getLong(1), new ActorRef(row.getString(2), row.getString(3))))
        .forEach(
            e -> mentioned.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
    return hits.stream()
        .map(
            h ->
                new SearchHit(
                    h.articleId(),
                    h.url(),
                    h.title(),
                    h.source(),
                    h.publishedAt(),
                    h.snippet(),
                    mentioned.getOrDefault(h.articleId(), List.of())))
        .toList();
  }
}
