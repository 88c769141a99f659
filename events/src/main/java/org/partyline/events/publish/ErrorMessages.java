package org.partyline.events.publish;

/** How the producer words a failure for a user: the exception's message, and its cause's when that adds something. */
public final class ErrorMessages {

    private ErrorMessages() {
    }

    /** The message of {@code e} (its class name when it has none), followed by its cause's message if not in it. */
    public static String describe(Throwable e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        Throwable cause = e.getCause();
        if (cause != null && cause.getMessage() != null && !message.contains(cause.getMessage())) {
            message += ": " + cause.getMessage();
        }
        return message;
    }
}
