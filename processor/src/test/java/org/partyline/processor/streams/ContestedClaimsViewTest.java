package org.partyline.processor.streams;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.partyline.processor.domain.Events.at;
import static org.partyline.processor.domain.Events.claim;
import static org.partyline.schema.Position.ASSERTS;
import static org.partyline.schema.Position.DENIES;
import static org.partyline.schema.Position.DISPUTES;
import static org.partyline.schema.Position.RETRACTS;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.partyline.schema.ClaimStatus;
import org.partyline.schema.Position;
import org.partyline.schema.view.PartyClaim;

/**
 * The claims of each party, re-keyed by party (store {@code party-claims}): for every claim in which the party took a
 * position, its own position and the claim's status, kept current, from which the REST layer lists the CONTESTED
 * ones where it holds a position.
 */
class ContestedClaimsViewTest extends TopologyTestBase {
    private List<PartyClaim> claimsOf(String party) {
        return fixture.scan(StoreNames.PARTY_CLAIMS, party);
    }

    /** The query of {@code /api/parties/{party}/contested-claims}, over the store. */
    private List<String> contestedClaimsOf(String party) {
        return claimsOf(party).stream()
                .filter(v -> v.getStatus() == ClaimStatus.CONTESTED)
                .filter(v -> v.getPosition() != Position.RETRACTS)
                .map(PartyClaim::getClaimId)
                .toList();
    }

    @Test
    void shouldGiveEachPartyEveryClaimItTookAPositionInByClaimId() {
        fixture.publish(claim("e1", "RU", "pokrovsk-captured", ASSERTS, at(1), "P"),
                claim("e2", "UA", "pokrovsk-captured", DENIES, at(2), null),
                claim("e3", "RU", "bridge-destroyed", DENIES, at(3), null),
                claim("e4", "UA", "grain-stolen", ASSERTS, at(4), null));

        assertEquals(List.of("bridge-destroyed", "pokrovsk-captured"),
                claimsOf("RU").stream().map(PartyClaim::getClaimId).toList());
        assertEquals(List.of("grain-stolen", "pokrovsk-captured"),
                claimsOf("UA").stream().map(PartyClaim::getClaimId).toList());
        assertEquals(new PartyClaim("pokrovsk-captured", ASSERTS, ClaimStatus.CONTESTED), claimsOf("RU").get(1));
        assertEquals(new PartyClaim("bridge-destroyed", DENIES, ClaimStatus.DENIED), claimsOf("RU").get(0));
    }

    @Test
    void shouldKeepEveryPartysCopyOfAClaimCurrent() {
        fixture.publish(claim("e1", "RU", "pokrovsk-captured", ASSERTS, at(1), null),
                claim("e2", "UA", "pokrovsk-captured", DISPUTES, at(2), null));
        assertEquals(List.of("pokrovsk-captured"), contestedClaimsOf("RU"));
        assertEquals(List.of("pokrovsk-captured"), contestedClaimsOf("UA"));

        fixture.publish(claim("e3", "UA", "pokrovsk-captured", RETRACTS, at(3), null));

        assertEquals(List.of(), contestedClaimsOf("RU"));
        assertEquals(List.of(), contestedClaimsOf("UA"));
        assertEquals(ClaimStatus.ASSERTED, claimsOf("UA").get(0).getStatus());
    }

    @Test
    void shouldLeaveOutAContestedClaimThePartyRetractedFrom() {
        fixture.publish(claim("e1", "RU", "pokrovsk-captured", ASSERTS, at(1), null),
                claim("e2", "UA", "pokrovsk-captured", DENIES, at(2), null),
                claim("e3", "BY", "pokrovsk-captured", ASSERTS, at(3), null),
                claim("e4", "BY", "pokrovsk-captured", RETRACTS, at(4), null));

        assertEquals(List.of("pokrovsk-captured"), contestedClaimsOf("RU"));
        assertEquals(List.of(), contestedClaimsOf("BY"));
        assertEquals(1, claimsOf("BY").size(), "a party that retracted still knows the claim");
    }
}
