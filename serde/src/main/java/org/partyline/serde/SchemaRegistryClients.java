package org.partyline.serde;

import java.util.Arrays;
import java.util.List;

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
                        "schema registry URL must start with http://, https:// or mock://, got: " + u);
            }
        }
        return new HttpSchemaRegistryClient(urls);
    }
}
