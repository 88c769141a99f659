package org.partyline.producer.cli;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.partyline.events.publish.ErrorMessages;
import org.partyline.serde.SchemaRegistryClient;

/**
 * Checks, before anything is sent, that the schema registry and the Kafka cluster answer, each within a bounded
 * time, so that the command says which one is unreachable instead of hanging or failing half-way.
 */
final class Reachability {

    /** Which service did not answer, and why. */
    static final class UnreachableException extends Exception {
        private static final long serialVersionUID = 1L;

        UnreachableException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private final Duration timeout;

    Reachability(Duration timeout) {
        this.timeout = timeout;
    }

    /**
     * Both checks at once, since each waits for a client to start and for a round trip or two: Kafka's on a thread of
     * its own while this one checks the registry. When both fail, the registry's failure is the one reported, as
     * when they ran one after the other.
     */
    void check(SchemaRegistryClient registry, String url, String bootstrapServers, Map<String, ?> clientProperties)
            throws UnreachableException {
        CompletableFuture<UnreachableException> kafka = new CompletableFuture<>();
        Thread kafkaCheck = new Thread(() -> {
            try {
                checkKafka(bootstrapServers, clientProperties);
                kafka.complete(null);
            } catch (UnreachableException e) {
                kafka.complete(e);
            } catch (RuntimeException | Error e) {
                kafka.completeExceptionally(e);
            }
        }, "kafka-check");
        kafkaCheck.setDaemon(true);
        kafkaCheck.start();
        checkRegistry(registry, url);
        UnreachableException kafkaFailure = kafka.join();
        if (kafkaFailure != null) {
            throw kafkaFailure;
        }
    }

    /** Lists the registry's subjects. */
    void checkRegistry(SchemaRegistryClient registry, String url) throws UnreachableException {
        ExecutorService executor = Executors.newSingleThreadExecutor(runnable -> {
            Thread thread = new Thread(runnable, "registry-check");
            thread.setDaemon(true);
            return thread;
        });
        try {
            Future<?> subjects = executor.submit(registry::subjects);
            subjects.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new UnreachableException("cannot reach schema registry at " + url + ": no answer within "
                    + timeout.toSeconds() + " s", e);
        } catch (ExecutionException e) {
            throw new UnreachableException("cannot reach schema registry at " + url + ": "
                    + registryReason(e.getCause()), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UnreachableException("interrupted while checking the schema registry at " + url, e);
        } finally {
            executor.shutdownNow();
        }
    }

    /** Asks the cluster for its id, with the client properties the producer will use. */
    void checkKafka(String bootstrapServers, Map<String, ?> clientProperties) throws UnreachableException {
        Map<String, Object> props = new HashMap<>(clientProperties);
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(AdminClientConfig.CLIENT_ID_CONFIG, "partyline-producer-check");
        int timeoutMs = (int) timeout.toMillis();
        props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, timeoutMs);
        props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, timeoutMs);
        props.keySet().retainAll(AdminClientConfig.configNames());
        Admin admin = null;
        try {
            admin = Admin.create(props);
            admin.describeCluster(new DescribeClusterOptions().timeoutMs(timeoutMs))
                    .clusterId().get(timeout.toMillis() + 2_000, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new UnreachableException("cannot reach Kafka at " + bootstrapServers + ": no answer within "
                    + timeout.toSeconds() + " s", e);
        } catch (ExecutionException e) {
            String reason = e.getCause() instanceof org.apache.kafka.common.errors.TimeoutException
                    ? "no answer within " + timeout.toSeconds() + " s" : ErrorMessages.describe(e.getCause());
            throw new UnreachableException("cannot reach Kafka at " + bootstrapServers + ": " + reason, e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UnreachableException("interrupted while checking Kafka at " + bootstrapServers, e);
        } catch (RuntimeException e) {
            throw new UnreachableException("cannot reach Kafka at " + bootstrapServers + ": "
                    + ErrorMessages.describe(e), e);
        } finally {
            if (admin != null) {
                admin.close(Duration.ofSeconds(5));
            }
        }
    }

    /** The registry client's message without its own "cannot reach schema registry at URL: " prefix. */
    private static String registryReason(Throwable e) {
        String message = ErrorMessages.describe(e);
        String prefix = "cannot reach schema registry at ";
        int at = message.lastIndexOf(prefix);
        int colon = at < 0 ? -1 : message.indexOf(": ", at + prefix.length());
        return colon < 0 ? message : message.substring(colon + 2);
    }
}
