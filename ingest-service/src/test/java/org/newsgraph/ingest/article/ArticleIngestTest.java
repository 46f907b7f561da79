package org.newsgraph.ingest.article;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.config.EncoderConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.newsgraph.ingest.Seeds;

@QuarkusTest
class ArticleIngestTest {

  static final String KEY = "Bearer test-key";

  /** REST Assured knows no encoder for NDJSON; its bytes go out as they are. */
  static final RestAssuredConfig NDJSON_AS_TEXT =
      RestAssuredConfig.config()
          .encoderConfig(
              EncoderConfig.encoderConfig()
                  .encodeContentTypeAs("application/x-ndjson", ContentType.TEXT));

  static ValidatableResponse postJson(Object body) {
    return given()
        .header("Authorization", KEY)
        .contentType(ContentType.JSON)
        .body(body)
        .when()
        .post("/articles")
        .then();
  }

  @Test
  void jsonArticleIsStoredQueuedAndReadable() {
    String url = "https://example.org/news/" + Texts.unique();
    String text = Texts.article(3);
    int id =
        postJson(
                Map.of(
                    "url", url,
                    "title", "Talks  resume\u00A0in the capital",
                    "text", text,
                    "publishedAt", "2024-05-02",
                    "source", "wire"))
            .statusCode(201)
            .contentType(ContentType.JSON)
            .header("Location", containsString("/articles/"))
            .body("status", equalTo("QUEUED"))
            .body("duplicateOf", nullValue())
            .body("url", equalTo(url))
            .body("title", equalTo("Talks resume in the capital"))
            .body("publishedAt", equalTo("2024-05-02"))
            .body("language", equalTo("en"))
            .extract()
            .path("id");

    given()
        .get("/articles/" + id)
        .then()
        .statusCode(200)
        .body("id", equalTo(id))
        .body("text", equalTo(text))
        .body("source", equalTo("wire"))
        .body("status", equalTo("QUEUED"))
        .body("error", nullValue())
        .body("duplicateOf", nullValue())
        .body("publishedAtOrigin", equalTo("METADATA"))
        .body("languages", hasKey("en"))
        .body("ingestedAt", notNullValue());
    long queued =
        Db.count(
            "SELECT count(*) FROM ingest.outbox WHERE article_id = ? AND status = 'QUEUED'",
            (long) id);
    org.junit.jupiter.api.Assertions.assertEquals(1, queued);
  }

  @Test
  void locationPointsAtTheNewArticle() {
    ValidatableResponse response = postJson(Map.of("text", Texts.article(2))).statusCode(201);
    int id = response.extract().path("id");
    response.header("Location", endsWith("/articles/" + id));
  }

  @Test
  void nullMetadataIsTheSameAsAbsent() {
    java.util.HashMap<String, Object> body = new java.util.HashMap<>();
    body.put("text", Texts.article(2));
    body.put("url", null);
    body.put("title", null);
    body.put("language", null);
    postJson(body).statusCode(201).body("url", nullValue()).body("publishedAt", nullValue());
  }

  @Test
  void givenLanguageIsKeptAndDetectionStillRecorded() {
    int id =
        postJson(Map.of("text", Texts.article(2), "language", "EN"))
            .statusCode(201)
            .body("language", equalTo("en"))
            .extract()
            .path("id");
    given().get("/articles/" + id).then().body("languages.en", greaterThan(0.5f));
  }

  @Test
  void germanTextIsDetectedAsGerman() {
    String text =
        "Die Regierung hat am Montag neue Maßnahmen gegen die steigenden Preise angekündigt. "
            + "Der Minister sagte vor Journalisten in Berlin, die Hilfe solle schon im nächsten "
            + "Monat bei den Familien ankommen. Die Opposition kritisierte den Plan als zu spät "
            + "und zu klein. Kennung "
            + Texts.unique();
    postJson(Map.of("text", text)).statusCode(201).body("language", equalTo("de"));
  }

