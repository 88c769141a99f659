package org.partyline.processor.rest;

import java.util.LinkedHashMap;
import java.util.Map;

/** The bodies the API must give for {@code SeedViews}, by request path: the contract's shapes and sort orders. */
final class SeedBodies {
    static final String RU_ORIGIN = """
            {"party": "RU", "eventId": "ru-c1", "occurredAt": "2025-12-01T10:00:00Z",
             "source": {"url": null, "outlet": "Seed article", "title": "Talks and warnings", "publishedAt": null}}""";
    static final String POKROVSK = """
            {"claimId": "pokrovsk-captured", "proposition": "Russian forces captured Pokrovsk", "status": "CONTESTED",
             "positions": [
               {"party": "DE", "position": "RETRACTS", "occurredAt": "2025-12-02T09:00:00Z", "eventId": "de-c2", "events": 2},
               {"party": "RU", "position": "ASSERTS", "occurredAt": "2025-12-01T10:00:00Z", "eventId": "ru-c1", "events": 1},
               {"party": "UA", "position": "DENIES", "occurredAt": "2025-12-01T12:00:00Z", "eventId": "ua-c1", "events": 1}],
             "events": 4, "origin": %s}""".formatted(RU_ORIGIN);
    static final String PEACE_PLAN = """
            {"claimId": "us-peace-plan-accepted", "proposition": null, "status": "ASSERTED",
             "positions": [
               {"party": "US", "position": "ASSERTS", "occurredAt": "2025-12-02T09:00:00Z", "eventId": "us-c1", "events": 1}],
             "events": 1,
             "origin": {"party": "US", "eventId": "us-c1", "occurredAt": "2025-12-02T09:00:00Z", "source": null}}""";
    static final String DE_RETRACTS = """
            {"claimId": "pokrovsk-captured", "from": "ASSERTS", "to": "RETRACTS", "occurredAt": "2025-12-02T09:00:00Z",
             "eventId": "de-c2", "contradiction": false}""";

    static final Map<String, String> BY_PATH = new LinkedHashMap<>();

