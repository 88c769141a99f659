package org.partyline.processor.live;

import java.util.List;
import java.util.Objects;

/** The two change topics the feed streams (CONTRACT section 3): stance changes and claim status changes. */
public record ChangeTopics(String stanceChanges, String claimStatus) {

    public ChangeTopics {
        Objects.requireNonNull(stanceChanges, "stanceChanges");
        Objects.requireNonNull(claimStatus, "claimStatus");
    }

    public List<String> both() {
        return List.of(stanceChanges, claimStatus);
    }
}
