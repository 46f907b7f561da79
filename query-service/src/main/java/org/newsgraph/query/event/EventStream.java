package org.newsgraph.query.event;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.operators.multi.processors.BroadcastProcessor;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The live feed: fans out the events that the rollup refresher found new or changed to every
 * subscriber. The refresher polls entity.event.updated_at; entity-service sends no NOTIFY and we
 * install no trigger in its schema, so polling is the one change signal that needs nothing from it.
 */
@ApplicationScoped
public class EventStream {

  /** Events a slow subscriber may fall behind by before it is dropped. */
  private static final int BUFFER = 10_000;

  private static final int BATCH = 500;

  private final BroadcastProcessor<Event> processor = BroadcastProcessor.create();
  private final AtomicInteger subscribers = new AtomicInteger();
  private final EventRepository events;

  public EventStream(EventRepository events) {
    this.events = events;
  }

  public Multi<Event> events() {
    return processor
        .onOverflow()
        .buffer(BUFFER)
        .onSubscription()
        .invoke(subscribers::incrementAndGet)
        .onTermination()
        .invoke(subscribers::decrementAndGet);
  }

  public boolean hasSubscribers() {
    return subscribers.get() > 0;
  }

  /** Sends the current state of these events to the subscribers. */
  public void publish(List<UUID> ids) {
    if (!hasSubscribers()) {
      return;
    }
    for (int from = 0; from < ids.size(); from += BATCH) {
      events
          .byIds(ids.subList(from, Math.min(ids.size(), from + BATCH)))
          .forEach(processor::onNext);
    }
  }
}
