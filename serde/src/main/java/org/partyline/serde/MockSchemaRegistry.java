package org.partyline.serde;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;

/**
 * In-memory schema registry for tests, selected by {@code mock://SCOPE} as Confluent's tests do. Registries are
 * shared per scope within the JVM. Ids are global per schema: the same schema gets the same id under every subject.
 * Answers "not found" with the same Confluent error codes as the real registry.
 */
public final class MockSchemaRegistry implements SchemaRegistryClient {

    private static final Map<String, MockSchemaRegistry> SCOPES = new ConcurrentHashMap<>();

    private final String scope;
    private final Map<Schema, Integer> idsBySchema = new HashMap<>();
    private final Map<Integer, Schema> schemasById = new HashMap<>();
    private final Map<String, List<Schema>> versionsBySubject = new LinkedHashMap<>();
    private int nextId = 1;

    /** A standalone registry, not reachable through a {@code mock://} URL. */
    public MockSchemaRegistry() {
        this("standalone");
    }

    private MockSchemaRegistry(String scope) {
        this.scope = scope;
    }

    /** The registry of {@code scope}, created on first use. */
    public static MockSchemaRegistry scope(String scope) {
        return SCOPES.computeIfAbsent(scope, MockSchemaRegistry::new);
    }

    /** Forgets the registry of {@code scope}; the next {@link #scope} call starts empty. */
    public static void drop(String scope) {
        SCOPES.remove(scope);
    }

    @Override
    public synchronized int register(String subject, Schema schema) {
        Integer id = idsBySchema.get(schema);
        if (id == null) {
            id = nextId++;
            idsBySchema.put(schema, id);
            schemasById.put(id, schema);
        }
        List<Schema> versions = versionsBySubject.computeIfAbsent(subject, s -> new ArrayList<>());
        if (!versions.contains(schema)) {
            versions.add(schema);
        }
        return id;
    }

    @Override
    public synchronized Schema schemaById(int id) {
        Schema schema = schemasById.get(id);
        if (schema == null) {
            throw new RegistryException("Schema " + id + " not found", url() + "/schemas/ids/" + id, 404,
                    RegistryException.SCHEMA_NOT_FOUND);
        }
        return schema;
    }

    @Override
    public synchronized int idOf(String subject, Schema schema) {
        if (!versionsOf(subject).contains(schema)) {
            throw new RegistryException("Schema not found under subject '" + subject + "'",
                    url() + "/subjects/" + subject, 404, RegistryException.SCHEMA_NOT_FOUND);
        }
        return idsBySchema.get(schema);
    }

    @Override
    public synchronized List<String> subjects() {
        return List.copyOf(versionsBySubject.keySet());
    }

    @Override
    public synchronized List<Integer> versions(String subject) {
        int count = versionsOf(subject).size();
        List<Integer> numbers = new ArrayList<>();
        for (int v = 1; v <= count; v++) {
            numbers.add(v);
        }
        return numbers;
    }

    /** The schemas registered under {@code subject}, oldest first; "not found" (40401) when there are none. */
    private List<Schema> versionsOf(String subject) {
        List<Schema> versions = versionsBySubject.get(subject);
        if (versions == null) {
            throw new RegistryException("Subject '" + subject + "' not found", url() + "/subjects/" + subject, 404,
                    RegistryException.SUBJECT_NOT_FOUND);
        }
        return versions;
    }

    @Override
    public String url() {
        return SchemaRegistryClients.MOCK_PREFIX + scope;
    }

    @Override
    public String toString() {
        return "MockSchemaRegistry[" + url() + "]";
    }
}
