package org.partyline.processor.runtime;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** This machine's name, made fit for a Kafka {@code group.instance.id}. */
final class InstanceNames {
    private static final Logger LOG = LoggerFactory.getLogger(InstanceNames.class);

    private InstanceNames() {
    }

    /** The host name of this machine (a container's or pod's own name), {@code localhost} when it has none. */
    static String machineName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            LOG.warn("This machine's host name is unknown ({}); instance.id defaults to localhost-PORT", e.getMessage());
            return "localhost";
        }
    }

    /** Lower case, every character outside {@code a-z 0-9 . _ -} replaced by {@code -}, at most 120 characters. */
    static String sanitize(String name) {
        String s = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9._-]", "-");
        s = s.isEmpty() ? "localhost" : s;
        return s.length() <= 120 ? s : s.substring(0, 120);
    }
}
