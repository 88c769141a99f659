package org.partyline.processor.streams;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A {@link TopologyMeters} that remembers every report in order, for tests. */
final class RecordingMeters implements TopologyMeters {
    /** One dead-letter report. */
    record Report(String topic, DeadLetter.Type type) {
    }

    final List<String> folded = new CopyOnWriteArrayList<>();
    final List<Report> deadLettered = new CopyOnWriteArrayList<>();

    @Override
    public void folded(String topic) {
        folded.add(topic);
    }

    @Override
    public void deadLettered(String topic, DeadLetter.Type type) {
        deadLettered.add(new Report(topic, type));
    }
}
