package org.partyline.processor.streams;

/**
 * What the topology reports about its work, for whoever counts it (the {@code metrics} package): each event folded
 * into the views and each record dead-lettered. Free of Kafka and of any metrics library, so that the topology
 * stays a pure factory. Called on stream threads, once per record: implementations are thread-safe and cheap.
 */
public interface TopologyMeters {
    /**
     * The Kafka Streams property that carries the listener to {@link DeadLetterExceptionHandler}, which Kafka Streams
     * makes from its class name and configures with the Streams properties.
     */
    String CONFIG = "partyline.topology.meters";

    /** Counts nothing: the default of {@link TopologySettings} and of the exception handler. */
    TopologyMeters NONE = new TopologyMeters() {
        @Override
        public void folded(String topic) {
            // nothing is counted
        }

        @Override
        public void deadLettered(String topic, DeadLetter.Type type) {
            // nothing is counted
        }

        @Override
        public String toString() {
            return "TopologyMeters.NONE";
        }
    };

    /** An accepted event of the input topic {@code topic} was folded into the views (redeliveries never come here). */
    void folded(String topic);

    /** A record of the input topic {@code topic} went to the dead-letter topic, refused as {@code type}. */
    void deadLettered(String topic, DeadLetter.Type type);
}
