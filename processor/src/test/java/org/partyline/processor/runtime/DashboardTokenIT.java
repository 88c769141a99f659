package org.partyline.processor.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.partyline.processor.config.PartylineConfig;
import org.partyline.events.publish.PartylinePublisher;
import org.partyline.schema.Stance;
import org.partyline.schema.Statement;

/**
 * The dashboard under {@code http.auth.token}: a browser opening {@code /} gets the page with the 401 (it cannot send
 * a header when it navigates), the page asks for the token once (again when it is wrong), keeps it for the tab, and
 * then reads the API and the live feed with it. The API itself still answers 401 without it.
 */
class DashboardTokenIT {
    private static final String TOKEN = "dashboard-t0ken";
    private static final Duration WAIT = Duration.ofSeconds(30);

    @TempDir
    static Path stateDir;
    private static PartylineProcessor processor;
    private static HeadlessChromium browser;

    @BeforeAll
    static void start() throws Exception {
        HeadlessChromium.assumeInstalled();
        processor = PartylineProcessor.start(PartylineConfig.load(new String[] {"--state-dir", stateDir.toString(),
                "--http-port", "0", "--kafka-port", "0", "--registry-port", "0", "--partitions", "2",
                "--http-auth-token", TOKEN}, Map.of()));
        try (PartylinePublisher publisher = new PartylinePublisher(processor.bootstrapServers(),
                processor.registryUrl())) {
            publisher.publish(Statement.newBuilder().setEventId("token-it-1").setParty("UA").setTopic("ceasefire")
                    .setStance(Stance.SUPPORT).setOccurredAt(Instant.parse("2025-12-06T20:00:00Z")).build()).get();
        }
        new Api(processor.apiUrl(), TOKEN).await("/api/parties/UA/stances", b -> b.path("stances").size() == 1, WAIT);
        browser = HeadlessChromium.start();
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.close();
        }
        if (processor != null) {
            processor.close();
        }
    }

    @Test
    void shouldAskForTheTokenOnceThenShowTheDataAndFollowTheFeed() {
        browser.open(processor.apiUrl() + "/");
        submitToken("wrong-token");
        browser.await("the dialog says the token was refused", WAIT,
                d -> d.findElement(By.id("token-wrong")).isDisplayed() && dialogOpen(d));
        submitToken(TOKEN);
        browser.awaitText(By.cssSelector("td[data-party='UA'][data-topic='ceasefire']"), "Support", WAIT);
        browser.await("the live feed connected with the token", WAIT,
                d -> "live".equals(d.findElement(By.id("live")).getAttribute("data-state")));

        browser.driver.navigate().refresh();
        browser.awaitText(By.cssSelector("td[data-party='UA'][data-topic='ceasefire']"), "Support", WAIT);
        assertFalse(dialogOpen(browser.driver), "asked for the token a second time in the same tab");
    }

    @Test
    void shouldServeThePageWithA401ToBrowsersAndKeepTheApiClosed() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> page = http.send(HttpRequest.newBuilder(processor.apiUrl().resolve("/"))
                .header("Accept", "text/html").build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(401, page.statusCode());
        assertTrue(page.headers().firstValue("Content-Type").orElse("").startsWith("text/html"), page.headers().toString());
        assertTrue(page.body().contains("id=\"token-dialog\""), page.body());
        HttpResponse<String> module = http.send(HttpRequest.newBuilder(processor.apiUrl().resolve("/dashboard/app.js"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, module.statusCode());
        for (String path : new String[] {"/api/parties", "/api/events", "/"}) {
            HttpResponse<String> refused = http.send(HttpRequest.newBuilder(URI.create(processor.apiUrl() + path))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(401, refused.statusCode(), path);
            assertTrue(refused.body().startsWith("{\"error\""), path + " -> " + refused.body());
        }
    }

    private static boolean dialogOpen(WebDriver driver) {
        return driver.findElement(By.id("token-dialog")).getAttribute("open") != null;
    }

    private static void submitToken(String token) {
        WebElement input = browser.await("the page asks for the token", WAIT,
                d -> dialogOpen(d) && d.findElement(By.id("token")).isDisplayed() ? d.findElement(By.id("token")) : null);
        input.clear();
        input.sendKeys(token);
        browser.driver.findElement(By.id("token-submit")).click();
    }
}
