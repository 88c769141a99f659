package org.partyline.producer.ingest;

import java.time.Duration;
import java.util.Map;

import org.partyline.serde.SchemaRegistryClients;

/**
 * The streaming job over {@link SentencePipeline}, in a JVM of its own so that a test can kill it with SIGKILL:
 * {@code BOOTSTRAP REGISTRY_URL TOPIC_PREFIX GROUP_ID INSTANCE_ID DELAY_MS}. Prints {@code FOLLOWING} once its clients
 * are made; SIGTERM stops it cleanly.
 */
public final class FollowJobMain {

    private FollowJobMain() {
    }

    public static void main(String[] args) throws Exception {
        String prefix = args[2];
        JobTopics topics = new JobTopics(prefix + "-articles", prefix + "-statements", prefix + "-claims",
                prefix + "-dlq");
        IngestJob.Settings settings = new IngestJob.Settings(args[0], Map.of(), topics, args[3],
                args[3] + "-" + args[4]);
        IngestJob job = new IngestJob(settings, SchemaRegistryClients.forUrl(args[1]),
                new CandidateEvents(new SentencePipeline(Long.parseLong(args[5])), 0));
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                job.stopAndWait(Duration.ofSeconds(30));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }));
        System.out.println("FOLLOWING");
        job.run();
    }
}
