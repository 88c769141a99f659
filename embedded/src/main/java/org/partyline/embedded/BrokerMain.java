package org.partyline.embedded;

import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A standalone single-node Kafka broker (KRaft) with the embedded schema registry beside it, in a JVM of its own:
 * the "external" Kafka of fault tests and benchmarks, which a processor can be killed against without taking the
 * broker down. Runs until SIGTERM; prints one line once both serve:
 *
 * <pre>BROKER READY bootstrap=localhost:PORT schema-registry=http://localhost:PORT</pre>
 *
 * <pre>java -cp processor/target/partyline-processor.jar org.partyline.embedded.BrokerMain DATA_DIR \
 *     [KAFKA_PORT [REGISTRY_PORT [PARTITIONS]]]     (ports 0 = any free port)</pre>
 */
public final class BrokerMain {
    private static final Logger LOG = LoggerFactory.getLogger(BrokerMain.class);

    private BrokerMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        if (args.length < 1 || args.length > 4) {
            System.err.println("usage: BrokerMain DATA_DIR [KAFKA_PORT [REGISTRY_PORT [PARTITIONS]]]");
            System.exit(2);
        }
        Path dataDir = Path.of(args[0]);
        int kafkaPort = args.length > 1 ? Integer.parseInt(args[1]) : 0;
        int registryPort = args.length > 2 ? Integer.parseInt(args[2]) : 0;
        int partitions = args.length > 3 ? Integer.parseInt(args[3]) : 3;

        EmbeddedKafka kafka = EmbeddedKafka.start(dataDir, kafkaPort, partitions);
        EmbeddedSchemaRegistry registry = EmbeddedSchemaRegistry.start(kafka.bootstrapServers(), "localhost",
                registryPort);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            LOG.info("Stopping the standalone broker and registry");
            registry.close();
            kafka.close();
            stopped.countDown();
        }, "broker-shutdown"));
        System.out.printf("BROKER READY bootstrap=%s schema-registry=%s%n", kafka.bootstrapServers(), registry.url());
        System.out.flush();
        stopped.await();
    }
}
