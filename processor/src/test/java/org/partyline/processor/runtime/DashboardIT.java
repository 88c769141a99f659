package org.partyline.processor.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.partyline.processor.config.PartylineConfig;
import org.partyline.events.publish.PartylinePublisher;
import org.partyline.schema.Claim;
import org.partyline.schema.Position;
import org.partyline.schema.Stance;
import org.partyline.schema.Statement;

/**
 * The dashboard at {@code /} in headless Chromium against the processor running the bundled example (as
 * {@code --demo} does): the overview's rankings, grid and time slider, the claims board, the topic timeline with its change
 * mark, the party page, and a statement published through the producer library showing on the open page without a
 * reload. With {@code -Dpartyline.screenshots=DIR} it saves the four views (docs/screenshots).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DashboardIT {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final By RU_ON_NATO = cell("RU", "ukraine-nato-membership");
    private static final By UA_ON_NATO = cell("UA", "ukraine-nato-membership");
    private static final By US_ON_NATO = cell("US", "ukraine-nato-membership");

    @TempDir
    static Path stateDir;
    private static PartylineProcessor processor;
    private static HeadlessChromium browser;
    private static String base;

    @BeforeAll
    static void start() {
        HeadlessChromium.assumeInstalled();
        processor = PartylineProcessor.start(PartylineConfig.load(new String[] {"--state-dir", stateDir.toString(),
                "--http-port", "0", "--kafka-port", "0", "--registry-port", "0", "--partitions", "2"}, Map.of()));
        assertTrue(processor.runDemo(System.out, Duration.ofSeconds(120)), "the demo's example never showed");
        base = processor.apiUrl().toString();
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

    private static By cell(String party, String topic) {
        return By.cssSelector("td[data-party='" + party + "'][data-topic='" + topic + "']");
    }

    @Test
    @Order(1)
    void shouldShowRussiaOpposingAndUkraineSupportingNatoMembershipOnTheOverview() {
        browser.open(base + "/");
        // The rankings: UA made 6 of the 16 statements, RU and US 4 each (then by name), EU 2.
        browser.await("the ranking of the parties", WAIT, d -> d.findElements(By.cssSelector("#top-parties li")).size() == 4);
        assertEquals(List.of("UA", "RU", "US", "EU"), browser.driver.findElements(By.cssSelector("#top-parties li a"))
                .stream().map(WebElement::getText).toList());
        assertEquals("6 statements", browser.driver.findElement(By.cssSelector("#top-parties li[data-party='UA'] .count"))
                .getText());
        assertEquals(List.of("ukraine-nato-membership", "us-peace-plan"), browser.driver
                .findElements(By.cssSelector("#top-topics li a")).stream().limit(2).map(WebElement::getText).toList());
        browser.awaitText(RU_ON_NATO, "Oppose", WAIT);
        browser.awaitText(UA_ON_NATO, "Support", WAIT);
        browser.awaitText(US_ON_NATO, "Lean oppose", WAIT);
        browser.awaitText(cell("EU", "ukraine-nato-membership"), "Lean support", WAIT);
        WebElement link = browser.driver.findElement(RU_ON_NATO).findElement(By.tagName("a"));
        assertTrue(link.getAttribute("href").endsWith("#/topics/ukraine-nato-membership?party=RU"),
                link.getAttribute("href"));
        browser.screenshot("overview");

        // The slider, by keyboard: its first stop is the first statement (UA on us-peace-plan, 2025-11-23), when
        // nobody had spoken on NATO membership yet; its last stop is now again.
        WebElement slider = browser.await("the slider, once it has read the moments of the statements", WAIT,
                d -> d.findElements(By.cssSelector("#as-of:enabled")).stream().findFirst().orElse(null));
        slider.sendKeys(Keys.HOME);
        browser.awaitText(By.cssSelector("#stance-grid caption"), "Stances as of 2025-11-23 16:00 UTC", WAIT);
        browser.awaitText(RU_ON_NATO, "\u2013", WAIT);
        browser.awaitText(cell("UA", "us-peace-plan"), "Lean oppose", WAIT);
        slider.sendKeys(Keys.END);
        browser.awaitText(By.cssSelector("#stance-grid caption"), "Stances now", WAIT);
        browser.awaitText(cell("UA", "us-peace-plan"), "Lean support", WAIT);
    }

    @Test
    @Order(2)
    void shouldShowPokrovskContestedWithRussiaAssertingAndUkraineDenyingOnTheClaimsBoard() {
        browser.open(base + "/#/claims");
        By card = By.cssSelector("section[data-status='CONTESTED'] article[data-claim='pokrovsk-captured']");
        browser.await("the pokrovsk-captured card under CONTESTED", WAIT, d -> d.findElements(card).size() == 1);
        WebElement pokrovsk = browser.driver.findElement(card);
        assertEquals("RU", pokrovsk.findElement(By.cssSelector("dd[data-position='ASSERTS']")).getText());
        assertEquals("UA", pokrovsk.findElement(By.cssSelector("dd[data-position='DENIES']")).getText());
        assertTrue(pokrovsk.getText().contains("Russian forces have captured Pokrovsk"), pokrovsk.getText());
        assertTrue(pokrovsk.findElement(By.cssSelector("p.origin")).getText()
                .startsWith("First asserted by RU on 2025-12-01 07:00 UTC"), pokrovsk.getText());
        assertTrue(pokrovsk.getText().contains("2 events"), pokrovsk.getText());
        browser.screenshot("claims");
    }

    @Test
    @Order(3)
    void shouldMarkUkrainesReversalOnTheUsPeacePlanTimelineAndShowAStatementOnFocus() {
        browser.open(base + "/#/topics/us-peace-plan?party=UA");
        By change = By.cssSelector("svg.chart g.change[data-party='UA']");
        browser.await("UA's change mark on the us-peace-plan timeline", WAIT, d -> d.findElements(change).size() == 1);
        WebElement mark = browser.driver.findElement(change);
        assertEquals("2", mark.getAttribute("data-shift"));
        assertEquals("true", mark.getAttribute("data-reversal"));
        assertTrue(mark.getAttribute("textContent").startsWith("+2 reversal"), mark.getAttribute("textContent"));

        List<WebElement> statements = browser.driver.findElements(By.cssSelector("svg.chart circle.mark[data-party='UA']"));
        assertEquals(2, statements.size());
        new Actions(browser.driver).moveToElement(statements.get(0)).perform();
        browser.await("the first statement's detail on hover", WAIT, d -> d.findElement(By.id("statement-detail"))
                .getText().contains("Volodymyr Zelensky"));
        browser.script("arguments[0].focus()", statements.get(1)); // focusable: tabindex 0
        browser.await("the second statement's detail on focus", WAIT, d -> d.findElement(By.id("statement-detail"))
                .getText().contains("Rustem Umerov"));
        assertTrue(browser.driver.findElement(By.id("statement-detail")).getText()
                .contains("The plan has undergone modifications"));
        browser.screenshot("timeline");
    }

    @Test
    @Order(4)
    void shouldShowUkrainesChangesAndAgreementOnItsPartyPage() throws Exception {
        try (PartylinePublisher publisher = new PartylinePublisher(processor.bootstrapServers(),
                processor.registryUrl())) {
            publisher.publish(Claim.newBuilder().setEventId("dashboard-it-ua-pokrovsk-disputed").setParty("UA")
                    .setClaimId("pokrovsk-captured").setPosition(Position.DISPUTES)
                    .setOccurredAt(Instant.parse("2025-12-04T09:00:00Z")).build()).get();
        }
        // A change of position that leaves the claim's status as it was sends nothing on /api/events: the page is
        // opened once the API has it.
        new Api(processor.apiUrl()).await("/api/parties/UA/claim-changes", body -> body.path("changes").size() == 1,
                WAIT);
        browser.open(base + "/#/parties/UA");
        By claimChange = By.cssSelector("ul.claim-changes li[data-claim='pokrovsk-captured']");
        WebElement disputed = browser.await("UA's change of position on pokrovsk-captured", WAIT,
                d -> d.findElements(claimChange).stream().findFirst().orElse(null));
        assertTrue(disputed.getText().contains("DENIES \u2192 DISPUTES"), disputed.getText());
        assertTrue(!disputed.getText().contains("contradiction"), "denying then disputing is no contradiction");
        By change = By.cssSelector("ul.changes li[data-topic='us-peace-plan']");
        WebElement item = browser.await("UA's change on its page", WAIT, d -> d.findElements(change).stream()
                .findFirst().orElse(null));
        assertTrue(item.getText().contains("+2") && item.getText().contains("reversal"), item.getText());
        WebElement eu = browser.await("UA's agreement with EU", WAIT,
                d -> d.findElements(By.cssSelector("svg.agreement g[data-party='EU']")).stream().findFirst().orElse(null));
        assertTrue(eu.getAttribute("textContent").contains("same side on 2 of 2 shared topics, mean distance 0.50"),
                eu.getAttribute("textContent"));
        browser.screenshot("party");
    }

    @Test
    @Order(5)
    void shouldRedrawTheOpenOverviewWhenAStatementIsPublished() throws Exception {
        browser.open(base + "/#/overview");
        browser.awaitText(US_ON_NATO, "Lean oppose", WAIT);
        browser.await("the live feed connected", WAIT,
                d -> "live".equals(d.findElement(By.id("live")).getAttribute("data-state")));
        browser.script("window.partylineNotReloaded = true");

        try (PartylinePublisher publisher = new PartylinePublisher(processor.bootstrapServers(),
                processor.registryUrl())) {
            publisher.publish(Statement.newBuilder().setEventId("dashboard-it-us-nato-neutral").setParty("US")
                    .setTopic("ukraine-nato-membership").setStance(Stance.NEUTRAL).setSpeaker("Test speaker")
                    .setOccurredAt(Instant.parse("2025-12-08T10:00:00Z")).build()).get();
        }

        browser.awaitText(US_ON_NATO, "Neutral", Duration.ofSeconds(60));
        assertEquals(Boolean.TRUE, browser.script("return window.partylineNotReloaded === true"),
                "the page was reloaded instead of redrawn");
        browser.await("the update announced", WAIT, d -> d.findElement(By.id("announce")).getAttribute("textContent")
                .contains("US on ukraine-nato-membership: Lean oppose \u2192 Neutral"));
    }
}
