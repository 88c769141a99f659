package org.partyline.processor.domain;

import java.util.Optional;
import org.partyline.schema.StanceChange;
import org.partyline.schema.view.StanceSummary;
import org.partyline.schema.view.TopicStance;

/**
 * What one statement did to its (party, topic): the new summary, the change of the current stance if it changed
 * value (for {@code stance-changes}), and the party's stance as seen from the topic if its stance or since moved.
 */
public record StanceUpdate(StanceSummary summary, Optional<StanceChange> currentChange,
                           Optional<TopicStance> topicStance) {

    public static StanceUpdate none(StanceSummary summary) {
        return new StanceUpdate(summary, Optional.empty(), Optional.empty());
    }
}
