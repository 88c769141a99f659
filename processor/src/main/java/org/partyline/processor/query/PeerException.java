package org.partyline.processor.query;

/** Another instance could not answer a sub-query (down, too slow, or not holding what it was asked). */
public class PeerException extends RuntimeException {
    private final transient Instance peer;

    public PeerException(Instance peer, String reason) {
        super("instance " + peer + " " + reason);
        this.peer = peer;
    }

    public Instance peer() {
        return peer;
    }
}
