package org.partyline.producer.cli;

import java.util.HashMap;
import java.util.concurrent.atomic.AtomicReference;

import org.apache.avro.specific.SpecificRecord;
import org.partyline.ingest.Candidate;
import org.partyline.events.publish.ErrorMessages;
import org.partyline.events.publish.PartylinePublisher;
import org.partyline.events.InvalidEventException;
import org.partyline.producer.ingest.CandidateEvents;

/**
 * {@code ingest --publish}: each candidate at or above the minimum confidence, checked as a {@code publish} line, sent
 * through the same {@link PartylinePublisher}; waits for every file's events to be acknowledged.
 */
final class CandidatePublishing {

    private CandidatePublishing() {
    }

    static int publish(ArticleRun run, CandidateEvents events, KafkaAccess kafka, PartylinePublisher.Topics topics)
            throws IngestFailure {
        AtomicReference<Exception> failure = new AtomicReference<>();
        try (PartylinePublisher publisher = new PartylinePublisher(kafka.bootstrapServers(), kafka.registry(), topics,
                new HashMap<>(kafka.config().kafka()))) {
            run.forEachArticle((file, article, line) -> {
                for (Candidate candidate : events.candidates(article)) {
                    SpecificRecord event;
                    try {
                        event = events.event(candidate);
                    } catch (InvalidEventException e) {
                        run.candidateBroken(file, line, candidate.eventId(), e.reason());
                        continue;
                    }
                    publisher.publish(event, (metadata, e) -> {
                        if (e != null) {
                            failure.compareAndSet(null, e);
                        }
                    });
                    run.candidateDone();
                }
                if (failure.get() != null) {
                    throw new IngestFailure("sending the candidates of " + file + " failed: "
                            + ErrorMessages.describe(failure.get()));
                }
            });
            publisher.flush();
            if (failure.get() != null) {
                throw new IngestFailure("sending the candidates failed: " + ErrorMessages.describe(failure.get()));
            }
        } catch (RuntimeException e) {
            throw new IngestFailure("publishing to Kafka at " + kafka.bootstrapServers() + " failed: "
                    + ErrorMessages.describe(e));
        }
        return run.finish();
    }
}
