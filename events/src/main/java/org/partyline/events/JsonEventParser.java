package org.partyline.events;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.io.IOException;
import java.util.Arrays;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeType;
import com.fasterxml.jackson.databind.node.TextNode;
import org.apache.avro.specific.SpecificRecord;
import org.partyline.schema.Claim;
import org.partyline.schema.Position;
import org.partyline.schema.Source;
import org.partyline.schema.Stance;
import org.partyline.schema.Statement;

/**
 * Turns one JSON line into a {@link Statement} or a {@link Claim}, checking every rule of CONTRACT section 1, or into
 * an {@link org.partyline.schema.Article} for a line of type {@code "article"} (the rules of {@link ArticleParser}),
 * or rejects it with an {@link InvalidEventException} whose message names the first field that breaks a rule.
 * Unknown fields are ignored and JSON {@code null} for an optional field means absent. Thread-safe.
 */
public final class JsonEventParser {

    public static final String STATEMENT = "statement";
    public static final String CLAIM = "claim";
    public static final String ARTICLE = "article";

    private static final int QUOTED_VALUE_LIMIT = 60;

    /**
     * Digits a JSON number may have: the bound of the contract's reference fold (Python's int conversion limit),
     * well above Jackson's default of 1,000, so a long number in a field Partyline does not read is no reason to
     * refuse the line, and short enough that reading it as a big integer stays cheap.
     */
    static final int MAX_NUMBER_DIGITS = 4_300;

    /** The spellings of non-finite numbers the reference fold reads; Jackson also reads {@code INF}, {@code +INF}... */
    private static final Set<String> NON_FINITE_SPELLINGS = Set.of("NaN", "Infinity", "-Infinity");

    private final ObjectReader reader;
    private final JsonFactory factory;

