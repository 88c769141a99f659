package org.partyline.producer.cli;

import java.io.PrintStream;
import java.time.Duration;

import org.partyline.events.publish.ErrorMessages;
import org.partyline.producer.ingest.CandidateEvents;
import org.partyline.producer.ingest.IngestJob;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code ingest --follow}: the streaming job until the JVM is told to stop. SIGTERM runs a shutdown hook that lets the
 * transaction at hand finish and closes the clients, so a stopped job leaves nothing open for the next one.
 */
final class FollowRun {

    private static final Logger LOG = LoggerFactory.getLogger(FollowRun.class);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(60);

    private FollowRun() {
    }

    static int follow(KafkaAccess kafka, IngestJob.Settings settings, CandidateEvents events, PrintStream err)
            throws IngestFailure {
        ArticlesTopic.ensure(kafka.bootstrapServers(), kafka.config().kafka(), settings.topics().articles());
        IngestJob job = new IngestJob(settings, kafka.registry(), events);
        Thread hook = new Thread(() -> {
            try {
                if (!job.stopAndWait(STOP_TIMEOUT)) {
                    LOG.warn("The ingestion job did not stop within {} s", STOP_TIMEOUT.toSeconds());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "ingest-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        err.println("ingesting articles from " + settings.topics().articles() + " (group " + settings.groupId()
                + ", transactional id " + settings.transactionalId() + ")");
        try {
            job.run();
        } catch (RuntimeException e) {
            throw new IngestFailure("the ingestion job stopped: " + ErrorMessages.describe(e));
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // The hook is running: the JVM is stopping this job.
            }
        }
        return ProducerMain.OK;
    }
}
