package org.partyline.events;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import org.partyline.schema.Article;

/**
 * The article rules of CONTRACT 7.1: one JSON object per line with {@code id} (1 to 128 characters, no control
 * characters), {@code text} (1 to 200,000 characters) and {@code publishedAt} (an instant as in section 1, or a date
 * {@code 2025-12-05} read as 12:00Z) required, {@code url}, {@code outlet} and {@code title} optional strings.
 * {@code ingest} reads files where {@code type} may be left out; {@code publish} reads mixed files where it must say
 * {@code "article"}. A broken rule is an {@link InvalidEventException} naming the field. Thread-safe. Only schema
 * types here, so that {@code publish} reads article lines where the ingestion module is not on the class path (the
 * processor's demo).
 */
public final class ArticleParser {

    public static final int MAX_TEXT_LENGTH = 200_000;

    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

    private final JsonEventParser json = new JsonEventParser();
    private final boolean typeRequired;

    private ArticleParser(boolean typeRequired) {
        this.typeRequired = typeRequired;
    }

    /** The parser of {@code ingest}'s files: {@code type} may be left out, and when given must be "article". */
    public static ArticleParser forIngest() {
        return new ArticleParser(false);
    }

    /** Parses one line (without its line terminator) into a checked {@link Article} record. */
    public Article parse(String line) throws InvalidEventException {
        JsonNode root = json.readJson(line);
        if (!root.isObject()) {
            throw new InvalidEventException("not a JSON object (got " + JsonEventParser.typeName(root) + ")");
        }
        return record(new JsonEventParser.Fields(root, ""), typeRequired);
    }

    /** The Avro record of one JSON object's fields. */
    static Article record(JsonEventParser.Fields fields, boolean typeRequired)
            throws InvalidEventException {
        String type = typeRequired ? fields.requiredString("type") : fields.optionalText("type", Integer.MAX_VALUE);
        if (type != null && !type.equals(JsonEventParser.ARTICLE)) {
            throw new InvalidEventException("type: " + JsonEventParser.quoted(type) + " is not \""
                    + JsonEventParser.ARTICLE + "\"");
        }
        String id = fields.requiredEventId("id");
        String text = checkedText(fields.requiredString("text"));
        Instant publishedAt = publishedAt(fields.requiredString("publishedAt"));
        return Article.newBuilder()
                .setId(id)
                .setText(text)
                .setPublishedAt(publishedAt)
                .setUrl(fields.optionalText("url", Integer.MAX_VALUE))
                .setOutlet(fields.optionalText("outlet", Integer.MAX_VALUE))
                .setTitle(fields.optionalText("title", Integer.MAX_VALUE))
                .build();
    }

    /** An instant as in section 1, or a date read as 12:00Z of that day. */
    static Instant publishedAt(String text) throws InvalidEventException {
        try {
            if (DATE.matcher(text).matches()) {
                return LocalDate.parse(text).atTime(12, 0).toInstant(ZoneOffset.UTC);
            }
            return EventRules.parseInstant(text);
        } catch (DateTimeParseException e) {
            throw new InvalidEventException("publishedAt: neither an ISO-8601 instant with Z or an offset nor a date "
                    + "YYYY-MM-DD: " + JsonEventParser.quoted(text));
        }
    }

    /**
     * A record read from the {@code articles} topic, checked against the same rules, since a record written by another
     * client may break them; returns it unchanged.
     */
    public static Article check(Article record) throws InvalidEventException {
        JsonEventParser.checkedEventId("id", record.getId());
        checkedText(record.getText());
        return record;
    }

    private static String checkedText(String text) throws InvalidEventException {
        if (text.isEmpty()) {
            throw new InvalidEventException("text: empty");
        }
        if (EventRules.length(text) > MAX_TEXT_LENGTH) {
            throw new InvalidEventException("text: longer than " + String.format("%,d", MAX_TEXT_LENGTH)
                    + " characters");
        }
        return text;
    }
}
