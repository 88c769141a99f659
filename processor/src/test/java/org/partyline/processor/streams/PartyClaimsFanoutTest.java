package org.partyline.processor.streams;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.partyline.processor.domain.Events.at;
import static org.partyline.processor.domain.Events.claim;
import static org.partyline.schema.Position.ASSERTS;
import static org.partyline.schema.Position.DENIES;

import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.junit.jupiter.api.Test;
import org.partyline.schema.Claim;
import org.partyline.schema.view.ClaimView;

/**
 * {@code party-claims} is copied from {@code claims} once per commit interval ({@link PartyClaimsFanout}): events
 * only mark their claim in {@code party-claims-pending}; the punctuation copies the latest view to every party in it
 * and clears the marks. The test driver's wall clock moves only when told, so these tests pipe events without it.
 */
class PartyClaimsFanoutTest extends TopologyTestBase {
    private static final String POKROVSK = "pokrovsk-captured";

    private void pipe(Claim... events) {
        for (Claim e : events) {
            fixture.claims.pipeInput(e.getClaimId(), e);
        }
    }

    private List<String> pending() {
        List<String> keys = new ArrayList<>();
        try (KeyValueIterator<String, byte[]> it = fixture.<byte[]>store(StoreNames.PARTY_CLAIMS_PENDING).all()) {
            it.forEachRemaining(kv -> keys.add(kv.key));
        }
        return keys;
    }

    @Test
    void shouldMarkTheClaimAndCopyNothingUntilTheIntervalPasses() {
        pipe(claim("e1", "RU", POKROVSK, ASSERTS, at(1), "Pokrovsk is captured"),
                claim("e2", "UA", POKROVSK, DENIES, at(2), null),
                claim("e3", "US", "grain-stolen", ASSERTS, at(3), null));

        assertEquals(List.of("grain-stolen", POKROVSK), pending());
        assertNull(fixture.get(StoreNames.PARTY_CLAIMS, "RU", POKROVSK));
        assertNull(fixture.get(StoreNames.PARTY_CLAIMS, "US", "grain-stolen"));
    }

    @Test
    void shouldCopyTheLatestViewToEveryPartyInTheClaimAndClearTheMarks() {
        pipe(claim("e1", "RU", POKROVSK, ASSERTS, at(1), "Pokrovsk is captured"),
                claim("e2", "UA", POKROVSK, DENIES, at(2), null));

        fixture.commitIntervalPasses();

        ClaimView latest = fixture.get(StoreNames.CLAIMS, POKROVSK);
        assertEquals(2L, latest.getEvents());
        assertEquals(latest, fixture.get(StoreNames.PARTY_CLAIMS, "RU", POKROVSK));
        assertEquals(latest, fixture.get(StoreNames.PARTY_CLAIMS, "UA", POKROVSK));
        assertEquals(List.of(), pending());
    }

    @Test
    void shouldMarkAndCopyAgainOnlyTheClaimsWithNewEvents() {
        pipe(claim("e1", "RU", POKROVSK, ASSERTS, at(1), null), claim("e2", "US", "grain-stolen", ASSERTS, at(2), null));
        fixture.commitIntervalPasses();

        pipe(claim("e3", "UA", POKROVSK, DENIES, at(3), null));
        assertEquals(List.of(POKROVSK), pending());
        fixture.commitIntervalPasses();

        assertEquals(fixture.<ClaimView>get(StoreNames.CLAIMS, POKROVSK),
                fixture.get(StoreNames.PARTY_CLAIMS, "RU", POKROVSK));
        assertEquals(2L, fixture.<ClaimView>get(StoreNames.PARTY_CLAIMS, "UA", POKROVSK).getEvents());
        assertEquals(List.of(), pending());
    }
}
