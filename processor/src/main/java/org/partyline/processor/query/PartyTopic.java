package org.partyline.processor.query;

import java.util.Optional;

import org.partyline.events.EventRules;

/**
 * A party and a topic: one stance to read. Between instances it is written {@code PARTY:topic}; neither a party
 * ({@code [A-Z0-9][A-Z0-9_.-]*}) nor a topic (a slug) can hold the colon.
 */
public record PartyTopic(String party, String topic) {
    /** {@code PARTY:topic}, as another instance is asked for it. */
    public String written() {
        return party + ":" + topic;
    }

    /** The pair {@link #written} gives; empty when {@code written} is not a party, a colon and a topic. */
    static Optional<PartyTopic> read(String written) {
        int colon = written.indexOf(':');
        if (colon < 0) {
            return Optional.empty();
        }
        PartyTopic pair = new PartyTopic(written.substring(0, colon), written.substring(colon + 1));
        return EventRules.isParty(pair.party()) && EventRules.isSlug(pair.topic()) ? Optional.of(pair)
                : Optional.empty();
    }
}
