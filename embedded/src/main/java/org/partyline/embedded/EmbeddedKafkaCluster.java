package org.partyline.embedded;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.Uuid;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Kafka cluster in this process: N KRaft nodes, each broker and controller, on localhost with free ports. Every
 * internal topic (offsets, transactions) and every topic created without its own settings gets replication factor
 * N and {@code min.insync.replicas} N - 1, so the cluster keeps accepting {@code acks=all} writes and transactions
 * with one node down. A node can be stopped and started again ({@link #stopNode}, {@link #startNode}) with its data:
 * the fault tests' "one broker goes away and comes back".
 */
public final class EmbeddedKafkaCluster implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedKafkaCluster.class);
    private static final Duration START_TIMEOUT = Duration.ofSeconds(90);

    private final List<ClusterNode> nodes;

    private EmbeddedKafkaCluster(List<ClusterNode> nodes) {
        this.nodes = nodes;
    }

    /** Starts {@code size} nodes (at least 3) with data under {@code dataDir}; returns once every broker serves. */
    public static EmbeddedKafkaCluster start(Path dataDir, int size, int partitions) {
        if (size < 3) {
            throw new IllegalArgumentException("a cluster needs at least 3 nodes, got " + size);
        }
        List<BrokerSettings> settings = new ArrayList<>();
        for (int id = 1; id <= size; id++) {
            settings.add(new BrokerSettings(dataDir.resolve("node-" + id), id, FreePorts.pick(), FreePorts.pick(),
                    partitions));
        }
        String voters = settings.stream().map(s -> s.nodeId() + "@localhost:" + s.controllerPort())
                .collect(Collectors.joining(","));
        String clusterId = Uuid.randomUuid().toString();
        List<ClusterNode> nodes = new ArrayList<>();
        for (BrokerSettings s : settings) {
            ClusterNode node = new ClusterNode(s, voters, size, size - 1);
            node.format(clusterId);
            nodes.add(node);
        }
        EmbeddedKafkaCluster cluster = new EmbeddedKafkaCluster(List.copyOf(nodes));
        try {
            cluster.startAll();
            cluster.awaitBrokers(START_TIMEOUT);
        } catch (RuntimeException e) {
            cluster.close();
            throw new IllegalStateException("embedded Kafka cluster of " + size + " nodes (data in " + dataDir
                    + ") did not start: " + e.getMessage(), e);
        }
        LOG.info("Embedded Kafka cluster {} ready: {}", clusterId, cluster.bootstrapServers());
        return cluster;
    }

    /** Each node blocks in its start until a quorum of controllers is up, so they start side by side. */
    private void startAll() {
        ExecutorService starter = Executors.newFixedThreadPool(nodes.size());
        try {
            List<Future<?>> started = new ArrayList<>();
            nodes.forEach(node -> started.add(starter.submit(node::start)));
            for (int i = 0; i < started.size(); i++) {
                try {
                    started.get(i).get(START_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
                } catch (ExecutionException e) {
                    throw new IllegalStateException("Kafka node " + nodes.get(i).nodeId() + " failed to start: "
                            + e.getCause().getMessage(), e.getCause());
                } catch (TimeoutException e) {
                    throw new IllegalStateException("Kafka node " + nodes.get(i).nodeId() + " did not start within "
                            + START_TIMEOUT.toSeconds() + " s", e);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while starting the Kafka cluster", e);
                }
            }
        } finally {
            starter.shutdownNow();
        }
    }

    /** Every node's {@code localhost:PORT}, comma-separated, for {@code bootstrap.servers}. */
    public String bootstrapServers() {
        return nodes.stream().map(ClusterNode::bootstrapServers).collect(Collectors.joining(","));
    }

    /** The node ids, 1 to N. */
    public List<Integer> nodeIds() {
        return nodes.stream().map(ClusterNode::nodeId).toList();
    }

    /** Stops node {@code nodeId} with a controlled shutdown; its data stays for {@link #startNode}. */
    public void stopNode(int nodeId) {
        node(nodeId).stop();
    }

    /** Starts node {@code nodeId} again and waits until it is a serving broker of the cluster. */
    public void startNode(int nodeId) {
        node(nodeId).start();
        awaitBrokers(START_TIMEOUT);
    }

    private ClusterNode node(int nodeId) {
        return nodes.stream().filter(n -> n.nodeId() == nodeId).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no Kafka node " + nodeId + " in " + nodeIds()));
    }

    /** Waits until every running node is listed as a broker (registered and unfenced). */
    private void awaitBrokers(Duration timeout) {
        Set<Integer> expected = nodes.stream().filter(ClusterNode::running).map(ClusterNode::nodeId)
                .collect(Collectors.toSet());
        String bootstrap = nodes.stream().filter(ClusterNode::running).map(ClusterNode::bootstrapServers)
                .collect(Collectors.joining(","));
        long deadline = System.nanoTime() + timeout.toNanos();
        Set<Integer> seen = Set.of();
        Exception last = null;
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10_000))) {
            while (System.nanoTime() < deadline) {
                try {
                    seen = admin.describeCluster(new DescribeClusterOptions().timeoutMs(5_000)).nodes()
                            .get(10, TimeUnit.SECONDS).stream().map(Node::id).collect(Collectors.toSet());
                    if (seen.containsAll(expected)) {
                        return;
                    }
                } catch (ExecutionException | TimeoutException e) {
                    last = e;
                }
                Thread.sleep(200);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the Kafka brokers " + expected, e);
        }
        throw new IllegalStateException("Kafka brokers " + expected + " not all serving within " + timeout.toSeconds()
                + " s (serving: " + seen + (last == null ? "" : ", last error: " + last.getMessage()) + ")", last);
    }

    /** Stops every node at once: one by one, the last ones would wait for a controller quorum that is gone. */
    @Override
    public void close() {
        ExecutorService stopper = Executors.newFixedThreadPool(nodes.size());
        try {
            List<Future<?>> stopped = new ArrayList<>();
            nodes.forEach(node -> stopped.add(stopper.submit(node::stop)));
            for (int i = 0; i < stopped.size(); i++) {
                try {
                    stopped.get(i).get(START_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
                } catch (ExecutionException | TimeoutException e) {
                    LOG.warn("Kafka node {} did not stop cleanly: {}", nodes.get(i).nodeId(), e.getMessage(), e);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    LOG.warn("Interrupted while stopping the Kafka cluster; nodes may still be stopping", e);
                    return;
                }
            }
        } finally {
            stopper.shutdownNow();
        }
    }
}
