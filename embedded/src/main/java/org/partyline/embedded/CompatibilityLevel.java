package org.partyline.embedded;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.SchemaCompatibilityType;

/**
 * The Confluent Schema Registry compatibility levels, checked with Avro's own {@link SchemaCompatibility}.
 *
 * <p>BACKWARD: the new schema can read data written with the old one. FORWARD: the old schema can read data written
 * with the new one. FULL: both. The {@code _TRANSITIVE} levels check against every earlier version, the others only
 * against the latest.
 */
enum CompatibilityLevel {
    NONE(false, false, false),
    BACKWARD(true, false, false),
    BACKWARD_TRANSITIVE(true, false, true),
    FORWARD(false, true, false),
    FORWARD_TRANSITIVE(false, true, true),
    FULL(true, true, false),
    FULL_TRANSITIVE(true, true, true);

    static final CompatibilityLevel DEFAULT = BACKWARD;

    private final boolean backward;
    private final boolean forward;
    private final boolean transitive;

    CompatibilityLevel(boolean backward, boolean forward, boolean transitive) {
        this.backward = backward;
        this.forward = forward;
        this.transitive = transitive;
    }

    static Optional<CompatibilityLevel> parse(String name) {
        if (name == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(valueOf(name.trim().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** Whether {@code candidate} may follow {@code earlier} (oldest first) under this level. */
    boolean allows(Schema candidate, List<Schema> earlier) {
        if (earlier.isEmpty() || this == NONE) {
            return true;
        }
        List<Schema> checked = transitive ? earlier : List.of(earlier.get(earlier.size() - 1));
        return checked.stream().allMatch(previous -> allowsAfter(candidate, previous));
    }

    private boolean allowsAfter(Schema candidate, Schema previous) {
        return (!backward || canRead(candidate, previous)) && (!forward || canRead(previous, candidate));
    }

    private static boolean canRead(Schema reader, Schema writer) {
        return SchemaCompatibility.checkReaderWriterCompatibility(reader, writer).getType()
                == SchemaCompatibilityType.COMPATIBLE;
    }
}