    public JsonEventParser() {
        this.factory = JsonFactory.builder()
                // As the contract's reference fold reads JSON: NaN or Infinity in a field Partyline does not read is
                // no reason to refuse the line, nor are field names and numbers longer than Jackson's defaults.
                .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxNumberLength(MAX_NUMBER_DIGITS)
                        .maxNameLength(Integer.MAX_VALUE)
                        .build())
                .build();
        // A repeated field takes its last value, as in the reference fold (Jackson's default for trees).
        ObjectMapper mapper = JsonMapper.builder(factory).build();
        this.reader = mapper.readerFor(JsonNode.class).with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    }

    /** Parses one line (without its line terminator) into a {@link Statement}, a {@link Claim} or an Article. */
    public SpecificRecord parse(String line) throws InvalidEventException {
        JsonNode root = readJson(line);
        if (!root.isObject()) {
            throw new InvalidEventException("not a JSON object (got " + typeName(root) + ")");
        }
        Fields fields = new Fields(root, "");
        String type = fields.requiredString("type");
        return switch (type) {
            case STATEMENT -> statement(fields);
            case CLAIM -> claim(fields);
            case ARTICLE -> ArticleParser.record(fields, true);
            default -> throw new InvalidEventException("type: " + quoted(type) + " is not \"" + STATEMENT
                    + "\", \"" + CLAIM + "\" or \"" + ARTICLE + "\"");
        };
    }

    /** The line's JSON tree, or the reason it is not JSON. */
    JsonNode readJson(String line) throws InvalidEventException {
        if (EventRules.isBlank(line)) {
            throw new InvalidEventException("not JSON: blank line");
        }
        try {
            JsonNode root = reader.readTree(line);
            if (hasNonFiniteNumber(root)) {
                checkNonFiniteSpellings(line);
            }
            return root;
        } catch (JsonProcessingException e) {
            String message = String.valueOf(e.getOriginalMessage()).replaceAll("\\s+", " ");
            int column = e.getLocation() == null ? -1 : e.getLocation().getColumnNr();
            throw new InvalidEventException("not JSON: " + message + (column > 0 ? " (column " + column + ")" : ""));
        } catch (IOException e) {
            throw new InvalidEventException("not JSON: " + e.getMessage());
        }
    }

    private static boolean hasNonFiniteNumber(JsonNode node) {
        if (node.isFloatingPointNumber()) {
            return !Double.isFinite(node.doubleValue());
        }
        for (JsonNode child : node) {
            if (hasNonFiniteNumber(child)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Refuses the non-finite numbers Jackson reads beyond {@code NaN}, {@code Infinity} and {@code -Infinity}
     * ({@code INF}, {@code -INF}, {@code +INF}, {@code +Infinity}): the reference fold does not read them.
     */
    private void checkNonFiniteSpellings(String line) throws IOException, InvalidEventException {
        try (JsonParser parser = factory.createParser(line)) {
            for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
                if (token == JsonToken.VALUE_NUMBER_FLOAT && parser.isNaN()
                        && !NON_FINITE_SPELLINGS.contains(parser.getText())) {
                    throw new InvalidEventException("not JSON: non-standard number " + quoted(parser.getText())
                            + ", only NaN, Infinity and -Infinity are read (column "
                            + parser.currentTokenLocation().getColumnNr() + ")");
                }
            }
        }
    }

    private static Statement statement(Fields fields) throws InvalidEventException {
        return Statement.newBuilder()
                .setEventId(fields.requiredEventId("eventId"))
                .setParty(fields.requiredParty("party"))
                .setSpeaker(fields.optionalText("speaker", EventRules.MAX_SPEAKER_LENGTH))
                .setOccurredAt(fields.requiredInstant("occurredAt"))
                .setTopic(fields.requiredSlug("topic"))
                .setStance(fields.requiredSymbol("stance", EventRules::stance, Stance.values()))
                .setQuote(fields.optionalText("quote", EventRules.MAX_QUOTE_LENGTH))
                .setSource(source(fields))
                .build();
    }

    private static Claim claim(Fields fields) throws InvalidEventException {
        return Claim.newBuilder()
                .setEventId(fields.requiredEventId("eventId"))
                .setParty(fields.requiredParty("party"))
                .setSpeaker(fields.optionalText("speaker", EventRules.MAX_SPEAKER_LENGTH))
                .setOccurredAt(fields.requiredInstant("occurredAt"))
                .setClaimId(fields.requiredSlug("claimId"))
                .setProposition(fields.optionalText("proposition", EventRules.MAX_PROPOSITION_LENGTH))
                .setPosition(fields.requiredSymbol("position", EventRules::position, Position.values()))
                .setQuote(fields.optionalText("quote", EventRules.MAX_QUOTE_LENGTH))
                .setSource(source(fields))
                .build();
    }

    private static Source source(Fields fields) throws InvalidEventException {
        Optional<Fields> source = fields.optionalObject("source");
        if (source.isEmpty()) {
            return null;
        }
        Fields s = source.get();
        return Source.newBuilder()
                .setUrl(s.optionalText("url", Integer.MAX_VALUE))
                .setOutlet(s.optionalText("outlet", Integer.MAX_VALUE))
                .setTitle(s.optionalText("title", Integer.MAX_VALUE))
                .setPublishedAt(s.optionalInstant("publishedAt"))
                .build();
    }

    /** A JSON value for a message: JSON-quoted (control characters escaped) and cut short. */
    static String quoted(String value) {
        String shown = EventRules.length(value) <= QUOTED_VALUE_LIMIT ? value
                : value.substring(0, value.offsetByCodePoints(0, QUOTED_VALUE_LIMIT)) + "...";
        return new TextNode(shown).toString();
    }

    static String typeName(JsonNode node) {
        JsonNodeType type = node.getNodeType();
        return switch (type) {
            case ARRAY -> "an array";
            case OBJECT, POJO -> "an object";
            case STRING, BINARY -> "a string";
            case NUMBER -> "a number";
            case BOOLEAN -> "a boolean";
            case NULL, MISSING -> "null";
        };
    }

    /**
     * {@code value} when it keeps the rule of an eventId (1 to 128 characters, no control characters), else the
     * reason, named {@code field}. Also the rule of an article's id, wherever the article comes from.
     */
    static String checkedEventId(String field, String value) throws InvalidEventException {
        if (value.isEmpty()) {
            throw new InvalidEventException(field + ": empty");
        }
        if (EventRules.length(value) > EventRules.MAX_EVENT_ID_LENGTH) {
            throw new InvalidEventException(field + ": longer than "
                    + String.format("%,d", EventRules.MAX_EVENT_ID_LENGTH) + " characters");
        }
        OptionalInt control = EventRules.firstControlCharacter(value);
        if (control.isPresent()) {
            throw new InvalidEventException(String.format("%s: contains the control character U+%04X", field,
                    control.getAsInt()));
        }
        return value;
    }

    /** Typed access to the fields of one JSON object; {@code prefix} names nested fields ({@code source.url}). */
    record Fields(JsonNode object, String prefix) {

        /** The field's node, or empty when it is absent or JSON null. */
        private Optional<JsonNode> node(String name) {
            JsonNode node = object.get(name);
            return node == null || node.isNull() ? Optional.empty() : Optional.of(node);
        }

        private InvalidEventException invalid(String name, String what) {
            return new InvalidEventException(prefix + name + ": " + what);
        }

        private Optional<String> optionalString(String name) throws InvalidEventException {
            Optional<JsonNode> node = node(name);
            if (node.isEmpty()) {
                return Optional.empty();
            }
            if (!node.get().isTextual()) {
                throw invalid(name, "not a string (got " + typeName(node.get()) + ")");
            }
            String text = node.get().textValue();
            if (hasLoneSurrogate(text)) {
                // Kafka and Avro carry UTF-8, which cannot hold it: two ids would collapse into one.
                throw invalid(name, "not valid Unicode (a lone surrogate \\uD800-\\uDFFF escape)");
            }
            return Optional.of(text);
        }

        private static boolean hasLoneSurrogate(String s) {
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                    i++;
                } else if (Character.isSurrogate(c)) {
                    return true;
                }
            }
            return false;
        }

        String requiredString(String name) throws InvalidEventException {
            Optional<String> value = optionalString(name);
            if (value.isEmpty()) {
                throw invalid(name, "missing");
            }
            return value.get();
        }

        private void checkLength(String name, String value, int maxLength) throws InvalidEventException {
            if (EventRules.length(value) > maxLength) {
                throw invalid(name, "longer than " + String.format("%,d", maxLength) + " characters");
            }
        }

        String optionalText(String name, int maxLength) throws InvalidEventException {
            String value = optionalString(name).orElse(null);
            if (value != null) {
                checkLength(name, value, maxLength);
            }
            return value;
        }

        String requiredEventId(String name) throws InvalidEventException {
            return checkedEventId(prefix + name, requiredString(name));
        }

        /** A party, normalized ({@link EventRules#normalizeParty}) before it is checked. */
        String requiredParty(String name) throws InvalidEventException {
            return id(name, EventRules.normalizeParty(requiredString(name)), EventRules.MAX_PARTY_LENGTH,
                    EventRules::isParty, EventRules.PARTY_PATTERN);
        }

        /** A topic or claimId. */
        String requiredSlug(String name) throws InvalidEventException {
            return id(name, requiredString(name), EventRules.MAX_SLUG_LENGTH, EventRules::isSlug,
                    EventRules.SLUG_PATTERN);
        }

        /** Not empty, at most {@code maxLength} characters, then matching {@code pattern}: each with its reason. */
        private String id(String name, String value, int maxLength, Predicate<String> matches, String pattern)
                throws InvalidEventException {
            if (value.isEmpty()) {
                throw invalid(name, "empty");
            }
            checkLength(name, value, maxLength);
            if (!matches.test(value)) {
                throw invalid(name, quoted(value) + " does not match " + pattern);
            }
            return value;
        }

        private Instant instant(String name, String text) throws InvalidEventException {
            try {
                return EventRules.parseInstant(text);
            } catch (DateTimeParseException e) {
                throw invalid(name, "not an ISO-8601 instant with Z or an offset: " + quoted(text));
            }
        }

        Instant requiredInstant(String name) throws InvalidEventException {
            return instant(name, requiredString(name));
        }

        Instant optionalInstant(String name) throws InvalidEventException {
            Optional<String> text = optionalString(name);
            return text.isEmpty() ? null : instant(name, text.get());
        }

        <E extends Enum<E>> E requiredSymbol(String name, Function<String, Optional<E>> lookup, E[] symbols)
                throws InvalidEventException {
            String value = requiredString(name);
            return lookup.apply(value).orElseThrow(() -> invalid(name, quoted(value) + " is not one of "
                    + String.join(", ", Arrays.stream(symbols).map(Enum::name).toList())));
        }

        Optional<Fields> optionalObject(String name) throws InvalidEventException {
            Optional<JsonNode> node = node(name);
            if (node.isEmpty()) {
                return Optional.empty();
            }
            if (!node.get().isObject()) {
                throw invalid(name, "not an object (got " + typeName(node.get()) + ")");
            }
            return Optional.of(new Fields(node.get(), prefix + name + "."));
        }
    }
}