    static {
        BY_PATH.put("/api/parties", """
                {"parties": ["DE", "EU", "RU", "UA", "US"], "next": null}""");
        BY_PATH.put("/api/parties/US/stances", """
                {"party": "US", "stances": [
                  {"topic": "security-guarantees", "stance": "LEAN_SUPPORT", "since": "2025-12-05T13:00:00Z", "statements": 2},
                  {"topic": "ukraine-nato-membership", "stance": "LEAN_OPPOSE", "since": "2025-12-05T13:00:00Z", "statements": 2}], "next": null}""");
        BY_PATH.put("/api/parties/RU/stances", """
                {"party": "RU", "stances": [
                  {"topic": "ukraine-nato-membership", "stance": "OPPOSE", "since": "2025-12-05T10:00:00Z", "statements": 2}], "next": null}""");
        BY_PATH.put("/api/parties/UA/stances", """
                {"party": "UA", "stances": [
                  {"topic": "ukraine-nato-membership", "stance": "SUPPORT", "since": "2025-12-05T11:00:00Z", "statements": 1}], "next": null}""");
        BY_PATH.put("/api/parties/EU/stances", """
                {"party": "EU", "stances": [
                  {"topic": "ukraine-nato-membership", "stance": "SUPPORT", "since": "2025-12-05T12:00:00Z", "statements": 1}], "next": null}""");
        BY_PATH.put("/api/parties/DE/stances", """
                {"party": "DE", "stances": [], "next": null}""");
        BY_PATH.put("/api/parties/UA/stances/ukraine-nato-membership", """
                {"party": "UA", "topic": "ukraine-nato-membership", "stance": "SUPPORT", "since": "2025-12-05T11:00:00Z",
                 "history": [{"eventId": "ua-1", "stance": "SUPPORT", "occurredAt": "2025-12-05T11:00:00Z",
                              "speaker": "Volodymyr Zelensky", "quote": "Membership is the real guarantee.",
                              "source": {"url": "https://example.org/a", "outlet": "Example News",
                                         "title": "Talks in Moscow", "publishedAt": "2025-12-05T15:30:00Z"}}],
                 "changes": [], "next": null}""");
        BY_PATH.put("/api/parties/US/stances/ukraine-nato-membership", """
                {"party": "US", "topic": "ukraine-nato-membership", "stance": "LEAN_OPPOSE", "since": "2025-12-05T13:00:00Z",
                 "history": [
                   {"eventId": "us-1", "stance": "NEUTRAL", "occurredAt": "2025-12-04T09:00:00Z",
                    "speaker": null, "quote": null, "source": null},
                   {"eventId": "us-2", "stance": "LEAN_OPPOSE", "occurredAt": "2025-12-05T13:00:00Z",
                    "speaker": null, "quote": null, "source": null}],
                 "changes": [{"topic": "ukraine-nato-membership", "from": "NEUTRAL", "to": "LEAN_OPPOSE",
                              "occurredAt": "2025-12-05T13:00:00Z", "eventId": "us-2", "shift": -1,
                              "reversal": false}], "next": null}""");
        BY_PATH.put("/api/parties/US/changes", """
                {"party": "US", "changes": [
                  {"topic": "ukraine-nato-membership", "from": "NEUTRAL", "to": "LEAN_OPPOSE",
                   "occurredAt": "2025-12-05T13:00:00Z", "eventId": "us-2", "shift": -1, "reversal": false},
                  {"topic": "security-guarantees", "from": "SUPPORT", "to": "LEAN_SUPPORT",
                   "occurredAt": "2025-12-05T13:00:00Z", "eventId": "us-3", "shift": -1, "reversal": false}], "next": null}""");
        BY_PATH.put("/api/parties/RU/changes", """
                {"party": "RU", "changes": [], "next": null}""");
        BY_PATH.put("/api/parties/DE/changes", """
                {"party": "DE", "changes": [], "next": null}""");
        BY_PATH.put("/api/topics/ukraine-nato-membership/stances", """
                {"topic": "ukraine-nato-membership", "stances": [
                  {"party": "EU", "stance": "SUPPORT", "since": "2025-12-05T12:00:00Z"},
                  {"party": "RU", "stance": "OPPOSE", "since": "2025-12-05T10:00:00Z"},
                  {"party": "UA", "stance": "SUPPORT", "since": "2025-12-05T11:00:00Z"},
                  {"party": "US", "stance": "LEAN_OPPOSE", "since": "2025-12-05T13:00:00Z"}], "next": null}""");
        BY_PATH.put("/api/topics/security-guarantees/stances", """
                {"topic": "security-guarantees", "stances": [
                  {"party": "US", "stance": "LEAN_SUPPORT", "since": "2025-12-05T13:00:00Z"}], "next": null}""");
        BY_PATH.put("/api/claims/pokrovsk-captured", POKROVSK);
        BY_PATH.put("/api/claims/us-peace-plan-accepted", PEACE_PLAN);
        BY_PATH.put("/api/claims", "{\"claims\": [" + POKROVSK + "," + PEACE_PLAN + "], \"next\": null}");
        BY_PATH.put("/api/claims?status=CONTESTED", "{\"claims\": [" + POKROVSK + "], \"next\": null}");
        BY_PATH.put("/api/claims?status=ASSERTED", "{\"claims\": [" + PEACE_PLAN + "], \"next\": null}");
        BY_PATH.put("/api/claims?status=WITHDRAWN", "{\"claims\": [], \"next\": null}");
        BY_PATH.put("/api/parties/RU/contested-claims", "{\"party\": \"RU\", \"claims\": [" + POKROVSK + "], \"next\": null}");
        BY_PATH.put("/api/parties/UA/contested-claims", "{\"party\": \"UA\", \"claims\": [" + POKROVSK + "], \"next\": null}");
        BY_PATH.put("/api/parties/DE/contested-claims", "{\"party\": \"DE\", \"claims\": [], \"next\": null}");
        BY_PATH.put("/api/parties/EU/contested-claims", "{\"party\": \"EU\", \"claims\": [], \"next\": null}");
        BY_PATH.put("/api/parties/US/contested-claims", "{\"party\": \"US\", \"claims\": [], \"next\": null}");
        BY_PATH.put("/api/parties/DE/claim-changes", "{\"party\": \"DE\", \"changes\": [" + DE_RETRACTS + "], \"next\": null}");
        BY_PATH.put("/api/parties/RU/claim-changes", "{\"party\": \"RU\", \"changes\": [], \"next\": null}");
        BY_PATH.put("/api/parties/EU/claim-changes", "{\"party\": \"EU\", \"changes\": [], \"next\": null}");
        // As of an event's own time (inclusive), of a time between two events, and of a time before every event.
        BY_PATH.put("/api/parties/DE/claim-changes?asOf=2025-12-02T09:00:00Z",
                "{\"party\": \"DE\", \"changes\": [" + DE_RETRACTS + "], \"next\": null}");
        BY_PATH.put("/api/parties/DE/claim-changes?asOf=2025-12-02T10:59:59%2B02:00",
                "{\"party\": \"DE\", \"changes\": [], \"next\": null}");
        BY_PATH.put("/api/claims/pokrovsk-captured?asOf=2025-12-01T12:00:00Z", """
                {"claimId": "pokrovsk-captured", "proposition": "Russian forces captured Pokrovsk", "status": "CONTESTED",
                 "positions": [
                   {"party": "RU", "position": "ASSERTS", "occurredAt": "2025-12-01T10:00:00Z", "eventId": "ru-c1", "events": 1},
                   {"party": "UA", "position": "DENIES", "occurredAt": "2025-12-01T12:00:00Z", "eventId": "ua-c1", "events": 1}],
                 "events": 2, "origin": %s}""".formatted(RU_ORIGIN));
        BY_PATH.put("/api/claims/pokrovsk-captured?asOf=2025-12-01T16:00:00Z", """
                {"claimId": "pokrovsk-captured", "proposition": "Russian forces captured Pokrovsk", "status": "CONTESTED",
                 "positions": [
                   {"party": "DE", "position": "ASSERTS", "occurredAt": "2025-12-01T15:00:00Z", "eventId": "de-c1", "events": 1},
                   {"party": "RU", "position": "ASSERTS", "occurredAt": "2025-12-01T10:00:00Z", "eventId": "ru-c1", "events": 1},
                   {"party": "UA", "position": "DENIES", "occurredAt": "2025-12-01T12:00:00Z", "eventId": "ua-c1", "events": 1}],
                 "events": 3, "origin": %s}""".formatted(RU_ORIGIN));
        BY_PATH.put("/api/claims/pokrovsk-captured?asOf=2025-12-01T11:00:00Z", """
                {"claimId": "pokrovsk-captured", "proposition": "Russian forces captured Pokrovsk", "status": "ASSERTED",
                 "positions": [
                   {"party": "RU", "position": "ASSERTS", "occurredAt": "2025-12-01T10:00:00Z", "eventId": "ru-c1", "events": 1}],
                 "events": 1, "origin": %s}""".formatted(RU_ORIGIN));
        BY_PATH.put("/api/claims/pokrovsk-captured?asOf=2025-11-30T00:00:00Z", """
                {"claimId": "pokrovsk-captured", "proposition": null, "status": null, "positions": [], "events": 0,
                 "origin": null}""");
    }

