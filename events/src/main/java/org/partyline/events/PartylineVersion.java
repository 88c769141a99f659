package org.partyline.events;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** The project version, as Maven wrote it into the jar: what both command lines answer to {@code --version}. */
public final class PartylineVersion {

    private static final String RESOURCE = "/org/partyline/events/version.properties";

    private PartylineVersion() {
    }

    /** The version, e.g. {@code 0.1.0-SNAPSHOT}. */
    public static String current() {
        Properties properties = new Properties();
        try (InputStream in = PartylineVersion.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the jar");
            }
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
        return properties.getProperty("version");
    }
}
