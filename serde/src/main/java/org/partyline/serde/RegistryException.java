package org.partyline.serde;

/**
 * A schema registry call failed. Carries the URL of the request, the HTTP status ({@link #NO_STATUS} when no
 * response came at all) and Confluent's {@code error_code} ({@link #NO_ERROR_CODE} when the answer had none).
 */
public class RegistryException extends RuntimeException {

    public static final int NO_STATUS = 0;
    public static final int NO_ERROR_CODE = -1;
    /** Confluent error codes the callers act on. */
    public static final int SUBJECT_NOT_FOUND = 40401;
    public static final int VERSION_NOT_FOUND = 40402;
    public static final int SCHEMA_NOT_FOUND = 40403;

    private final String url;
    private final int status;
    private final int errorCode;

    public RegistryException(String message, String url, int status, int errorCode, Throwable cause) {
        super(message, cause);
        this.url = RegistryUrls.redact(url);
        this.status = status;
        this.errorCode = errorCode;
    }

    public RegistryException(String message, String url, int status, int errorCode) {
        this(message, url, status, errorCode, null);
    }

    /** A failure to get any answer (connection refused, timeout). */
    static RegistryException unreachable(String url, String why, Throwable cause) {
        return new RegistryException("cannot reach schema registry at " + url + ": " + why,
                url, NO_STATUS, NO_ERROR_CODE, cause);
    }

    public String url() {
        return url;
    }

    public int status() {
        return status;
    }

    public int errorCode() {
        return errorCode;
    }

    /** True when the registry never answered (so retrying elsewhere or later may help). */
    public boolean unreachable() {
        return status == NO_STATUS;
    }

    /**
     * True when the failure says nothing about what was asked, only that the registry cannot answer now: no answer
     * at all (refused, timed out), 408, 429 or any 5xx. Asking again later may succeed.
     */
    public boolean transientFailure() {
        return status == NO_STATUS || status == 408 || status == 429 || status / 100 == 5;
    }

    /** True when the registry refused this client (401, 403): credentials or permissions are wrong. */
    public boolean configurationError() {
        return status == 401 || status == 403;
    }

    /** True when the registry answered that the subject, version or schema does not exist. */
    public boolean notFound() {
        return status == 404 || errorCode == SUBJECT_NOT_FOUND || errorCode == VERSION_NOT_FOUND
                || errorCode == SCHEMA_NOT_FOUND;
    }
}
