package org.newsgraph.query.export;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.newsgraph.query.actor.ActorRef;
import org.newsgraph.query.event.Event;
import org.newsgraph.query.event.EventFilter;
import org.newsgraph.query.event.EventRepository;

/**
 * Whole-history exports of the events matching a filter, written row by row from a database cursor:
 * memory stays flat however many events there are.
 */
@ApplicationScoped
public class EventExporter {

  static final String[] CSV_HEADER = {
    "id",
    "type",
    "typeName",
    "quadClass",
    "goldstein",
    "label",
    "date",
    "datePrecision",
    "place",
    "country",
    "lat",
    "lon",
    "admin1",
    "admin1Code",
    "geonamesId",
    "placePrecision",
    "sourceActorIds",
    "sourceActorNames",
    "targetActorIds",
    "targetActorNames",
    "fatalitiesMin",
    "fatalitiesMax",
    "injuriesMin",
    "injuriesMax",
    "factuality",
    "articleCount",
    "sourceCount",
    "firstReportedAt",
    "confidence"
  };
  private static final int FETCH_SIZE = 1000;

  private final EventRepository events;
  private final ObjectMapper mapper;
  private final ObjectWriter json;

  public EventExporter(EventRepository events, ObjectMapper mapper) {
    this.events = events;
    this.mapper = mapper;
    this.json = mapper.writer();
  }

  /** RFC 4180 CSV with a header row; several actors in one cell are separated by "|". */
  public StreamingOutput csv(EventFilter filter) {
    return output -> {
      Writer writer = new BufferedWriter(new OutputStreamWriter(output, StandardCharsets.UTF_8));
      try (CSVPrinter csv =
          new CSVPrinter(writer, CSVFormat.RFC4180.builder().setHeader(CSV_HEADER).get())) {
        export(filter, event -> csv.printRecord(row(event)));
      }
    };
  }

  /** One event JSON object per line, the same objects as {@code GET /events}. */
  public StreamingOutput ndjson(EventFilter filter) {
    return output -> {
      Writer writer = new BufferedWriter(new OutputStreamWriter(output, StandardCharsets.UTF_8));
      export(
          filter,
          event -> {
            writer.write(json.writeValueAsString(event));
            writer.write('\n');
          });
      writer.flush();
    };
  }

  /**
   * An RFC 7946 FeatureCollection of the matching events that have a point: each a Point feature
   * with the event's id, and as properties the same object as {@code GET /events}. Events the
   * gazetteer did not place are left out, as a map cannot show them.
   */
  public StreamingOutput geojson(EventFilter filter) {
    return output -> {
      Writer writer = new BufferedWriter(new OutputStreamWriter(output, StandardCharsets.UTF_8));
      try (JsonGenerator json = mapper.getFactory().createGenerator(writer)) {
        json.writeStartObject();
        json.writeStringField("type", "FeatureCollection");
        json.writeArrayFieldStart("features");
        export(
            filter,
            event -> {
              Event.Location at = event.location();
              if (at.lat() == null || at.lon() == null) {
                return;
              }
              json.writeStartObject();
              json.writeStringField("type", "Feature");
              json.writeStringField("id", event.id());
              json.writeObjectFieldStart("geometry");
              json.writeStringField("type", "Point");
              json.writeArrayFieldStart("coordinates");
              json.writeNumber(at.lon());
              json.writeNumber(at.lat());
              json.writeEndArray();
              json.writeEndObject();
              json.writeObjectField("properties", event);
              json.writeEndObject();
            });
        json.writeEndArray();
        json.writeEndObject();
      }
    };
  }

  private void export(EventFilter filter, EventRepository.EventSink sink) throws IOException {
    try {
      events.stream(filter, FETCH_SIZE, sink);
    } catch (IOException | RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new UncheckedIOException(new IOException("export failed", e));
    }
  }

  private static List<Object> row(Event e) {
    Event.Location place = e.location();
    return java.util.Arrays.asList(
        e.id(),
        e.type(),
        e.typeName(),
        e.quadClass(),
        e.goldstein(),
        e.label(),
        e.date(),
        e.datePrecision(),
        place.place(),
        place.country(),
        place.lat(),
        place.lon(),
        place.admin1(),
        place.admin1Code(),
        place.geonamesId(),
        place.precision(),
        join(e.sourceActors(), ActorRef::id),
        join(e.sourceActors(), ActorRef::name),
        join(e.targetActors(), ActorRef::id),
        join(e.targetActors(), ActorRef::name),
        e.fatalities() == null ? null : e.fatalities().min(),
        e.fatalities() == null ? null : e.fatalities().max(),
        e.injuries() == null ? null : e.injuries().min(),
        e.injuries() == null ? null : e.injuries().max(),
        e.factuality(),
        e.articleCount(),
        e.sourceCount(),
        e.firstReportedAt(),
        e.confidence());
  }

  private static String join(
      List<ActorRef> actors, java.util.function.Function<ActorRef, String> part) {
    return actors.stream().map(part).collect(Collectors.joining("|"));
  }
}
