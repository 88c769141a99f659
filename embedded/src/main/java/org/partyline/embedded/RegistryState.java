package org.partyline.embedded;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the registry knows, rebuilt by applying the {@code _schemas} records in log order; no Kafka or HTTP here.
 *
 * <p>Several registry instances may append concurrently, so a record that contradicts what the log already says
 * (an id bound to another schema, a schema already bound to another id, a subject version already taken by another
 * schema) is rejected. Every instance reads the same log in the same order, so they all reject the same records and
 * the writer that lost can retry with the state that won.
 */
final class RegistryState {

    private static final Logger log = LoggerFactory.getLogger(RegistryState.class);

    private final Map<Integer, String> schemasById = new HashMap<>();
    private final Map<String, Integer> idsBySchema = new HashMap<>();
    private final Map<String, TreeMap<Integer, SchemaEntry>> subjects = new TreeMap<>();
    private final Map<String, CompatibilityLevel> subjectLevels = new HashMap<>();
    private CompatibilityLevel globalLevel;
    private int maxId;

    synchronized boolean apply(SchemaEntry entry) {
        String boundSchema = schemasById.get(entry.id());
        if (boundSchema != null && !boundSchema.equals(entry.schema())) {
            return reject(entry, "id " + entry.id() + " is already bound to another schema");
        }
        Integer boundId = idsBySchema.get(entry.schema());
        if (boundId != null && boundId != entry.id()) {
            return reject(entry, "the schema already has id " + boundId);
        }
        TreeMap<Integer, SchemaEntry> versions = subjects.computeIfAbsent(entry.subject(), s -> new TreeMap<>());
        SchemaEntry taken = versions.get(entry.version());
        if (taken != null && taken.id() != entry.id()) {
            return reject(entry, "the version is already taken by id " + taken.id());
        }
        versions.put(entry.version(), entry);
        schemasById.put(entry.id(), entry.schema());
        idsBySchema.put(entry.schema(), entry.id());
        maxId = Math.max(maxId, entry.id());
        return true;
    }

    /** Applies one decoded record of the schema log. */
    synchronized void apply(SchemaLogCodec.Decoded record) {
        if (record.schema() != null) {
            apply(record.schema());
        } else if (record.config() != null) {
            apply(record.config());
        } else if (record.deletedSubject() != null) {
            removeVersion(record.deletedSubject(), record.deletedVersion());
        }
    }

    synchronized void apply(ConfigEntry entry) {
        if (entry.subject() == null) {
            globalLevel = entry.level();
        } else if (entry.level() == null) {
            subjectLevels.remove(entry.subject());
        } else {
            subjectLevels.put(entry.subject(), entry.level());
        }
    }

    /** A tombstone for a subject version: the version is gone for good (the schema keeps its id). */
    synchronized void removeVersion(String subject, int version) {
        TreeMap<Integer, SchemaEntry> versions = subjects.get(subject);
        if (versions != null) {
            versions.remove(version);
        }
    }

    synchronized Optional<String> schemaById(int id) {
        return Optional.ofNullable(schemasById.get(id));
    }

    synchronized Optional<Integer> idOf(String schema) {
        return Optional.ofNullable(idsBySchema.get(schema));
    }

    synchronized int nextId() {
        return maxId + 1;
    }

    /** One past the highest version the subject ever had, deleted ones included, as Confluent numbers them. */
    synchronized int nextVersion(String subject) {
        TreeMap<Integer, SchemaEntry> versions = subjects.get(subject);
        return versions == null || versions.isEmpty() ? 1 : versions.lastKey() + 1;
    }

    /** Subjects with at least one live version, sorted. */
    synchronized List<String> subjects() {
        List<String> live = new ArrayList<>();
        subjects.forEach((subject, versions) -> {
            if (versions.values().stream().anyMatch(v -> !v.deleted())) {
                live.add(subject);
            }
        });
        return live;
    }

    /** Live versions of a subject, oldest first; empty when the subject is unknown or deleted. */
    synchronized List<SchemaEntry> liveVersions(String subject) {
        TreeMap<Integer, SchemaEntry> versions = subjects.get(subject);
        if (versions == null) {
            return List.of();
        }
        return versions.values().stream().filter(v -> !v.deleted()).toList();
    }

    synchronized Optional<SchemaEntry> liveVersion(String subject, int version) {
        return liveVersions(subject).stream().filter(v -> v.version() == version).findFirst();
    }

    synchronized Optional<SchemaEntry> find(String subject, String schema) {
        return liveVersions(subject).stream().filter(v -> v.schema().equals(schema)).findFirst();
    }

    /** Whether the log holds exactly this entry, as a writer checks after reading its own record back. */
    synchronized boolean holds(SchemaEntry entry) {
        TreeMap<Integer, SchemaEntry> versions = subjects.get(entry.subject());
        return versions != null && Objects.equals(versions.get(entry.version()), entry);
    }

    synchronized CompatibilityLevel globalLevel() {
        return globalLevel == null ? CompatibilityLevel.DEFAULT : globalLevel;
    }

    synchronized Optional<CompatibilityLevel> subjectLevel(String subject) {
        return Optional.ofNullable(subjectLevels.get(subject));
    }

    synchronized CompatibilityLevel effectiveLevel(String subject) {
        return subjectLevel(subject).orElse(globalLevel());
    }

    private static boolean reject(SchemaEntry entry, String reason) {
        log.warn("Ignoring schema record for subject '{}' version {} id {}: {}", entry.subject(), entry.version(),
                entry.id(), reason);
        return false;
    }
}