    /** Requests that must fail, with their status. */
    static final Map<String, Integer> ERRORS = new LinkedHashMap<>();

    static {
        ERRORS.put("/api/parties/NOBODY-HERE/stances", 404);
        ERRORS.put("/api/parties/NOBODY-HERE/changes", 404);
        ERRORS.put("/api/parties/NOBODY-HERE/contested-claims", 404);
        ERRORS.put("/api/parties/NOBODY-HERE/stances/ukraine-nato-membership", 404);
        ERRORS.put("/api/parties/UA/stances/no-such-topic", 404);
        ERRORS.put("/api/claims/no-such-claim", 404);
        ERRORS.put("/api/claims/no-such-claim?asOf=2025-01-01T00:00:00Z", 404);
        ERRORS.put("/api/claims/pokrovsk-captured?asOf=yesterday", 400);
        ERRORS.put("/api/parties/NOBODY-HERE/claim-changes", 404);
        ERRORS.put("/api/parties/NOBODY-HERE/claim-changes?asOf=2025-12-02T09:00:00Z", 404);
        ERRORS.put("/api/parties/DE/claim-changes?asOf=2025-13-01T00:00:00Z", 400);
        ERRORS.put("/api/parties/bad%20party!/claim-changes", 400);
        ERRORS.put("/api/topics/no-such-topic/stances", 404);
        ERRORS.put("/api/claims/Not%20A%20Slug", 400);
        ERRORS.put("/api/topics/BAD%20TOPIC/stances", 400);
        ERRORS.put("/api/parties/bad%20party!/stances", 400);
        ERRORS.put("/api/parties/%20/changes", 400);
        ERRORS.put("/api/parties/UA/stances/Bad_Topic", 400);
        ERRORS.put("/api/parties/RU%2FUA/contested-claims", 400);
        ERRORS.put("/api/claims?status=BOGUS", 400);
        ERRORS.put("/api/nothing-here", 404);
        ERRORS.put("/api/parties/UA", 404);
    }

    private SeedBodies() {
    }
}
