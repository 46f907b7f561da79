package org.newsgraph.ingest.article;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.InputStream;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import org.newsgraph.common.problem.Problem.FieldError;
import org.newsgraph.common.problem.ProblemException;
import org.newsgraph.ingest.article.ArticleRepository.ArticleFilter;
import org.newsgraph.ingest.outbox.OutboxStatus;

@Path("/articles")
@Produces(MediaType.APPLICATION_JSON)
public class ArticleResource {

  static final String NDJSON = "application/x-ndjson";
  private static final int MAX_LIMIT = 500;

  private final ArticleService articles;

  ArticleResource(ArticleService articles) {
    this.articles = articles;
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  public Response createFromJson(InputStream body, @Context UriInfo uri) {
    return answer(articles.ingestJson(body), uri);
  }

  @POST
  @Consumes({MediaType.TEXT_PLAIN, MediaType.TEXT_HTML})
  public Response createFromDocument(
      InputStream body,
      @HeaderParam(HttpHeaders.CONTENT_TYPE) MediaType type,
      @QueryParam("url") String url,
      @QueryParam("title") String title,
      @QueryParam("publishedAt") String publishedAt,
      @QueryParam("source") String source,
      @QueryParam("language") String language,
      @Context UriInfo uri) {
    boolean html = type.isCompatible(MediaType.TEXT_HTML_TYPE);
    ArticleRequest metadata =
        new ArticleRequest(url, title, null, null, publishedAt, source, language);
    return answer(
        articles.ingestDocument(
            body, html, type.getParameters().get(MediaType.CHARSET_PARAMETER), metadata),
        uri);
  }

  @POST
  @Consumes(MediaType.WILDCARD)
  public Response createFromOther(@HeaderParam(HttpHeaders.CONTENT_TYPE) String type) {
    throw unsupported(type, "application/json, text/plain or text/html");
  }

  @POST
  @Path("/batch")
  @Consumes({NDJSON, MediaType.APPLICATION_JSON})
  public BatchResult createBatch(
      InputStream body, @HeaderParam(HttpHeaders.CONTENT_TYPE) MediaType type) {
    return articles.ingestBatch(body, type.isCompatible(MediaType.valueOf(NDJSON)));
  }

  @POST
  @Path("/batch")
  @Consumes(MediaType.WILDCARD)
  public BatchResult createBatchFromOther(@HeaderParam(HttpHeaders.CONTENT_TYPE) String type) {
    throw unsupported(type, NDJSON + " or application/json");
  }

  @GET
  @Path("/{id}")
  public ArticleView get(@PathParam("id") long id) {
    return articles.get(id).orElseThrow(() -> ProblemException.notFound("article", id));
  }

  @GET
  public ArticlePage list(
      @QueryParam("source") String source,
      @QueryParam("status") String status,
      @QueryParam("from") String from,
      @QueryParam("to") String to,
      @QueryParam("q") String q,
      @QueryParam("cursor") String cursor,
      @QueryParam("limit") @DefaultValue("50") int limit) {
    if (limit < 1 || limit > MAX_LIMIT) {
      throw ProblemException.invalid("limit", "must be between 1 and " + MAX_LIMIT);
    }
    ArticleFilter filter =
        new ArticleFilter(
            blankToNull(source),
            status(status),
            date("from", from),
            date("to", to),
            blankToNull(q));
    return articles.list(filter, blankToNull(cursor), limit);
  }

  private static Response answer(Ingested ingested, UriInfo uri) {
    if (!ingested.created()) {
      return Response.ok(ingested.receipt()).build();
    }
    return Response.created(
            uri.getBaseUriBuilder()
                .path("articles")
                .path(String.valueOf(ingested.receipt().id()))
                .build())
        .entity(ingested.receipt())
        .build();
  }

  private static ProblemException unsupported(String type, String supported) {
    String given = type == null ? "none" : type;
    return new ProblemException(
        415,
        "Unsupported Media Type",
        "Content-Type " + given + " is not accepted here; send " + supported,
        List.of(new FieldError("Content-Type", "must be " + supported)));
  }

  private static OutboxStatus status(String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return OutboxStatus.valueOf(value.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw ProblemException.invalid(
          "status", "must be one of QUEUED, PROCESSING, DONE, FAILED, SKIPPED");
    }
  }

  private static LocalDate date(String field, String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return LocalDate.parse(value.strip());
    } catch (DateTimeParseException e) {
      throw ProblemException.invalid(field, "must be a date of the form YYYY-MM-DD");
    }
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }
}
