package org.partyline.processor.bench;

import java.nio.file.Path;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.partyline.embedded.EmbeddedKafka;
import org.partyline.embedded.EmbeddedSchemaRegistry;
import org.partyline.processor.config.PartylineConfig;
import org.partyline.processor.runtime.PartylineProcessor;
import org.partyline.events.publish.PartylinePublisher;

/**
 * Does a metrics scrape survive the close of KIP-892 transactional state stores? A processor with
 * {@code enable.transactional.statestores=true} folds some events while a thread scrapes its metrics (what
 * {@code GET /metrics} does) without pause; then the processor is closed, as on SIGTERM or when a rebalance moves a
 * task away. Repeated ROUNDS times. A JVM that dies with SIGSEGV in {@code RocksDBTransactionBuffer}
 * ({@code hs_err_pid*.log} in the working directory) is the answer no.
 *
 * <pre>java -cp processor/target/partyline-processor.jar:processor/target/test-classes \
 *     org.partyline.processor.bench.TransactionalStoreCloseProbe [ROUNDS] [true|false]</pre>
 */
public final class TransactionalStoreCloseProbe {
    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        String transactional = args.length > 1 ? args[1] : "true";
        Path dir = BenchSupport.tempDir();
        try (EmbeddedKafka kafka = EmbeddedKafka.start(dir.resolve("kafka"), 0, 3);
             EmbeddedSchemaRegistry registry = EmbeddedSchemaRegistry.start(kafka.bootstrapServers(), "localhost", 0)) {
            try (PartylinePublisher publisher = new PartylinePublisher(kafka.bootstrapServers(), registry.url())) {
                publisher.publishAll(BenchSupport.events(20_000, new Random(3)));
                publisher.flush();
            }
            for (int round = 1; round <= rounds; round++) {
                PartylineProcessor processor = PartylineProcessor.start(PartylineConfig.load(new String[] {
                        "--bootstrap-servers", kafka.bootstrapServers(), "--schema-registry-url", registry.url(),
                        "--application-id", "close-probe-" + round, "--http-port", "0",
                        "--state-dir", dir.resolve("state-" + round).toString(),
                        "--kafka-enable-transactional-statestores", transactional}, Map.of()));
                AtomicBoolean running = new AtomicBoolean(true);
                AtomicLong scrapes = new AtomicLong();
                Thread scraper = new Thread(() -> {
                    while (running.get()) {
                        processor.scrapeMetrics();
                        scrapes.incrementAndGet();
                    }
                }, "scraper");
                scraper.start();
                Thread.sleep(20_000); // Kafka Streams' metrics are bound at the 15 s refresh: the store metrics are scraped too
                processor.close();
                running.set(false);
                scraper.join(10_000);
                System.out.printf("ROUND %d (transactional stores %s): closed while scraping, %d scrapes, JVM alive%n",
                        round, transactional, scrapes.get());
            }
        } finally {
            BenchSupport.delete(dir);
        }
    }
}
