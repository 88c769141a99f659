package org.partyline.processor.query;

import java.util.Objects;

/** One processor instance, named by its {@code application.server} address. */
public record Instance(String host, int port) {

    public Instance {
        Objects.requireNonNull(host, "host");
    }

    @Override
    public String toString() {
        return host + ":" + port;
    }
}
