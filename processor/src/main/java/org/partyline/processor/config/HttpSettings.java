package org.partyline.processor.config;

/** The REST API, the dashboard and {@code /api/events}: where they listen and who may read them. */
public final class HttpSettings {
    public static final String HTTP_PORT = "http.port";
    public static final String HTTP_HOST = "http.host";
    public static final String HTTP_AUTH_TOKEN = "http.auth.token";
    /** How many events of {@code /api/events} may wait for one client before it is disconnected as too slow. */
    public static final String HTTP_EVENTS_BUFFER = "http.events.buffer";

    static final SettingGroup GROUP = SettingGroup.of("REST API",
            Setting.of(HTTP_PORT, "8080", "N", "Port of the REST API and the dashboard (0: any free port)."),
            Setting.of(HTTP_HOST, "localhost", "HOST", "Host the REST API binds to, and that other instances reach"
                    + " this one at (Kafka Streams' application.server)."),
            Setting.of(HTTP_AUTH_TOKEN, null, "TOKEN", "Require 'Authorization: Bearer TOKEN' on / and /api/..."
                    + " (/health... and /metrics stay open)."),
            Setting.of(HTTP_EVENTS_BUFFER, "1000", "N", "Events of /api/events that may wait for one client before"
                    + " it is cut off as too slow."));

    private HttpSettings() {
    }

    static void validate(PartylineConfig config) {
        PartylineConfig.requirePort(config, HTTP_PORT);
        PartylineConfig.requireAtLeast(config, HTTP_EVENTS_BUFFER, 1, "must be at least 1 event");
    }
}
