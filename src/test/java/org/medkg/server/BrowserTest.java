package org.medkg.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.logging.Level;
import java.util.stream.Collectors;
import org.apache.jena.graph.Node;
import org.apache.jena.query.Dataset;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.TDB2;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medkg.rdf.MKG;
import org.medkg.store.TdbGraphStore;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The site as a reader uses it, in a real headless Chromium driven by Selenium: a Russian reader searches a name
 * as it is inflected in a sentence, follows the hit to the person, one of the person's events, the document that
 * says so, switches the language, and runs the SPARQL editor's query. The server is a real one on a loopback port
 * over a TDB2 store loaded with the seeds and, when ../shared is there, the hemcenter articles; its IRIs are minted
 * under that server's address so they dereference there. Any error the pages' scripts or resources log in the
 * browser's console fails the test. Screenshots of the person and event pages go to {@code target/screenshots/}.
 *
 * <p>Debian's {@code chromium} and {@code chromium-driver} are used as installed (by {@code .ci/run}); Selenium is
 * given both paths so it never tries to download a browser or a driver.
 */
@Tag("browser")
class BrowserTest {
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final int SCREENSHOT_HEIGHT = 1600;

    // data/001_d9529d5f736d3bf0.txt: «Медицинский директор Центра — Антон Анатольевич Клодзинский — отметил…»;
    // the reader types the genitive, as in «…с участием Клодзинского».
    private static final String TYPED_NAME = "Клодзинского";
    private static final String SURNAME = "Клодзинский";
    // The roles a person plays in an event, each shown in the event page's section of the same name plus "s".
    private static final List<Node> ROLES = List.of(MKG.speaker, MKG.participant, MKG.organizer, MKG.sponsor);

    @TempDir
    static Path storeDir;
    @TempDir
    Path browserProfile;

    private static ServedDocuments served;
    private static TdbGraphStore store;
    private static String base;

    private WebDriver browser;
    private WebDriverWait wait;
    /** Console errors of every page visited, each with the page it came from. */
    private final List<String> consoleErrors = new ArrayList<>();

    @BeforeAll
    static void loadAndServe() throws IOException {
        if (!browserInstalled()) {
            // Each test then skips, saying why: surefire does not report a skip of the whole class.
            return;
        }
        List<Path> inputs = new ArrayList<>(List.of(Path.of("data")));
        if (Files.isDirectory(ServedDocuments.HEMCENTER)) {
            inputs.add(ServedDocuments.HEMCENTER);
        }
        served = ServedDocuments.serve(inputs, storeDir, builder -> builder);
        store = served.store();
        base = served.base();
    }

    @AfterAll
    static void stop() {
        if (served != null) {
            served.close();
        }
    }

    @BeforeEach
    void startBrowser() {
        assumeTrue(browserInstalled(),
                "no " + CHROMIUM + " or " + CHROMEDRIVER + ": .ci/run installs Debian's chromium and chromium-driver");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--window-size=1280,900", "--lang=ru", "--user-data-dir=" + browserProfile);
        // A Russian reader: the pages pick their language from Accept-Language.
        options.setExperimentalOption("prefs", Map.of("intl.accept_languages", "ru-RU,ru"));
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability(ChromeOptions.LOGGING_PREFS, logs);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
        wait = new WebDriverWait(browser, WAIT);
    }

