package org.newsgraph.entity.actor;

import java.util.List;

/** The records the actor curation API reads and writes. */
public final class ActorApi {

  private ActorApi() {}

  /** An actor as the API shows it; a merged-away id answers with the actor it was merged into. */
  public record ActorView(
      String id,
      String name,
      String type,
      String country,
      String parentId,
      String origin,
      List<String> aliases,
      List<String> demonyms,
      List<String> metonyms,
      List<String> mergedIds) {}

  /** POST /actors: id is derived from the name when absent. */
  public record NewActor(
      String id, String name, String type, String country, String parentId, List<String> aliases) {}

  /** POST /actors/{id}/aliases: kind is ALIAS (default), DEMONYM or METONYM. */
  public record NewAlias(String alias, String language, String kind) {}

  /** POST /actors/{id}/merge. */
  public record Merge(String into) {}
}
