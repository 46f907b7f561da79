package org.newsgraph.entity.article;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.newsgraph.common.problem.Problem;
import org.newsgraph.common.problem.ProblemException;

/** Annotations of stored articles, and extraction of ad-hoc text for other internal services. */
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
public class AnnotationResource {

  /** Ad-hoc texts longer than this are refused: one request must not hold a worker for minutes. */
  static final int MAX_TEXT = 200_000;

  private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2}");

  /** POST /extract. */
  public record ExtractRequest(String text, LocalDate publishedAt, String language) {}

  private final AnnotationService service;

  public AnnotationResource(AnnotationService service) {
    this.service = service;
  }

  @GET
  @Path("articles/{id}/annotations")
  public Annotations annotations(@PathParam("id") String id) {
    long articleId;
    try {
      articleId = Long.parseLong(id);
    } catch (NumberFormatException e) {
      throw ProblemException.invalid("id", "must be an article id (a number)");
    }
    return service
        .forArticle(articleId)
        .orElseThrow(() -> ProblemException.notFound("annotations of article", articleId));
  }

  @POST
  @Path("extract")
  @Consumes(MediaType.APPLICATION_JSON)
  public Annotations extract(ExtractRequest request) {
    List<Problem.FieldError> errors = new ArrayList<>();
    if (request == null || request.text() == null || request.text().isBlank()) {
      errors.add(new Problem.FieldError("text", "is required"));
    } else if (request.text().length() > MAX_TEXT) {
      errors.add(new Problem.FieldError("text", "is longer than " + MAX_TEXT + " characters"));
    }
    if (request != null
        && request.language() != null
        && !LANGUAGE.matcher(request.language()).matches()) {
      errors.add(new Problem.FieldError("language", "must be an ISO 639-1 code like 'en'"));
    }
    if (!errors.isEmpty()) {
      throw ProblemException.invalid(errors);
    }
    return service.extract(request.text(), request.publishedAt(), request.language());
  }
}
