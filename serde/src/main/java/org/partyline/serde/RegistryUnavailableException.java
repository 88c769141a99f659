package org.partyline.serde;

import org.apache.kafka.common.errors.SerializationException;

/**
 * A record could not be read or written because the schema registry could not serve its schema now: it did not
 * answer, answered 408, 429 or 5xx ({@link #configurationError()} false: asking again later may succeed), or refused
 * this client with 401 or 403 ({@link #configurationError()} true: it will not succeed until credentials or
 * permissions are fixed). Either way the record itself may be fine, so callers wait and retry rather than treat it
 * as bad; a {@link SerializationException} of any other kind is about the record.
 */
public class RegistryUnavailableException extends SerializationException {
    private static final long serialVersionUID = 1L;

    private final boolean configurationError;

    public RegistryUnavailableException(String message, RegistryException cause) {
        super(message, cause);
        this.configurationError = cause.configurationError();
    }

    /** True when the registry refused this client (401, 403) rather than failed to answer. */
    public boolean configurationError() {
        return configurationError;
    }

    /** True when {@code failure} is a registry failure that does not condemn the record: transient or refused. */
    public static boolean isUnavailable(RegistryException failure) {
        return failure.transientFailure() || failure.configurationError();
    }

    /** The {@link RegistryUnavailableException} in {@code error} or its causes, or null when there is none. */
    public static RegistryUnavailableException find(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof RegistryUnavailableException unavailable) {
                return unavailable;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return null;
    }
}
