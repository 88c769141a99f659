package org.partyline.processor.domain;

import java.util.Optional;
import org.partyline.schema.StanceChange;
import org.partyline.schema.view.StanceSummary;
import org.partyline.schema.view.TopicStance;

/**
 * What one statement did to its (party, topic): the new summary, the change of the current stance if it changed
 * value (for {@code stance-changes}), the party's stance as seen from the topic if its stance or since moved (or,
 * for a statement folded before, the current one again, so that a re-keyed view that missed it catches up), and
 * whether the statement was folded now ({@code false}: the summary already held it).
 */
public record StanceUpdate(StanceSummary summary, Optional<StanceChange> currentChange,
                           Optional<TopicStance> topicStance, boolean folded) {

    public StanceUpdate(StanceSummary summary, Optional<StanceChange> currentChange, Optional<TopicStance> topicStance) {
        this(summary, currentChange, topicStance, true);
    }

    /** A statement the summary already held: nothing changes, the current topic stance is offered again. */
    public static StanceUpdate alreadyFolded(StanceSummary summary) {
        return new StanceUpdate(summary, Optional.empty(), Optional.of(StanceFold.topicStanceOf(summary)), false);
    }
}
