package org.newsgraph.system;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.logging.Level;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The explorer as an analyst sees it: Debian's chromium, headless, driven through Debian's
 * chromedriver against {@code ./newsgraph up} with the seeds loaded. Every test fails on a browser
 * console error and leaves a screenshot in {@code system-tests/target/explorer-screenshots/}.
 * Without the two packages the tests are skipped, saying so.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ExplorerIT {

  private static final String CHROMIUM =
      System.getProperty("newsgraph.chromium", "/usr/bin/chromium");
  private static final String CHROMEDRIVER =
      System.getProperty("newsgraph.chromedriver", "/usr/bin/chromedriver");
  private static final Path SHOTS =
      ScriptStack.ROOT.resolve("system-tests/target/explorer-screenshots");

  /** The label of the seeds' concert hall attack, the one event that all five seeds report. */
  private static String ATTACK;

  private static ScriptStack stack;
  private static ChromeDriverService service;
  private static ChromeDriver browser;
  private static Path profile;

  @BeforeAll
  static void startTheSystemAndTheBrowser() throws Exception {
    assumeTrue(
        new File(CHROMIUM).canExecute() && new File(CHROMEDRIVER).canExecute(),
        "no headless browser: install Debian's chromium and chromium-driver ("
            + CHROMIUM
            + ", "
            + CHROMEDRIVER
            + ")");
    stack = ScriptStack.onFreePorts("explorer-home");
    ScriptStack.Result up = stack.newsgraph("up", "--fresh");
    assertEquals(0, up.exit(), up.output());
    assertTrue(
        up.output()
            .lines()
            .anyMatch(line -> line.contains("Explorer") && line.contains(stack.query)),
        "up names the explorer's URL: " + up.output());

    // found by what it is, not by its label, which the extraction rules may word differently
    io.restassured.path.json.JsonPath top =
        given().get(stack.query + "/events?sort=articles&limit=1").then().extract().jsonPath();
    assertEquals(5, top.getInt("items[0].articleCount"), "the attack is reported by all five");
    ATTACK = top.getString("items[0].label");
    Files.createDirectories(SHOTS);
    profile = Files.createTempDirectory("explorer-chromium");
    // the driver and the browser are named, so Selenium Manager has nothing to look up or download
    service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(new File(CHROMEDRIVER))
            .usingAnyFreePort()
            .build();
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM);
    options.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--user-data-dir=" + profile,
        "--window-size=1280,1000");
    LoggingPreferences logs = new LoggingPreferences();
    logs.enable(LogType.BROWSER, Level.ALL);
    options.setCapability("goog:loggingPrefs", logs);
    browser = new ChromeDriver(service, options);
  }

  @AfterAll
  static void stopEverything() throws Exception {
    if (browser != null) {
      browser.quit();
    }
    if (service != null) {
      service.stop();
    }
    if (profile != null) {
      try (var files = Files.walk(profile)) {
        files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
      }
    }
    if (stack != null) {
      assertEquals(0, stack.newsgraph("down").exit());
    }
  }

  @BeforeEach
  void laptopWidth() {
    browser.manage().window().setSize(new Dimension(1280, 1000));
  }

  @AfterEach
  void screenshotAndNoConsoleErrors(TestInfo test) throws Exception {
    Path shot = SHOTS.resolve(test.getTestMethod().orElseThrow().getName() + ".png");
    Files.copy(
        browser.getScreenshotAs(OutputType.FILE).toPath(),
        shot,
        StandardCopyOption.REPLACE_EXISTING);
    List<String> errors = new ArrayList<>();
    for (LogEntry entry : browser.manage().logs().get(LogType.BROWSER)) {
      if (entry.getLevel().intValue() >= Level.SEVERE.intValue()) {
        errors.add(entry.getMessage());
      }
    }
    assertTrue(errors.isEmpty(), "browser console errors: " + errors);
  }

  @Test
  @Order(1)
  void theEventsListShowsEveryEventNewestFirstAndFilters() {
    open("#/");
    assertEquals(apiEventIds(Map.of()), rowIds(), "every seed event, in the API's order");
    List<String> dates =
        texts(By.cssSelector("table.events tbody td:first-child")).stream()
            .filter(d -> !d.startsWith("undated"))
            .map(d -> d.split(" ")[0])
            .toList();
    for (int i = 1; i < dates.size(); i++) {
      assertTrue(dates.get(i - 1).compareTo(dates.get(i)) >= 0, "newest first: " + dates);
    }
    WebElement attack = row(ATTACK);
    assertTrue(text(attack).contains("Moscow, RUS"), text(attack));
    assertTrue(text(attack).contains("140–145"), "the fatality range: " + text(attack));
    assertTrue(text(attack).contains("143, over 140, 145"), "each report: " + text(attack));
    assertTrue(text(attack).endsWith("5 5"), "five articles from five sources: " + text(attack));

    new Select(browser.findElement(By.name("type"))).selectByValue("18");
    browser.findElement(By.name("type")).submit();
    awaitReady("#/events?type=18");
    assertEquals(apiEventIds(Map.of("type", "18")), rowIds());
    rows().forEach(r -> assertTrue(text(r).contains("18 Assault"), text(r)));

    WebElement words = browser.findElement(By.cssSelector("form.filters [name=q]"));
    new Select(browser.findElement(By.name("type"))).selectByValue("");
    words.sendKeys("concert hall", Keys.ENTER);
    awaitReady("#/events?q=concert+hall");
    assertTrue(rowIds().size() >= 1 && text(row(ATTACK)).contains("Moscow"));
    assertEquals(apiEventIds(Map.of("q", "concert hall")), rowIds());
    assertTrue(
        browser
            .findElement(By.linkText("Export CSV"))
            .getAttribute("href")
            .endsWith("/events.csv?q=concert+hall"));

    phoneWidth();
    assertFalse(
        (Boolean) script("return document.documentElement.scrollWidth > window.innerWidth + 1"),
        "at a phone's width the list becomes cards, nothing wider than the screen");
    assertEquals(
        "block",
        script("return getComputedStyle(document.querySelector('table.events tr')).display"));
  }

  @Test
  @Order(2)
  void pagingByCursorShowsEveryEventOnce() {
    open("#/events?limit=5");
    assertEquals(5, rows().size());
    WebElement more = browser.findElement(By.xpath("//button[text()='More events']"));
    int pages = 1;
    while (more.isDisplayed()) {
      int before = rows().size();
      more.click();
      new WebDriverWait(browser, Duration.ofSeconds(10))
          .until(b -> rows().size() > before || !more.isDisplayed());
      pages++;
    }
    List<String> ids = rowIds();
    assertEquals(apiEventIds(Map.of()), ids, "the same events in the same order as the API");
    assertEquals(ids.size(), new HashSet<>(ids).size(), "no event twice");
    assertTrue(pages >= 3, "14 seed events come in pages of five: " + pages);
  }

  @Test
  @Order(3)
  void theEventPageShowsTheFiveReportsWithTheirEvidenceMarked() throws Exception {
    open("#/");
    WebElement link = row(ATTACK).findElement(By.linkText(ATTACK));
    script("performance.clearResourceTimings()");
    link.sendKeys(Keys.ENTER); // by keyboard
    new WebDriverWait(browser, Duration.ofSeconds(10))
        .until(b -> b.getCurrentUrl().contains("#/events/"));
    awaitReady(browser.getCurrentUrl().substring(browser.getCurrentUrl().indexOf('#')));

    assertEquals(ATTACK, browser.findElement(By.tagName("h1")).getText());
    List<WebElement> reports = browser.findElements(By.cssSelector("li.report"));
    assertEquals(5, reports.size(), "five articles report the attack");
    for (WebElement report : reports) {
      assertEquals(
          "attack",
          report.findElement(By.cssSelector("mark.trigger")).getText(),
          "the trigger of " + text(report));
    }
    Set<String> figures = new HashSet<>(texts(By.cssSelector("blockquote mark.figure")));
    assertEquals(Set.of("143", "over 140", "145"), figures, "the figures as each report gave them");
    assertTrue(
        texts(By.cssSelector("blockquote mark.source")).contains("Islamic State"),
        "the source actor is marked where the sentence names it");
    WebElement actor = browser.findElement(By.cssSelector("blockquote mark.source a"));
    assertTrue(actor.getAttribute("href").contains("#/actors/"), "marked actors link to them");
    assertTrue(browser.findElement(By.id("figures")).getText().contains("Fatalities: 140–145"));
    assertEquals("ASSERTED", browser.findElement(By.id("factuality")).getText());
    assertTrue(apiCalls() <= 2, "the page's data in at most two API calls: " + apiCalls());

    // tall enough for all five reports: the README's docs/explorer-event.png is this picture
    browser.manage().window().setSize(new Dimension(1280, 1450));
    Files.copy(
        browser.getScreenshotAs(OutputType.FILE).toPath(),
        SHOTS.resolve("event-page-laptop.png"),
        StandardCopyOption.REPLACE_EXISTING);
    phoneWidth();
    assertFalse(
        (Boolean) script("return document.documentElement.scrollWidth > window.innerWidth + 1"),
        "nothing wider than a phone's screen");
  }

  @Test
  @Order(4)
  void theActorPageDrawsItsTimelineTheRussiaTalibanDyadAndItsNetwork() {
    open("#/actors/russia?with=taliban");
    assertEquals("Russia", browser.findElement(By.tagName("h1")).getText());
    assertTrue(svgText("timeline-chart").contains("Material conflict"), svgText("timeline-chart"));
    String dyad = svgText("dyad-chart");
    assertTrue(dyad.contains("Russia – Taliban"), "the dyad chart's title: " + dyad);
    assertTrue(dyad.contains("mean Goldstein") && dyad.contains("2024-04"), dyad);
    String network = svgText("network-chart");
    assertTrue(network.contains("Russia") && network.contains("Taliban"), network);
    assertTrue(
        browser.findElement(By.id("related")).getText().contains("Taliban"),
        "related actors are listed");
    assertTrue(apiCalls() <= 2, "the page's data in at most two API calls: " + apiCalls());
  }

  @Test
  @Order(5)
  void searchFindsActorsEventsAndArticlesFromTheKeyboard() {
    open("#/");
    new Actions(browser).sendKeys("/").perform();
    WebElement box = browser.switchTo().activeElement();
    assertEquals("q", box.getAttribute("name"), "'/' focuses the search box");
    script("performance.clearResourceTimings()");
    box.sendKeys("Taliban", Keys.ENTER);
    awaitReady("#/search?q=Taliban");
    assertTrue(browser.findElement(By.id("actor-hits")).getText().contains("Taliban"));
    assertFalse(browser.findElements(By.cssSelector("#event-hits li")).isEmpty(), "events");
    assertFalse(
        browser.findElements(By.cssSelector("#article-hits mark.hit")).isEmpty(),
        "articles with the matched words marked");
    assertTrue(apiCalls() <= 2, "the page's data in at most two API calls: " + apiCalls());
  }

  @Test
  @Order(6)
  void theLiveFeedAddsAnEventPostedWhileThePageIsOpen() throws Exception {
    open("#/");
    int before = rows().size();
    WebElement live = browser.findElement(By.id("live"));
    live.sendKeys(Keys.SPACE);
    new WebDriverWait(browser, Duration.ofSeconds(10))
        .until(ExpectedConditions.textToBe(By.className("live-state"), "connected"));

    String article =
        " date 2026-11-30\n"
            + "Kharkiv shelled\n\n"
            + "Russian forces shelled the Ukrainian city of Kharkiv on Sunday, killing four people,"
            + " the governor of the region said.\n";
    given()
        .header("Authorization", "Bearer " + ScriptStack.KEY)
        .contentType("text/plain; charset=utf-8")
        .body(article.getBytes(StandardCharsets.UTF_8))
        .post(stack.ingest + "/articles?source=explorer-test")
        .then()
        .statusCode(201);

    WebElement fresh =
        new WebDriverWait(browser, Duration.ofMinutes(2))
            .until(
                b ->
                    b.findElements(By.cssSelector("tr.fresh")).stream()
                        .filter(r -> text(r).contains("19 Fight") && text(r).contains("Russia"))
                        .findFirst()
                        .orElse(null));
    assertEquals(fresh, rows().get(0), "the new event comes first");
    assertTrue(text(fresh).contains("2026-11-29"), "dated by its 'Sunday': " + text(fresh));
    assertTrue(rows().size() > before);
  }

  @Test
  @Order(7)
  void timesFirstPaintAndDataOnFreshLoads() throws Exception {
    String attack =
        given()
            .queryParam("sort", "articles")
            .queryParam("limit", 1)
            .get(stack.query + "/events")
            .then()
            .extract()
            .path("items[0].id");
    List<String> lines = new ArrayList<>();
    for (String hash :
        List.of("#/", "#/events/" + attack, "#/actors/russia", "#/search?q=Taliban")) {
      List<Double> paints = new ArrayList<>();
      List<Double> ready = new ArrayList<>();
      for (int run = 0; run < 5; run++) {
        browser.get("about:blank");
        open(hash);
        paints.add(
            ((Number)
                    script(
                        "return performance.getEntriesByName('first-contentful-paint')[0].startTime"))
                .doubleValue());
        ready.add(
            ((Number)
                    script(
                        "return performance.getEntriesByName('ready ' + arguments[0])[0].startTime",
                        hash))
                .doubleValue());
      }
      lines.add(
          "%-50s first paint %5.0f ms, drawn with its data %5.0f ms (median of 5 fresh loads)"
              .formatted(hash, median(paints), median(ready)));
    }
    Path report = ScriptStack.ROOT.resolve("system-tests/target/explorer-timings.txt");
    Files.write(report, lines);
    lines.forEach(System.out::println);
    assertEquals(4, lines.size());
  }

  private static double median(List<Double> values) {
    List<Double> sorted = values.stream().sorted().toList();
    return sorted.get(sorted.size() / 2);
  }

  /** A phone's viewport (390 CSS pixels), once the page has taken it. */
  private static void phoneWidth() {
    browser.manage().window().setSize(new Dimension(390, 844));
    new WebDriverWait(browser, Duration.ofSeconds(5))
        .until(b -> ((Number) script("return window.innerWidth")).intValue() <= 400);
  }

  /** Opens a view; the API calls counted afterwards are this view's own. */
  private static void open(String hash) {
    if (browser.getCurrentUrl().startsWith(stack.query)) {
      script("performance.clearResourceTimings()");
    }
    browser.get(stack.query + "/" + hash);
    awaitReady(hash);
  }

  /** Waits until the page has rendered the view of {@code hash} with its data. */
  private static void awaitReady(String hash) {
    new WebDriverWait(browser, Duration.ofSeconds(20))
        .until(b -> hash.equals(b.findElement(By.id("main")).getDomAttribute("data-ready")));
  }

  private static List<WebElement> rows() {
    return browser.findElements(By.cssSelector("table.events tbody tr"));
  }

  private static List<String> rowIds() {
    return rows().stream().map(r -> r.getAttribute("data-id")).toList();
  }

  private static WebElement row(String label) {
    return rows().stream()
        .filter(r -> text(r).contains(label))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no row for " + label));
  }

  private static String text(WebElement element) {
    return element.getText().replaceAll("\\s+", " ").trim();
  }

  private static List<String> texts(By by) {
    return browser.findElements(by).stream().map(ExplorerIT::text).toList();
  }

  /** The labels a chart drew (it draws SVG, so they are text in the page). */
  private static String svgText(String chartId) {
    return new WebDriverWait(browser, Duration.ofSeconds(10))
        .until(
            b -> {
              String drawn =
                  (String)
                      script(
                          "return [...document.querySelectorAll('#' + arguments[0] + ' svg text')]"
                              + ".map(t => t.textContent).join(' | ')",
                          chartId);
              return drawn.isEmpty() ? null : drawn;
            });
  }

  /** Requests this page load made to the API (fetch), static files left out. */
  private static long apiCalls() {
    return (Long)
        script(
            "return performance.getEntriesByType('resource')"
                + ".filter(r => r.initiatorType === 'fetch').length");
  }

  private static Object script(String code, Object... args) {
    return ((JavascriptExecutor) browser).executeScript(code, args);
  }

  /** The ids of every event the API lists for these filters, in its order. */
  private static List<String> apiEventIds(Map<String, String> filters) {
    return given()
        .queryParams(filters)
        .queryParam("limit", 500)
        .get(stack.query + "/events")
        .then()
        .statusCode(200)
        .extract()
        .jsonPath()
        .getList("items.id", String.class);
  }
}
