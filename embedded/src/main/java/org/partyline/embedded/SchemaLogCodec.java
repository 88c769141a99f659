package org.partyline.embedded;

import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The records of the {@code _schemas} topic, in Confluent's JSON layout: a key
 * {@code {"keytype":"SCHEMA","subject":S,"version":V,"magic":1}} with value
 * {@code {"subject":S,"version":V,"id":ID,"schema":TEXT,"deleted":false}}, and a key
 * {@code {"keytype":"CONFIG","subject":S or null,"magic":0}} with value {@code {"compatibilityLevel":LEVEL}}.
 * Keys are stable per subject version and per config, so compaction keeps the latest state of each.
 */
final class SchemaLogCodec {

    /** A decoded record: exactly one of the fields is set, or none for a record this registry ignores. */
    record Decoded(SchemaEntry schema, ConfigEntry config, String deletedSubject, int deletedVersion) {
        static Decoded ignored() {
            return new Decoded(null, null, null, 0);
        }
    }

    private final ObjectMapper json;

    SchemaLogCodec(ObjectMapper json) {
        this.json = json;
    }

    String schemaKey(String subject, int version) {
        ObjectNode key = json.createObjectNode();
        key.put("keytype", "SCHEMA").put("subject", subject).put("version", version).put("magic", 1);
        return key.toString();
    }

    String schemaValue(SchemaEntry entry) {
        ObjectNode value = json.createObjectNode();
        value.put("subject", entry.subject()).put("version", entry.version()).put("id", entry.id())
                .put("schema", entry.schema()).put("deleted", entry.deleted());
        return value.toString();
    }

    String configKey(String subject) {
        ObjectNode key = json.createObjectNode();
        key.put("keytype", "CONFIG");
        if (subject == null) {
            key.putNull("subject");
        } else {
            key.put("subject", subject);
        }
        key.put("magic", 0);
        return key.toString();
    }

    String configValue(CompatibilityLevel level) {
        return json.createObjectNode().put("compatibilityLevel", level.name()).toString();
    }

    /** Decodes one record; throws {@link IllegalArgumentException} saying what is wrong with it. */
    Decoded decode(String key, String value) {
        JsonNode keyNode = parse(key, "key");
        String keyType = keyNode.path("keytype").asText("");
        switch (keyType) {
            case "SCHEMA":
                String subject = requiredText(keyNode, "subject", "key");
                int version = keyNode.path("version").asInt(0);
                if (value == null) {
                    return new Decoded(null, null, subject, version);
                }
                JsonNode valueNode = parse(value, "value");
                return new Decoded(new SchemaEntry(subject, version, requiredInt(valueNode, "id"),
                        requiredText(valueNode, "schema", "value"), valueNode.path("deleted").asBoolean(false)),
                        null, null, 0);
            case "CONFIG":
                String configSubject = keyNode.path("subject").isTextual() ? keyNode.get("subject").asText() : null;
                if (value == null) {
                    return new Decoded(null, new ConfigEntry(configSubject, null), null, 0);
                }
                String levelName = requiredText(parse(value, "value"), "compatibilityLevel", "value");
                CompatibilityLevel level = CompatibilityLevel.parse(levelName).orElseThrow(
                        () -> new IllegalArgumentException("unknown compatibility level '" + levelName + "'"));
                return new Decoded(null, new ConfigEntry(configSubject, level), null, 0);
            default:
                return Decoded.ignored();
        }
    }

    private JsonNode parse(String text, String what) {
        if (text == null) {
            throw new IllegalArgumentException("no " + what);
        }
        try {
            JsonNode node = json.readTree(text);
            if (node == null || !node.isObject()) {
                throw new IllegalArgumentException(what + " is not a JSON object");
            }
            return node;
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(what + " is not JSON: " + e.getOriginalMessage());
        }
    }

    private static String requiredText(JsonNode node, String field, String what) {
        return Optional.ofNullable(node.get(field)).filter(JsonNode::isTextual).map(JsonNode::asText)
                .orElseThrow(() -> new IllegalArgumentException(what + " has no text field '" + field + "'"));
    }

    private static int requiredInt(JsonNode node, String field) {
        return Optional.ofNullable(node.get(field)).filter(JsonNode::isInt).map(JsonNode::asInt)
                .orElseThrow(() -> new IllegalArgumentException("value has no integer field '" + field + "'"));
    }
}
