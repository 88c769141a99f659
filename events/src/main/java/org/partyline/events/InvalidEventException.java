package org.partyline.events;

/** A JSON line that breaks an input rule. The message is the reason, naming the field: {@code "party: missing"}. */
public class InvalidEventException extends Exception {

    private static final long serialVersionUID = 1L;

    public InvalidEventException(String reason) {
        super(reason);
    }

    /** The reason the line was rejected, as reported after {@code FILE:LINE: }. */
    public String reason() {
        return getMessage();
    }
}
