package org.partyline.serde;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** Picks the registry client for a URL: {@code mock://SCOPE} is in-memory, {@code http(s)://...} is the REST API. */
public final class SchemaRegistryClients {

    public static final String MOCK_PREFIX = "mock://";

    private SchemaRegistryClients() {
    }

    /**
     * {@code mock://SCOPE} gives the JVM-wide in-memory registry of that scope; {@code http://host:port} (several
     * comma-separated allowed, the first that answers is used) gives a caching REST client.
     */
    public static SchemaRegistryClient forUrl(String url) {
        return forUrl(url, RegistryClientSettings.NONE);
    }

    /**
     * As {@link #forUrl(String)}, with the client settings (basic auth, trust store) read by
     * {@link RegistryClientSettings#from} from Confluent-named settings such as
     * {@code schema.registry.basic.auth.user.info}.
     */
    public static SchemaRegistryClient forUrl(String url, Map<String, ?> configs) {
        return forUrl(url, RegistryClientSettings.from(configs));
    }

    /** As {@link #forUrl(String)}, with these client settings (ignored by {@code mock://}). */
    public static SchemaRegistryClient forUrl(String url, RegistryClientSettings settings) {
        if (url == null || url.isBlank()) {
            throw new IllegalArgumentException("schema registry URL is empty");
        }
        String trimmed = url.trim();
        if (trimmed.startsWith(MOCK_PREFIX)) {
            return MockSchemaRegistry.scope(trimmed.substring(MOCK_PREFIX.length()));
        }
        List<String> urls = Arrays.stream(trimmed.split(","))
                .map(String::trim)
                .filter(u -> !u.isEmpty())
                .toList();
        for (String u : urls) {
            if (!u.startsWith("http://") && !u.startsWith("https://")) {
                throw new IllegalArgumentException(
                        "schema registry URL must start with http://, https:// or mock://, got: "
                                + RegistryUrls.redact(u));
            }
        }
        return new HttpSchemaRegistryClient(urls, settings);
    }
}