    @AfterEach
    void quitBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void aReaderFindsAPersonFollowsTheirEventAndSwitchesLanguage() throws IOException {
        open("");
        assertEquals("ru", pageLanguage(), "the home page follows the browser's Accept-Language");
        WebElement box = browser.findElement(By.id("search-box"));
        box.sendKeys(TYPED_NAME);
        box.submit();
        WebElement firstHit = wait.until(ExpectedConditions.elementToBeClickable(
                By.cssSelector("#search-results .search-hit a")));
        noteConsoleErrors();

        firstHit.click();
        wait.until(ExpectedConditions.urlContains("/page/id/person/"));
        WebElement heading = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("entity-label")));
        assertTrue(heading.getText().contains(SURNAME), heading.getText());
        List<WebElement> events = browser.findElements(By.cssSelector("#section-timeline .event-row a.entity-link"));
        assertFalse(events.isEmpty(), "the person's timeline lists events");
        String personPage = URI.create(browser.getCurrentUrl()).getPath();
        String person = base + personPage.substring("/page/".length());
        screenshot("person-page.png");
        noteConsoleErrors();

        // An event of theirs that the graph gives a date and a city: the page must show both.
        QuerySolution expected = select("""
                SELECT ?event ?role ?city (MIN(STR(?date)) AS ?start) WHERE {
                  ?event mkg:startDate ?date ; mkg:city ?city ; ?role <%s> .
                  VALUES ?role { %s }
                } GROUP BY ?event ?role ?city ORDER BY ?event ?role ?city LIMIT 1
                """.formatted(person, ROLES.stream().map(r -> "<" + r.getURI() + ">").collect(Collectors.joining(" "))));
        String eventPage = pagePath(expected.getResource("event").getURI());
        WebElement eventLink = events.stream().filter(link -> eventPage.equals(pathOf(link))).findFirst()
                .orElseThrow(() -> new AssertionError("the timeline has no link to " + eventPage));
        eventLink.click();
        wait.until(ExpectedConditions.urlContains(eventPage));
        assertFalse(wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("entity-label"))).getText().isBlank());
        WebElement date = browser.findElement(By.cssSelector("#section-dates time.fact-date"));
        assertEquals(expected.getLiteral("start").getLexicalForm(), date.getDomAttribute("datetime"));
        assertFalse(date.getText().isBlank());
        assertTrue(links("#section-place a").contains(pagePath(expected.getResource("city").getURI())),
                "the event's city is linked from its place");
        String roleSection = "#section-" + expected.getResource("role").getLocalName() + "s a.entity-link";
        assertTrue(links(roleSection).contains(personPage), "the person is listed under their role: " + roleSection);
        WebElement source = browser.findElement(By.cssSelector("#section-place .source-link"));
        assertTrue(pathOf(source).startsWith("/page/doc/"), pathOf(source));
        screenshot("event-page.png");
        noteConsoleErrors();

        // The document the place came from, as the reader checks it.
        source.click();
        wait.until(ExpectedConditions.urlContains("/page/doc/"));
        assertFalse(wait.until(ExpectedConditions.visibilityOfElementLocated(By.tagName("h1"))).getText().isBlank());
        noteConsoleErrors();

        // Back to the person, then into English: the page's words and the name's language follow.
        open(personPage.substring(1));
        String russianTimelineTitle = browser.findElement(By.cssSelector("#section-timeline h2")).getText();
        browser.findElement(By.cssSelector("#language-switcher a[hreflang='en']")).click();
        wait.until(ExpectedConditions.attributeToBe(By.tagName("html"), "lang", "en"));
        assertNotEquals(russianTimelineTitle, browser.findElement(By.cssSelector("#section-timeline h2")).getText());
        Set<String> englishNames = labels(person, "en");
        if (!englishNames.isEmpty()) {
            // Only the hemcenter articles (in ../shared) name the person in English.
            assertTrue(englishNames.contains(browser.findElement(By.id("entity-label")).getText()),
                    "heading in English, one of " + englishNames);
        }
        assertEquals("en", browser.findElement(By.cssSelector("#language-switcher a.current")).getDomAttribute("hreflang"));
        noteConsoleErrors();

        assertEquals(List.of(), consoleErrors, "errors in the browser's console");
    }

    @Test
    void theSparqlEditorHighlightsTheQueryAndShowsItsResults() {
        open("");
        browser.findElement(By.id("nav-sparql")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".CodeMirror")));
        // Highlighting: CodeMirror's SPARQL mode has marked the preloaded query's keywords.
        assertFalse(browser.findElements(By.cssSelector(".CodeMirror .cm-keyword")).isEmpty());
        browser.findElement(By.id("sparql-run")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#sparql-results tbody tr")));
        List<String> columns = browser.findElements(By.cssSelector("#sparql-results thead th")).stream()
                .map(WebElement::getText).toList();
        assertEquals(List.of("event", "label", "date", "city"), columns);
        assertTrue(browser.findElement(By.id("sparql-error")).getDomAttribute("hidden") != null, "no error shown");
        noteConsoleErrors();
        assertEquals(List.of(), consoleErrors, "errors in the browser's console");
    }

    private void open(String relative) {
        browser.get(base + relative);
        wait.until(ExpectedConditions.presenceOfElementLocated(By.tagName("main")));
    }

    private String pageLanguage() {
        return browser.findElement(By.tagName("html")).getDomAttribute("lang");
    }

    /** Drains the console log, keeping the errors with the page they were logged on. */
    private void noteConsoleErrors() {
        String page = browser.getCurrentUrl();
        for (LogEntry entry : browser.manage().logs().get(LogType.BROWSER)) {
            if (entry.getLevel().intValue() >= Level.SEVERE.intValue()) {
                consoleErrors.add(page + ": " + entry.getMessage());
            }
        }
    }

    /** The page from the top, as tall as its content up to {@link #SCREENSHOT_HEIGHT}, so the shot shows more than the fold. */
    private void screenshot(String name) throws IOException {
        Files.createDirectories(SCREENSHOTS);
        Dimension window = browser.manage().window().getSize();
        // The window is taller than the page's viewport by the browser's own frame.
        long[] heights = ((List<?>) ((JavascriptExecutor) browser).executeScript(
                "return [document.documentElement.scrollHeight, window.outerHeight - window.innerHeight];"))
                .stream().mapToLong(n -> ((Number) n).longValue()).toArray();
        int contentHeight = (int) Math.min(heights[0], SCREENSHOT_HEIGHT);
        browser.manage().window().setSize(new Dimension(window.getWidth(), contentHeight + (int) heights[1]));
        try {
            Files.write(SCREENSHOTS.resolve(name), ((ChromeDriver) browser).getScreenshotAs(OutputType.BYTES));
        } finally {
            browser.manage().window().setSize(window);
        }
    }

    private List<String> links(String cssSelector) {
        return browser.findElements(By.cssSelector(cssSelector)).stream().map(BrowserTest::pathOf).toList();
    }

    /** A link's target as a path of this site, without the query (which carries the chosen language). */
    private static String pathOf(WebElement link) {
        return URI.create(link.getDomProperty("href")).getRawPath();
    }

    private static String pagePath(String iri) {
        assertTrue(iri.startsWith(base), iri);
        return URI.create("/page/" + iri.substring(base.length())).getRawPath();
    }

    private static QuerySolution select(String query) {
        Dataset dataset = store.dataset();
        return Txn.calculateRead(dataset, () -> {
            try (QueryExecution execution = QueryExecution.dataset(dataset)
                    .query("PREFIX mkg: <" + MKG.NS + ">\n" + query).set(TDB2.symUnionDefaultGraph, true).build()) {
                var results = execution.execSelect();
                assertTrue(results.hasNext(), "the graph has no answer to " + query);
                return results.next();
            }
        });
    }

    private static Set<String> labels(String iri, String language) {
        Dataset dataset = store.dataset();
        return Txn.calculateRead(dataset, () -> {
            try (QueryExecution execution = QueryExecution.dataset(dataset)
                    .query("SELECT ?label { <" + iri + "> <http://www.w3.org/2000/01/rdf-schema#label> ?label "
                            + "FILTER(LANGMATCHES(LANG(?label), \"" + language + "\")) }")
                    .set(TDB2.symUnionDefaultGraph, true).build()) {
                Set<String> labels = new TreeSet<>();
                execution.execSelect().forEachRemaining(row -> labels.add(row.getLiteral("label").getLexicalForm()));
                return labels;
            }
        });
    }

    private static boolean browserInstalled() {
        return Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
    }
}
