package org.partyline.producer.cli;

/** Ends an {@code ingest} run with exit status 2 and a message that says what and where. */
final class IngestFailure extends Exception {

    private static final long serialVersionUID = 1L;

    IngestFailure(String message) {
        super(message);
    }
}
