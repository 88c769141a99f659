package org.partyline.embedded;

import java.util.List;
import java.util.Optional;

import org.apache.avro.Schema;
import org.apache.avro.SchemaParseException;

/**
 * What the registry does, free of HTTP: registers, looks up and checks Avro schemas against the state read from
 * the schema log, and writes every change to that log first. Refusals are {@link RegistryException}s.
 *
 * <p>Schemas are kept and compared in canonical form (parsed, then printed by Avro), so whitespace and field
 * order inside a JSON object make no new version. Writes from this instance are serialized; a write returns once
 * its own record has been read back from the log, and is retried when another instance's record won the race.
 */
final class RegistryService {

    private static final int WRITE_ATTEMPTS = 5;

    private final RegistryState state;
    private final SchemaLogCodec codec;
    private final SchemaLog schemaLog;
    private final Object writeLock = new Object();

    RegistryService(RegistryState state, SchemaLogCodec codec, SchemaLog schemaLog) {
        this.state = state;
        this.codec = codec;
        this.schemaLog = schemaLog;
    }

    /** Registers {@code schemaText} under {@code subject} and returns its global id; the same schema again gives the same id. */
    int register(String subject, String schemaText) {
        Parsed candidate = parse(schemaText);
        synchronized (writeLock) {
            for (int attempt = 1; attempt <= WRITE_ATTEMPTS; attempt++) {
                Optional<SchemaEntry> existing = state.find(subject, candidate.canonical());
                if (existing.isPresent()) {
                    return existing.get().id();
                }
                CompatibilityLevel level = state.effectiveLevel(subject);
                if (!level.allows(candidate.schema(), parsedVersions(subject))) {
                    throw new RegistryException(409, RegistryException.INCOMPATIBLE_SCHEMA,
                            "Schema being registered is incompatible with an earlier schema for subject '" + subject
                                    + "' (compatibility level " + level + ")");
                }
                int id = state.idOf(candidate.canonical()).orElseGet(state::nextId);
                SchemaEntry entry = new SchemaEntry(subject, state.nextVersion(subject), id, candidate.canonical(), false);
                schemaLog.awaitApplied(schemaLog.append(codec.schemaKey(subject, entry.version()), codec.schemaValue(entry)));
                if (state.holds(entry)) {
                    return id;
                }
            }
        }
        throw new RegistryException(500, RegistryException.STORE_ERROR, "Could not register under subject '" + subject
                + "' after " + WRITE_ATTEMPTS + " attempts: other registry instances kept writing the same ids");
    }

    /** The live version of {@code subject} holding this schema. */
    SchemaEntry lookup(String subject, String schemaText) {
        Parsed candidate = parse(schemaText);
        return liveVersions(subject).stream().filter(v -> v.schema().equals(candidate.canonical())).findFirst()
                .orElseThrow(() -> RegistryException.schemaNotFound("no such schema under subject '" + subject + "'"));
    }

    String schemaById(int id) {
        return state.schemaById(id).orElseThrow(() -> RegistryException.schemaNotFound("no schema with id " + id));
    }

    List<String> subjects() {
        return state.subjects();
    }

    List<Integer> versions(String subject) {
        return liveVersions(subject).stream().map(SchemaEntry::version).toList();
    }

    /** {@code version} is a number or {@code latest}. */
    SchemaEntry version(String subject, String version) {
        List<SchemaEntry> live = liveVersions(subject);
        if (isLatest(version)) {
            return live.get(live.size() - 1);
        }
        int number = parseVersion(version);
        return live.stream().filter(v -> v.version() == number).findFirst()
                .orElseThrow(() -> RegistryException.versionNotFound(subject, version));
    }

