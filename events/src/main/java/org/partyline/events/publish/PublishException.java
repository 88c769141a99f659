package org.partyline.events.publish;

/** Sending to Kafka failed after publishing started (broker gone, topic missing, registry refused a schema). */
public class PublishException extends Exception {

    private static final long serialVersionUID = 1L;

    public PublishException(String message, Throwable cause) {
        super(message, cause);
    }
}
