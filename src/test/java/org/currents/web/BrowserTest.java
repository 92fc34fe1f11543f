package org.currents.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.currents.SampleApp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * The site in a real browser: Debian's chromium, headless, driven through Debian's chromedriver
 * (given explicitly, so Selenium Manager downloads nothing). Clicks from the home page to a day,
 * a story, an event, its related event and a search, follows the subscribe links, saves
 * screenshots at 1280 and 390 px (light and dark) under target/browser/, and runs axe-core in
 * the page: no serious or critical violation on any page type. Skipped, with the reason printed,
 * when chromium is not installed, unless CURRENTS_REQUIRE_BROWSER=1 (as in CI).
 */
class BrowserTest {
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Path SHOTS = Path.of("target", "browser");

    @TempDir
    static Path data;
    @TempDir
    static Path profile;
    static SampleApp site;
    static ChromeDriver browser;
    static String axe;

    @BeforeAll
    static void start() throws IOException {
        boolean installed = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
        if (!installed && "1".equals(System.getenv("CURRENTS_REQUIRE_BROWSER"))) {
            throw new AssertionError("chromium and chromedriver are required (CURRENTS_REQUIRE_BROWSER=1) but "
                    + CHROMIUM + " or " + CHROMEDRIVER + " is missing; apt-get install chromium chromium-driver");
        }
        assumeTrue(installed, "browser tests skipped: " + CHROMIUM + " or " + CHROMEDRIVER
                + " is not installed (apt-get install chromium chromium-driver)");
        try (InputStream in = BrowserTest.class.getResourceAsStream("/META-INF/resources/webjars/axe-core/4.6.3/axe.min.js")) {
            axe = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Files.createDirectories(SHOTS);
        site = new SampleApp(data);
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--user-data-dir=" + profile.toAbsolutePath(), "--window-size=1280,2000");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER.toString())).usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
        browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60)).scriptTimeout(Duration.ofSeconds(60));
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.quit();
        }
        if (site != null) {
            site.close();
        }
    }

    @Test
    void aReaderClicksThroughTheSiteAndEveryPageTypePassesAxe() throws Exception {
        List<String> problems = new ArrayList<>();
        browser.get(site.url("/").toString());
        check("home", problems);
        assertTrue(browser.findElement(By.cssSelector("button.copy")).isDisplayed(),
                "the copy script loaded under the strict Content-Security-Policy");

        browser.findElement(By.tagName("body")).sendKeys(Keys.TAB);
        assertEquals("Skip to content", browser.switchTo().activeElement().getText(), "the first Tab reaches the skip link");

        click(By.cssSelector("section.day h2 a"));
        awaitUrl("/days/2018/");
        check("day", problems);
        follow(By.cssSelector("a[rel=prev]"));
        awaitUrl("/days/2018/");

        click(By.cssSelector(".group h2 a"));
        awaitUrl("/contexts/");
        check("context", problems);
        subscribeLinksAnswer();

        click(By.cssSelector(".timeline ul.events a"));
        awaitUrl("/events/");
        check("event", problems);
        List<WebElement> related = browser.findElements(By.cssSelector("ul.related > li > a"));
        if (!related.isEmpty()) {
            related.get(0).click();
            awaitUrl("/events/");
        }

        WebElement box = browser.findElement(By.id("site-q"));
        box.sendKeys("united states", Keys.ENTER);
        awaitUrl("/search?q=united");
        assertFalse(browser.findElements(By.cssSelector("ul.events li")).isEmpty(), "search found events");
        check("search", problems);
        subscribeLinksAnswer();

        browser.get(site.url("/days/").toString());
        check("days", problems);
        browser.get(site.url("/contexts/?kind=story").toString());
        check("contexts", problems);
        browser.get(site.url("/no/such/page").toString());
        check("notfound", problems);
        assertTrue(problems.isEmpty(), "axe-core found serious or critical violations:\n" + String.join("\n", problems));
    }

    /** Waits for a navigation (a click or a submitted form) to reach a URL containing {@code part}. */
    private static void awaitUrl(String part) throws InterruptedException {
        long end = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!browser.getCurrentUrl().contains(part) && System.nanoTime() < end) {
            Thread.sleep(50);
        }
        assertTrue(browser.getCurrentUrl().contains(part), browser.getCurrentUrl());
    }

    private static void click(By by) {
        browser.findElement(by).click();
    }

    private static void follow(By by) {
        browser.findElement(by).click();
    }

    /** Every feed the page offers (subscribe block and autodiscovery) answers with a feed. */
    private static void subscribeLinksAnswer() throws Exception {
        List<String> hrefs = new ArrayList<>();
        browser.findElements(By.cssSelector(".subscribe a.feed")).forEach(a -> hrefs.add(a.getAttribute("href")));
        browser.findElements(By.cssSelector("link[rel=alternate]")).forEach(l -> hrefs.add(l.getAttribute("href")));
        assertEquals(6, hrefs.size(), "three feeds in the block, three advertised: " + hrefs);
        for (String href : hrefs) {
            String path = href.substring(site.url("/").toString().length() - 1);
            var r = site.get(path);
            assertEquals(200, r.statusCode(), href);
            String type = r.headers().firstValue("content-type").orElse("");
            assertTrue(type.contains("rss") || type.contains("atom") || type.contains("feed+json"), href + ": " + type);
        }
    }

    /** Screenshots at 1280 and 390 px, light and dark, and axe in each, collecting serious and critical violations. */
    private static void check(String name, List<String> problems) throws Exception {
        for (String scheme : List.of("light", "dark")) {
            browser.executeCdpCommand("Emulation.setEmulatedMedia",
                    Map.of("features", List.of(Map.of("name", "prefers-color-scheme", "value", scheme))));
            for (int width : new int[] {1280, 390}) {
                browser.manage().window().setSize(new Dimension(width, 2000));
                Files.write(SHOTS.resolve(name + "-" + width + "-" + scheme + ".png"), browser.getScreenshotAs(OutputType.BYTES));
                Object scrollWidth = ((JavascriptExecutor) browser).executeScript("return document.documentElement.scrollWidth");
                assertTrue(((Number) scrollWidth).intValue() <= width, name + " scrolls sideways at " + width + " px");
            }
            browser.manage().window().setSize(new Dimension(1280, 2000));
            ((JavascriptExecutor) browser).executeScript(axe);
            Object result = ((JavascriptExecutor) browser).executeAsyncScript("var done = arguments[arguments.length - 1];"
                    + "axe.run(document, {resultTypes: ['violations']}).then(function (r) { done(JSON.stringify(r.violations)); },"
                    + " function (e) { done('error: ' + e); });");
            String json = String.valueOf(result);
            assertFalse(json.startsWith("error"), json);
            for (JsonNode v : new ObjectMapper().readTree(json)) {
                String impact = v.path("impact").asText();
                if (impact.equals("serious") || impact.equals("critical")) {
                    problems.add(name + " (" + scheme + "): " + impact + " " + v.path("id").asText() + ": "
                            + v.path("help").asText() + " at " + v.path("nodes").path(0).path("target"));
                }
            }
        }
    }
}
