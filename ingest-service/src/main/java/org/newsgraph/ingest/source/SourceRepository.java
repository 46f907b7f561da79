package org.newsgraph.ingest.source;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;

@ApplicationScoped
class SourceRepository implements PanacheRepository<Source> {

  Optional<Source> findByUrlKey(String urlKey) {
    return find("urlKey", urlKey).firstResultOptional();
  }

  /** Newest first, those below {@code before} when it is given. */
  List<Source> page(Long before, int limit) {
    return (before == null
            ? findAll(Sort.descending("id"))
            : find("id < ?1", Sort.descending("id"), before))
        .page(0, limit)
        .list();
  }
}
