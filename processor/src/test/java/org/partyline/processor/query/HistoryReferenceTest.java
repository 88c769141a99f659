package org.partyline.processor.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.Test;
import org.partyline.schema.Claim;
import org.partyline.schema.Position;
import org.partyline.schema.Source;
import org.partyline.schema.Stance;
import org.partyline.schema.Statement;

/**
 * {@link HistoryReference} on a small example whose answers were worked out by hand from CONTRACT sections 2 to 6:
 * now, before every event, at an event's own time and between events. Bodies are compared as Jackson trees, the way
 * a test compares them with the JSON of the REST API.
 */
class HistoryReferenceTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String NATO = "ukraine-nato-membership";
    private static final String GRAIN = "grain-deal";
    private static final String POKROVSK = "pokrovsk-captured";
    private static final String PEACE = "us-peace-plan";
    private static final Optional<Instant> NOW = Optional.empty();
    private static final Optional<Instant> BEFORE_ALL = asOf("2025-12-05T09:59:59Z");
    private static final Optional<Instant> AT_NOON = asOf("2025-12-05T12:00:00Z");
    private static final Optional<Instant> BETWEEN = asOf("2025-12-05T12:45:00Z");

    /**
     * RU on NATO: OPPOSE 10:00, NEUTRAL 12:00 (arrives late), LEAN_SUPPORT 13:00; RU on grain: SUPPORT 11:00, NEUTRAL
     * 12:30. UA on NATO: SUPPORT 11:00, OPPOSE 15:00 (a reversal); UA on grain: NEUTRAL 12:00. EU on NATO: LEAN_OPPOSE
     * 12:00. Pokrovsk: RU ASSERTS 10:00, UA DENIES 11:00, RU RETRACTS 13:00, UA ASSERTS 14:00. The peace plan: DE
     * DISPUTES 12:00 with an empty proposition. Two redeliveries of used ids (other content, earlier) are ignored.
     */
    private static final List<SpecificRecord> EVENTS = List.of(
            statement("ru-1", "RU", NATO, Stance.OPPOSE, "10:00", "Dmitry Peskov", null),
            statement("ua-1", " ua ", NATO, Stance.SUPPORT, "11:00", null,
                    new Source("https://example.org/a", "Example News", null, Instant.parse("2025-12-05T11:30:00Z"))),
            statement("ru-3", "RU", NATO, Stance.LEAN_SUPPORT, "13:00", null, null),
            statement("ru-2", "RU", NATO, Stance.NEUTRAL, "12:00", null, null),
            statement("ru-1", "RU", NATO, Stance.SUPPORT, "09:00", null, null),
            statement("ua-2", "UA", GRAIN, Stance.NEUTRAL, "12:00", null, null),
            statement("ru-4", "RU", GRAIN, Stance.NEUTRAL, "12:30", null, null),
            statement("eu-1", "EU", NATO, Stance.LEAN_OPPOSE, "12:00", null, null),
            statement("ua-3", "UA", NATO, Stance.OPPOSE, "15:00", null, null),
            statement("ru-5", "RU", GRAIN, Stance.SUPPORT, "11:00", null, null),
            claim("rc-1", "RU", POKROVSK, Position.ASSERTS, "10:00", "Russian forces captured Pokrovsk",
                    new Source("https://example.org/b", null, "Claim", null)),
            claim("uc-1", "UA", POKROVSK, Position.DENIES, "11:00", null, null),
            claim("rc-2", "RU", POKROVSK, Position.RETRACTS, "13:00", null, null),
            claim("uc-2", "UA", POKROVSK, Position.ASSERTS, "14:00", "A later wording", null),
            claim("uc-1", "UA", POKROVSK, Position.ASSERTS, "09:00", null, null),
            claim("dc-1", "DE", PEACE, Position.DISPUTES, "12:00", "", null));

    private final HistoryReference reference = HistoryReference.of(EVENTS);

    private static Optional<Instant> asOf(String instant) {
        return Optional.of(Instant.parse(instant));
    }

    private static Instant at(String hhmm) {
        return Instant.parse("2025-12-05T" + hhmm + ":00Z");
    }

    private static Statement statement(String eventId, String party, String topic, Stance stance, String at,
                                       String speaker, Source source) {
        return Statement.newBuilder().setEventId(eventId).setParty(party).setTopic(topic).setStance(stance)
                .setOccurredAt(at(at)).setSpeaker(speaker).setSource(source).build();
    }

    private static Claim claim(String eventId, String party, String claimId, Position position, String at,
                               String proposition, Source source) {
        return Claim.newBuilder().setEventId(eventId).setParty(party).setClaimId(claimId).setPosition(position)
                .setOccurredAt(at(at)).setProposition(proposition).setSource(source).build();
    }

    private static void assertBody(String expected, Optional<Map<String, Object>> actual) {
        assertTrue(actual.isPresent(), "expected a body, found none (404): " + expected);
        JsonNode want;
        try {
            want = JSON.readTree(expected);
        } catch (IOException e) {
            throw new IllegalArgumentException("expected body is not JSON: " + expected, e);
        }
        assertEquals(want, JSON.valueToTree(actual.get()));
    }

    @Test
    void shouldProbeTheInstantsOfTheOracle() {
        assertEquals(List.of(Instant.parse("2025-12-05T12:00:00Z"), Instant.parse("2025-12-05T12:45:00Z"),
                Instant.parse("2025-12-05T09:59:59Z")), reference.asOfPoints());
        assertEquals(List.of("DE", "EU", "RU", "UA"), reference.parties());
    }

    @Test
    void shouldFoldThePartysStancesAndChangesOfNowWithShiftAndReversal() {
        assertBody("""
                {"party": "RU", "stances": [
                  {"topic": "grain-deal", "stance": "NEUTRAL", "since": "2025-12-05T12:30:00Z", "statements": 2},
                  {"topic": "ukraine-nato-membership", "stance": "LEAN_SUPPORT", "since": "2025-12-05T13:00:00Z",
                   "statements": 3}]}""", reference.partyStances("RU", NOW));
        assertBody("""
                {"party": "RU", "topic": "ukraine-nato-membership", "stance": "LEAN_SUPPORT",
                 "since": "2025-12-05T13:00:00Z",
                 "history": [
                   {"eventId": "ru-1", "stance": "OPPOSE", "occurredAt": "2025-12-05T10:00:00Z",
                    "speaker": "Dmitry Peskov", "quote": null, "source": null},
                   {"eventId": "ru-2", "stance": "NEUTRAL", "occurredAt": "2025-12-05T12:00:00Z",
                    "speaker": null, "quote": null, "source": null},
                   {"eventId": "ru-3", "stance": "LEAN_SUPPORT", "occurredAt": "2025-12-05T13:00:00Z",
                    "speaker": null, "quote": null, "source": null}],
                 "changes": [
                   {"topic": "ukraine-nato-membership", "from": "OPPOSE", "to": "NEUTRAL",
                    "occurredAt": "2025-12-05T12:00:00Z", "eventId": "ru-2", "shift": 2, "reversal": false},
                   {"topic": "ukraine-nato-membership", "from": "NEUTRAL", "to": "LEAN_SUPPORT",
                    "occurredAt": "2025-12-05T13:00:00Z", "eventId": "ru-3", "shift": 1, "reversal": false}]}""",
                reference.partyTopic("ru", NATO, NOW));
        assertBody("""
                {"party": "RU", "changes": [
                  {"topic": "ukraine-nato-membership", "from": "OPPOSE", "to": "NEUTRAL",
                   "occurredAt": "2025-12-05T12:00:00Z", "eventId": "ru-2", "shift": 2, "reversal": false},
                  {"topic": "grain-deal", "from": "SUPPORT", "to": "NEUTRAL",
                   "occurredAt": "2025-12-05T12:30:00Z", "eventId": "ru-4", "shift": -2, "reversal": false},
                  {"topic": "ukraine-nato-membership", "from": "NEUTRAL", "to": "LEAN_SUPPORT",
                   "occurredAt": "2025-12-05T13:00:00Z", "eventId": "ru-3", "shift": 1, "reversal": false}]}""",
                reference.partyChanges("RU", NOW));
        assertBody("""
                {"party": "UA", "topic": "ukraine-nato-membership", "stance": "OPPOSE", "since": "2025-12-05T15:00:00Z",
                 "history": [
                   {"eventId": "ua-1", "stance": "SUPPORT", "occurredAt": "2025-12-05T11:00:00Z",
                    "speaker": null, "quote": null,
                    "source": {"url": "https://example.org/a", "outlet": "Example News", "title": null,
                               "publishedAt": "2025-12-05T11:30:00Z"}},
                   {"eventId": "ua-3", "stance": "OPPOSE", "occurredAt": "2025-12-05T15:00:00Z",
                    "speaker": null, "quote": null, "source": null}],
                 "changes": [
                   {"topic": "ukraine-nato-membership", "from": "SUPPORT", "to": "OPPOSE",
                    "occurredAt": "2025-12-05T15:00:00Z", "eventId": "ua-3", "shift": -4, "reversal": true}]}""",
                reference.partyTopic("UA", NATO, NOW));
        assertBody("""
                {"topic": "ukraine-nato-membership", "stances": [
                  {"party": "EU", "stance": "LEAN_OPPOSE", "since": "2025-12-05T12:00:00Z"},
                  {"party": "RU", "stance": "LEAN_SUPPORT", "since": "2025-12-05T13:00:00Z"},
                  {"party": "UA", "stance": "OPPOSE", "since": "2025-12-05T15:00:00Z"}]}""",
                reference.topicStances(NATO, NOW));
        assertBody("""
                {"party": "DE", "stances": []}""", reference.partyStances("DE", NOW));
        assertBody("""
                {"party": "DE", "changes": []}""", reference.partyChanges("DE", NOW));
    }

    @Test
    void shouldFoldTheClaimWithItsOriginCountsAndThePartysChangesOfPosition() {
        assertBody("""
                {"claimId": "pokrovsk-captured", "proposition": "Russian forces captured Pokrovsk", "status": "ASSERTED",
                 "positions": [
                   {"party": "RU", "position": "RETRACTS", "occurredAt": "2025-12-05T13:00:00Z", "eventId": "rc-2",
                    "events": 2},
                   {"party": "UA", "position": "ASSERTS", "occurredAt": "2025-12-05T14:00:00Z", "eventId": "uc-2",
                    "events": 2}],
                 "events": 4,
                 "origin": {"party": "RU", "eventId": "rc-1", "occurredAt": "2025-12-05T10:00:00Z",
                            "source": {"url": "https://example.org/b", "outlet": null, "title": "Claim",
                                       "publishedAt": null}}}""", reference.claim(POKROVSK, NOW));
        assertBody("""
                {"claimId": "us-peace-plan", "proposition": null, "status": "DENIED",
                 "positions": [
                   {"party": "DE", "position": "DISPUTES", "occurredAt": "2025-12-05T12:00:00Z", "eventId": "dc-1",
                    "events": 1}],
                 "events": 1, "origin": null}""", reference.claim(PEACE, NOW));
        assertBody("""
                {"party": "UA", "changes": [
                  {"claimId": "pokrovsk-captured", "from": "DENIES", "to": "ASSERTS",
                   "occurredAt": "2025-12-05T14:00:00Z", "eventId": "uc-2", "contradiction": true}]}""",
                reference.claimChanges("UA", NOW));
        assertBody("""
                {"party": "RU", "changes": [
                  {"claimId": "pokrovsk-captured", "from": "ASSERTS", "to": "RETRACTS",
                   "occurredAt": "2025-12-05T13:00:00Z", "eventId": "rc-2", "contradiction": false}]}""",
                reference.claimChanges("RU", NOW));
        assertBody("""
                {"party": "EU", "changes": []}""", reference.claimChanges("EU", NOW));
    }

    @Test
    void shouldCountATieOnNeutralAsAgreement() {
        // RU and UA both NEUTRAL on grain (agree), LEAN_SUPPORT against OPPOSE on NATO (distance 3).
        assertBody("""
                {"party": "RU", "agreement": [
                  {"party": "EU", "topics": 1, "agree": 0, "distance": 2.0},
                  {"party": "UA", "topics": 2, "agree": 1, "distance": 1.5}]}""", reference.agreement("RU", NOW));
        assertBody("""
                {"party": "UA", "agreement": [
                  {"party": "EU", "topics": 1, "agree": 1, "distance": 1.0},
                  {"party": "RU", "topics": 2, "agree": 1, "distance": 1.5}]}""", reference.agreement("UA", NOW));
        assertBody("""
                {"party": "DE", "agreement": []}""", reference.agreement("DE", NOW));
    }

    @Test
    void shouldAnswerEmptyBodiesBeforeEveryEventForWhatIsKnownNow() {
        assertBody("""
                {"party": "RU", "stances": []}""", reference.partyStances("RU", BEFORE_ALL));
        assertBody("""
                {"party": "RU", "topic": "ukraine-nato-membership", "stance": null, "since": null,
                 "history": [], "changes": []}""", reference.partyTopic("RU", NATO, BEFORE_ALL));
        assertBody("""
                {"party": "RU", "changes": []}""", reference.partyChanges("RU", BEFORE_ALL));
        assertBody("""
                {"topic": "ukraine-nato-membership", "stances": []}""", reference.topicStances(NATO, BEFORE_ALL));
        assertBody("""
                {"claimId": "pokrovsk-captured", "proposition": null, "status": null, "positions": [],
                 "origin": null, "events": 0}""", reference.claim(POKROVSK, BEFORE_ALL));
        assertBody("""
                {"party": "RU", "changes": []}""", reference.claimChanges("RU", BEFORE_ALL));
        assertBody("""
                {"party": "RU", "agreement": []}""", reference.agreement("RU", BEFORE_ALL));
    }

    @Test
    void shouldAnswerNotFoundForWhatIsUnknownNowWhateverTheInstant() {
        for (Optional<Instant> asOf : List.of(NOW, BEFORE_ALL, AT_NOON)) {
            assertFalse(reference.partyStances("XX", asOf).isPresent());
            assertFalse(reference.partyTopic("DE", NATO, asOf).isPresent(), "DE never spoke on NATO");
            assertFalse(reference.topicStances("no-such-topic", asOf).isPresent());
            assertFalse(reference.claim("no-such-claim", asOf).isPresent());
            assertFalse(reference.agreement("XX", asOf).isPresent());
        }
        assertFalse(reference.views(BEFORE_ALL).containsKey("/api/parties"), "a view that takes no asOf");
        assertTrue(reference.views(NOW).containsKey("/api/claims?status=DENIED"));
    }

    @Test
    void shouldIncludeTheEventsAtTheInstantItself() {
        assertBody("""
                {"party": "RU", "stances": [
                  {"topic": "grain-deal", "stance": "SUPPORT", "since": "2025-12-05T11:00:00Z", "statements": 1},
                  {"topic": "ukraine-nato-membership", "stance": "NEUTRAL", "since": "2025-12-05T12:00:00Z",
                   "statements": 2}]}""", reference.partyStances("RU", AT_NOON));
        assertBody("""
                {"party": "RU", "changes": [
                  {"topic": "ukraine-nato-membership", "from": "OPPOSE", "to": "NEUTRAL",
                   "occurredAt": "2025-12-05T12:00:00Z", "eventId": "ru-2", "shift": 2, "reversal": false}]}""",
                reference.partyChanges("RU", AT_NOON));
        assertBody("""
                {"topic": "ukraine-nato-membership", "stances": [
                  {"party": "EU", "stance": "LEAN_OPPOSE", "since": "2025-12-05T12:00:00Z"},
                  {"party": "RU", "stance": "NEUTRAL", "since": "2025-12-05T12:00:00Z"},
                  {"party": "UA", "stance": "SUPPORT", "since": "2025-12-05T11:00:00Z"}]}""",
                reference.topicStances(NATO, AT_NOON));
        assertBody("""
                {"claimId": "pokrovsk-captured", "proposition": "Russian forces captured Pokrovsk", "status": "CONTESTED",
                 "positions": [
                   {"party": "RU", "position": "ASSERTS", "occurredAt": "2025-12-05T10:00:00Z", "eventId": "rc-1",
                    "events": 1},
                   {"party": "UA", "position": "DENIES", "occurredAt": "2025-12-05T11:00:00Z", "eventId": "uc-1",
                    "events": 1}],
                 "events": 2,
                 "origin": {"party": "RU", "eventId": "rc-1", "occurredAt": "2025-12-05T10:00:00Z",
                            "source": {"url": "https://example.org/b", "outlet": null, "title": "Claim",
                                       "publishedAt": null}}}""", reference.claim(POKROVSK, AT_NOON));
        assertBody("""
                {"party": "UA", "changes": []}""", reference.claimChanges("UA", AT_NOON));
        assertBody("""
                {"party": "RU", "agreement": [
                  {"party": "EU", "topics": 1, "agree": 0, "distance": 1.0},
                  {"party": "UA", "topics": 2, "agree": 0, "distance": 2.0}]}""", reference.agreement("RU", AT_NOON));
    }

    @Test
    void shouldFoldOnlyTheEventsUpToATimeBetweenEvents() {
        assertBody("""
                {"party": "RU", "changes": [
                  {"topic": "ukraine-nato-membership", "from": "OPPOSE", "to": "NEUTRAL",
                   "occurredAt": "2025-12-05T12:00:00Z", "eventId": "ru-2", "shift": 2, "reversal": false},
                  {"topic": "grain-deal", "from": "SUPPORT", "to": "NEUTRAL",
                   "occurredAt": "2025-12-05T12:30:00Z", "eventId": "ru-4", "shift": -2, "reversal": false}]}""",
                reference.partyChanges("RU", BETWEEN));
        assertBody("""
                {"party": "UA", "topic": "ukraine-nato-membership", "stance": "SUPPORT", "since": "2025-12-05T11:00:00Z",
                 "history": [
                   {"eventId": "ua-1", "stance": "SUPPORT", "occurredAt": "2025-12-05T11:00:00Z",
                    "speaker": null, "quote": null,
                    "source": {"url": "https://example.org/a", "outlet": "Example News", "title": null,
                               "publishedAt": "2025-12-05T11:30:00Z"}}],
                 "changes": []}""", reference.partyTopic("UA", NATO, BETWEEN));
        // Both NEUTRAL on grain (a tie on NEUTRAL agrees), NEUTRAL against SUPPORT on NATO.
        assertBody("""
                {"party": "RU", "agreement": [
                  {"party": "EU", "topics": 1, "agree": 0, "distance": 1.0},
                  {"party": "UA", "topics": 2, "agree": 1, "distance": 1.0}]}""", reference.agreement("RU", BETWEEN));
        Optional<Instant> beforeGrain = asOf("2025-12-05T10:30:00Z");
        assertBody("""
                {"party": "RU", "topic": "grain-deal", "stance": null, "since": null, "history": [], "changes": []}""",
                reference.partyTopic("RU", GRAIN, beforeGrain));
        assertBody("""
                {"party": "RU", "stances": [
                  {"topic": "ukraine-nato-membership", "stance": "OPPOSE", "since": "2025-12-05T10:00:00Z",
                   "statements": 1}]}""", reference.partyStances("RU", beforeGrain));
        assertBody("""
                {"claimId": "us-peace-plan", "proposition": null, "status": null, "positions": [],
                 "origin": null, "events": 0}""", reference.claim(PEACE, beforeGrain));
        assertBody("""
                {"party": "EU", "stances": []}""", reference.partyStances("EU", beforeGrain));
    }
}