    /** Whether the schema could be registered after {@code version} ({@code latest}: as registration would check). */
    boolean isCompatible(String subject, String version, String schemaText) {
        Parsed candidate = parse(schemaText);
        CompatibilityLevel level = state.effectiveLevel(subject);
        if (isLatest(version)) {
            return level.allows(candidate.schema(), parsedVersions(subject));
        }
        SchemaEntry against = version(subject, version);
        return level.allows(candidate.schema(), List.of(new Schema.Parser().parse(against.schema())));
    }

    /** Soft-deletes every live version of the subject; returns the versions deleted. */
    List<Integer> deleteSubject(String subject) {
        synchronized (writeLock) {
            List<SchemaEntry> live = liveVersions(subject);
            long last = -1;
            for (SchemaEntry entry : live) {
                last = schemaLog.append(codec.schemaKey(subject, entry.version()), codec.schemaValue(entry.asDeleted()));
            }
            schemaLog.awaitApplied(last);
            return live.stream().map(SchemaEntry::version).toList();
        }
    }

    CompatibilityLevel globalLevel() {
        return state.globalLevel();
    }

    /** The subject's own level; with {@code defaultToGlobal} the global one when it has none. */
    CompatibilityLevel subjectLevel(String subject, boolean defaultToGlobal) {
        Optional<CompatibilityLevel> own = state.subjectLevel(subject);
        if (own.isPresent() || defaultToGlobal) {
            return own.orElse(state.globalLevel());
        }
        throw new RegistryException(404, RegistryException.SUBJECT_LEVEL_CONFIG_NOT_FOUND,
                "Subject '" + subject + "' does not have subject-level compatibility configured");
    }

    /** Sets the level of a subject, or the global level when {@code subject} is null. */
    CompatibilityLevel setLevel(String subject, String levelName) {
        CompatibilityLevel level = CompatibilityLevel.parse(levelName).orElseThrow(() -> new RegistryException(422,
                RegistryException.INVALID_COMPATIBILITY_LEVEL, "Invalid compatibility level '" + levelName
                + "': one of NONE, BACKWARD, BACKWARD_TRANSITIVE, FORWARD, FORWARD_TRANSITIVE, FULL, FULL_TRANSITIVE"));
        synchronized (writeLock) {
            schemaLog.awaitApplied(schemaLog.append(codec.configKey(subject), codec.configValue(level)));
        }
        return level;
    }

    private List<SchemaEntry> liveVersions(String subject) {
        List<SchemaEntry> live = state.liveVersions(subject);
        if (live.isEmpty()) {
            throw RegistryException.subjectNotFound(subject);
        }
        return live;
    }

    private List<Schema> parsedVersions(String subject) {
        return state.liveVersions(subject).stream().map(v -> new Schema.Parser().parse(v.schema())).toList();
    }

    private static boolean isLatest(String version) {
        return "latest".equals(version) || "-1".equals(version);
    }

    private static int parseVersion(String version) {
        try {
            int number = Integer.parseInt(version);
            if (number >= 1) {
                return number;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new RegistryException(422, RegistryException.INVALID_VERSION, "The specified version '" + version
                + "' is not a valid version id. Allowed values are between [1, 2^31-1] and the string \"latest\"");
    }

    private static Parsed parse(String schemaText) {
        if (schemaText == null || schemaText.isBlank()) {
            throw RegistryException.invalidSchema("no schema given");
        }
        try {
            Schema schema = new Schema.Parser().parse(schemaText);
            return new Parsed(schema, schema.toString());
        } catch (SchemaParseException | org.apache.avro.AvroTypeException e) {
            throw RegistryException.invalidSchema(e.getMessage());
        } catch (RuntimeException e) {
            // Avro 1.12 reports an undefined type name as a NullPointerException about an "UnresolvedSchema".
            String message = String.valueOf(e.getMessage());
            throw RegistryException.invalidSchema(message.contains("UnresolvedSchema")
                    ? "a type name is not defined (a misspelt type, or a reference to another schema)"
                    : e.getClass().getSimpleName() + ": " + message);
        }
    }

    private record Parsed(Schema schema, String canonical) {
    }
}