  /** The detector reads only the opening of the text; that is enough for these languages. */
  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '"',
      value = {
        "fr|Le gouvernement a annoncé lundi de nouvelles mesures contre la hausse des prix."
            + " Le ministre a déclaré aux journalistes que l'aide arriverait dans les familles dès"
            + " le mois prochain. L'opposition a jugé le plan trop tardif et trop modeste, et les"
            + " syndicats appellent à manifester samedi dans plusieurs villes du pays.",
        "es|El gobierno anunció el lunes nuevas medidas contra la subida de los precios. El"
            + " ministro dijo a los periodistas que la ayuda llegará a las familias el próximo mes."
            + " La oposición calificó el plan de tardío e insuficiente, y los sindicatos convocaron"
            + " protestas para el sábado en varias ciudades del país.",
        "ru|Правительство в понедельник объявило о новых мерах против роста цен. Министр сказал"
            + " журналистам, что помощь дойдёт до семей уже в следующем месяце. Оппозиция назвала"
            + " план запоздалым и недостаточным, а профсоюзы призвали к протестам в субботу в"
            + " нескольких городах страны.",
        "ar|أعلنت الحكومة يوم الاثنين عن إجراءات جديدة لمواجهة ارتفاع الأسعار. وقال الوزير"
            + " للصحفيين إن المساعدات ستصل إلى الأسر في الشهر المقبل. ووصفت المعارضة الخطة بأنها"
            + " متأخرة وغير كافية، ودعت النقابات إلى احتجاجات يوم السبت في عدة مدن.",
        "tr|Hükümet pazartesi günü artan fiyatlara karşı yeni önlemler açıkladı. Bakan"
            + " gazetecilere yardımın gelecek ay ailelere ulaşacağını söyledi. Muhalefet planı geç"
            + " ve yetersiz buldu, sendikalar ise cumartesi günü birçok şehirde protesto çağrısı"
            + " yaptı."
      })
  void otherLanguagesAreDetectedWithConfidence(String language, String text) {
    int id =
        postJson(Map.of("text", text + " " + Texts.unique()))
            .statusCode(201)
            .body("language", equalTo(language))
            .extract()
            .path("id");
    given().get("/articles/" + id).then().body("languages." + language, greaterThan(0.9f));
  }

  @Test
  void plainTextTakesMetadataFromQueryParameters() {
    String url = "https://example.org/plain/" + Texts.unique();
    given()
        .header("Authorization", KEY)
        .contentType("text/plain; charset=utf-8")
        .queryParam("url", url)
        .queryParam("title", "A plain headline")
        .queryParam("source", "crawler")
        .queryParam("publishedAt", "2023-11-30")
        .body(Texts.article(2))
        .when()
        .post("/articles")
        .then()
        .statusCode(201)
        .body("url", equalTo(url))
        .body("title", equalTo("A plain headline"))
        .body("publishedAt", equalTo("2023-11-30"));
  }

  @Test
  void metadataDateWinsOverTheDateLine() {
    given()
        .header("Authorization", KEY)
        .contentType("text/plain")
        .queryParam("publishedAt", "2024-01-05")
        .body(" date 2024-01-01 " + Texts.article(2))
        .when()
        .post("/articles")
        .then()
        .statusCode(201)
        .body("publishedAt", equalTo("2024-01-05"));
  }

  @ParameterizedTest
  @CsvSource({
    "000, 2024-03-23, ",
    "001, 2024-03-24, Tragedy Strikes Moscow: Joint Efforts Urged to Combat IS",
    "002, 2024-04-02, ",
    "003, , Putin Says Taliban \u2018Our Allies\u2019 in Fighting Terrorism",
    "004, , 'Russia Lifts Ban on Taliban, Opening Doors for Diplomatic Relations'"
  })
  void seedsGetTheirPublicationDateAndHeadline(String seed, String date, String title) {
    int id =
        given()
            .header("Authorization", KEY)
            .contentType("text/plain; charset=utf-8")
            .queryParam("source", "seeds")
            .body(Seeds.read(seed))
            .when()
            .post("/articles")
            .then()
            .statusCode(org.hamcrest.Matchers.anyOf(equalTo(201), equalTo(200)))
            .body("publishedAt", equalTo(date))
            .body("title", equalTo(title))
            .body("language", equalTo("en"))
            .extract()
            .path("id");
    given()
        .get("/articles/" + id)
        .then()
        .body("text", startsWith("In a "))
        .body("text", not(containsString(" date ")))
        .body("text", not(containsString("This article is written by")))
        .body("text", not(containsString("Related Sources")));
  }

  @Test
  void htmlIsReducedToItsMainTextWithMetadata() {
    String id = Texts.unique();
    String html =
        """
        <!doctype html><html><head>
        <title>Site name | Ignored title</title>
        <meta property="og:title" content="Floods cut off northern villages %s">
        <link rel="canonical" href="HTTPS://News.Example.COM/floods/%s/?utm_source=x">
        <meta property="article:published_time" content="2024-06-11T08:15:00+02:00">
        </head><body>
        <nav><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li></ul></nav>
        <article>
        <h1>Floods cut off northern villages %s</h1>
        <p>%s</p>
        <p>%s</p>
        <p>%s</p>
        </article>
        <footer>Share this article on social media. Copyright 2024 Example News.</footer>
        </body></html>
        """
            .formatted(id, id, id, Texts.article(1), Texts.article(1), Texts.article(1));
    int articleId =
        postJson(Map.of("html", html))
            .statusCode(201)
            .body("title", equalTo("Floods cut off northern villages " + id))
            .body("url", containsString("/floods/" + id))
            .body("publishedAt", equalTo("2024-06-11"))
            .extract()
            .path("id");
    given()
        .get("/articles/" + articleId)
        .then()
        .body("text", not(containsString("Home")))
        .body("text", not(containsString("Copyright")))
        .body("text", not(containsString("<p>")))
        .body("text.split('\\n\\n').size()", equalTo(3));
  }

  @Test
  void htmlDateFromJsonLdOrTimeElement() {
    String jsonLd =
        "<html><head><script type=\"application/ld+json\">{\"@context\":\"https://schema.org\","
            + "\"@graph\":[{\"@type\":\"NewsArticle\",\"datePublished\":\"2022-02-24T05:00:00Z\"}]}"
            + "</script></head><body><article><p>"
            + Texts.article(1)
            + "</p><p>"
            + Texts.article(1)
            + "</p></article></body></html>";
    postJson(Map.of("html", jsonLd)).statusCode(201).body("publishedAt", equalTo("2022-02-24"));
    String time =
        "<html><body><article><time datetime=\"2021-08-15\">15 August</time><p>"
            + Texts.article(1)
            + "</p><p>"
            + Texts.article(1)
            + "</p></article></body></html>";
    postJson(Map.of("html", time)).statusCode(201).body("publishedAt", equalTo("2021-08-15"));
  }

  @Test
  void htmlBodyAsTextHtml() {
    String html =
        "<html><head><title>Port reopens</title></head><body><article><p>"
            + Texts.article(1)
            + "</p><p>"
            + Texts.article(1)
            + "</p></article></body></html>";
    given()
        .header("Authorization", KEY)
        .contentType("text/html; charset=utf-8")
        .body(html)
        .when()
        .post("/articles")
        .then()
        .statusCode(201)
        .body("title", equalTo("Port reopens"));
  }

  @Test
  void writesNeedAKey() {
    given()
        .contentType(ContentType.JSON)
        .body(Map.of("text", Texts.article(1)))
        .when()
        .post("/articles")
        .then()
        .statusCode(401)
        .contentType("application/problem+json");
    given()
        .header("Authorization", "Bearer wrong")
        .contentType(ContentType.JSON)
        .body(Map.of("text", Texts.article(1)))
        .when()
        .post("/articles/batch")
        .then()
        .statusCode(401);
  }

  @Test
  void unknownArticleIs404() {
    given()
        .get("/articles/999999999")
        .then()
        .statusCode(404)
        .contentType("application/problem+json");
  }
}
