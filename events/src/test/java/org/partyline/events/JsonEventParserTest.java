package org.partyline.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.regex.Matcher;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.partyline.schema.Claim;
import org.partyline.schema.Position;
import org.partyline.schema.Source;
import org.partyline.schema.Stance;
import org.partyline.schema.Statement;

class JsonEventParserTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Instant AT = Instant.parse("2025-12-05T14:00:00Z");

    private final JsonEventParser parser = new JsonEventParser();

    private static ObjectNode statementJson() {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("type", "statement");
        node.put("eventId", "st-1");
        node.put("party", "RU");
        node.put("occurredAt", "2025-12-05T14:00:00Z");
        node.put("topic", "ukraine-nato-membership");
        node.put("stance", "OPPOSE");
        return node;
    }

    private static ObjectNode claimJson() {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("type", "claim");
        node.put("eventId", "cl-1");
        node.put("party", "UA");
        node.put("occurredAt", "2025-12-05T14:00:00Z");
        node.put("claimId", "pokrovsk-captured");
        node.put("position", "DENIES");
        return node;
    }

    private static ObjectNode eventJson(String type) {
        return switch (type) {
            case "statement" -> statementJson();
            case "claim" -> claimJson();
            default -> throw new IllegalArgumentException("no such event type in these tests: " + type);
        };
    }

    private SpecificRecord parse(ObjectNode json) throws InvalidEventException {
        return parser.parse(json.toString());
    }

    private Statement parseStatement(ObjectNode json) throws InvalidEventException {
        return parseStatement(json.toString());
    }

    private Statement parseStatement(String line) throws InvalidEventException {
        return assertInstanceOf(Statement.class, parser.parse(line));
    }

    private Claim parseClaim(ObjectNode json) throws InvalidEventException {
        return assertInstanceOf(Claim.class, parser.parse(json.toString()));
    }

    private String reasonFor(String line) {
        return assertThrows(InvalidEventException.class, () -> parser.parse(line)).getMessage();
    }

    private String reasonFor(ObjectNode json) {
        return reasonFor(json.toString());
    }

    // ---- valid events

    @Test
    void shouldParseMinimalStatement() throws Exception {
        Statement expected = Statement.newBuilder().setEventId("st-1").setParty("RU").setOccurredAt(AT)
                .setTopic("ukraine-nato-membership").setStance(Stance.OPPOSE).build();
        assertEquals(expected, parser.parse(statementJson().toString()));
    }

    @Test
    void shouldParseMinimalClaim() throws Exception {
        Claim expected = Claim.newBuilder().setEventId("cl-1").setParty("UA").setOccurredAt(AT)
                .setClaimId("pokrovsk-captured").setPosition(Position.DENIES).build();
        assertEquals(expected, parser.parse(claimJson().toString()));
    }

    @Test
    void shouldParseFullStatement() throws Exception {
        String line = "{\"type\":\"statement\",\"eventId\":\"st-2\",\"party\":\" ru \",\"speaker\":\"Maria Zakharova\","
                + "\"occurredAt\":\"2025-12-05T16:00:00+02:00\",\"topic\":\"ukraine-nato-membership\","
                + "\"stance\":\"lean_oppose\",\"quote\":\"No.\",\"source\":{\"url\":\"https://example.org/a\","
                + "\"outlet\":\"TASS\",\"title\":\"Briefing\",\"publishedAt\":\"2025-12-05T17:30:00+03:00\"}}";
        Statement expected = Statement.newBuilder().setEventId("st-2").setParty("RU").setSpeaker("Maria Zakharova")
                .setOccurredAt(AT).setTopic("ukraine-nato-membership").setStance(Stance.LEAN_OPPOSE).setQuote("No.")
                .setSource(Source.newBuilder().setUrl("https://example.org/a").setOutlet("TASS").setTitle("Briefing")
                        .setPublishedAt(Instant.parse("2025-12-05T14:30:00Z")).build())
                .build();
        assertEquals(expected, parser.parse(line));
    }

    @Test
    void shouldParseFullClaim() throws Exception {
        ObjectNode json = claimJson();
        json.put("speaker", "Spokesperson");
        json.put("proposition", "Russian forces captured Pokrovsk");
        json.put("quote", "The city is held.");
        json.putObject("source").put("outlet", "Ukrinform");
        Claim expected = Claim.newBuilder().setEventId("cl-1").setParty("UA").setSpeaker("Spokesperson")
                .setOccurredAt(AT).setClaimId("pokrovsk-captured").setProposition("Russian forces captured Pokrovsk")
                .setPosition(Position.DENIES).setQuote("The city is held.")
                .setSource(Source.newBuilder().setOutlet("Ukrinform").build()).build();
        assertEquals(expected, parser.parse(json.toString()));
    }

    @Test
    void shouldIgnoreUnknownFields() throws Exception {
        ObjectNode json = statementJson();
        json.put("confidence", 0.9);
        json.putObject("meta").put("ingestedBy", "job-7");
        json.putArray("tags").add("nato");
        json.with("source").put("language", "ru");
        Statement statement = parseStatement(json);
        assertEquals("st-1", statement.getEventId());
        assertEquals(Source.newBuilder().build(), statement.getSource());
    }

    @Test
    void shouldIgnoreFieldsOfTheOtherEventType() throws Exception {
        ObjectNode statement = statementJson();
        statement.put("claimId", "NOT A SLUG");
        statement.put("position", "maybe");
        statement.put("proposition", "x".repeat(2_000));
        assertEquals("st-1", parseStatement(statement).getEventId());

        ObjectNode claim = claimJson();
        claim.put("topic", "NOT A SLUG");
        claim.put("stance", 42);
        assertEquals("cl-1", parseClaim(claim).getEventId());
    }

    @ParameterizedTest
    @CsvSource({"statement,speaker", "statement,quote", "statement,source",
            "claim,speaker", "claim,proposition", "claim,quote", "claim,source"})
    void shouldTreatNullOptionalFieldAsAbsent(String type, String field) throws Exception {
        ObjectNode json = eventJson(type);
        json.putNull(field);
        assertEquals(parse(eventJson(type)), parse(json));
    }

    @ParameterizedTest
    @ValueSource(strings = {"url", "outlet", "title", "publishedAt"})
    void shouldTreatNullSourceFieldAsAbsent(String field) throws Exception {
        ObjectNode json = statementJson();
        json.putObject("source").putNull(field);
        assertEquals(Source.newBuilder().build(), parseStatement(json).getSource());
    }

    @Test
    void shouldAcceptWhitespaceAroundTheObject() throws Exception {
        assertEquals(parseStatement(statementJson()), parser.parse("  \t" + statementJson() + "  "));
    }

    // ---- required fields

    static Stream<Arguments> requiredFields() {
        return Stream.concat(
                Stream.of("type", "eventId", "party", "occurredAt", "topic", "stance")
                        .map(field -> Arguments.of("statement", field)),
                Stream.of("type", "eventId", "party", "occurredAt", "claimId", "position")
                        .map(field -> Arguments.of("claim", field)));
    }

    @ParameterizedTest
    @MethodSource("requiredFields")
    void shouldRejectEventWithoutRequiredField(String type, String field) {
        ObjectNode json = eventJson(type);
        json.remove(field);
        assertEquals(field + ": missing", reasonFor(json));
    }

    @ParameterizedTest
    @MethodSource("requiredFields")
    void shouldRejectEventWithNullRequiredField(String type, String field) {
        ObjectNode json = eventJson(type);
        json.putNull(field);
        assertEquals(field + ": missing", reasonFor(json));
    }

    @ParameterizedTest
    @ValueSource(strings = {"Statement", "STATEMENT", "event", ""})
    void shouldRejectUnknownType(String type) {
        ObjectNode json = statementJson();
        json.put("type", type);
        assertEquals("type: \"" + type + "\" is not \"statement\", \"claim\" or \"article\"", reasonFor(json));
    }

    // ---- bounds: exactly at the limit is accepted, one over is rejected

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "statement|eventId|128|eventId: longer than 128 characters",
            "statement|speaker|200|speaker: longer than 200 characters",
            "statement|quote|10000|quote: longer than 10,000 characters",
            "statement|party|64|party: longer than 64 characters",
            "statement|topic|128|topic: longer than 128 characters",
            "claim|eventId|128|eventId: longer than 128 characters",
            "claim|speaker|200|speaker: longer than 200 characters",
            "claim|proposition|1000|proposition: longer than 1,000 characters",
            "claim|quote|10000|quote: longer than 10,000 characters",
            "claim|party|64|party: longer than 64 characters",
            "claim|claimId|128|claimId: longer than 128 characters"})
    void shouldAcceptFieldAtItsBoundAndRejectOneOver(String type, String field, int bound, String reason)
            throws Exception {
        ObjectNode json = eventJson(type);
        json.put(field, "a".repeat(bound));
        SpecificRecord atBound = parse(json);
        assertEquals(bound, ((String) atBound.get(atBound.getSchema().getField(field).pos())).length());

        json.put(field, "a".repeat(bound + 1));
        assertEquals(reason, reasonFor(json));
    }

    @Test
    void shouldCountPartyLengthAfterTrimming() throws Exception {
        ObjectNode json = statementJson();
        json.put("party", "  " + "a".repeat(64) + "  ");
        assertEquals("A".repeat(64), parseStatement(json).getParty());
    }

    @Test
    void shouldAcceptEmptyOptionalText() throws Exception {
        ObjectNode json = claimJson();
        json.put("speaker", "");
        json.put("proposition", "");
        Claim claim = parseClaim(json);
        assertEquals("", claim.getSpeaker());
        assertEquals("", claim.getProposition());
    }

    // ---- eventId

    @Test
    void shouldRejectEmptyEventId() {
        ObjectNode json = statementJson();
        json.put("eventId", "");
        assertEquals("eventId: empty", reasonFor(json));
    }

    @ParameterizedTest
    @CsvSource({"0,U+0000", "9,U+0009", "10,U+000A", "31,U+001F", "127,U+007F"})
    void shouldRejectEventIdWithControlCharacter(int codePoint, String shown) {
        ObjectNode json = claimJson();
        json.put("eventId", "cl" + Character.toString(codePoint) + "1");
        assertEquals("eventId: contains the control character " + shown, reasonFor(json));
    }

    @Test
    void shouldKeepEventIdAsWritten() throws Exception {
        ObjectNode json = statementJson();
        json.put("eventId", " Ev/1 é ");
        assertEquals(" Ev/1 é ", parseStatement(json).getEventId());
    }

    // ---- party

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"'ru '|RU", "' Ua'|UA", "cdu.csu|CDU.CSU", "fi_ps-1|FI_PS-1", "'\tru\t'|RU"})
    void shouldNormalizeParty(String raw, String expected) throws Exception {
        ObjectNode json = statementJson();
        json.put("party", raw);
        assertEquals(expected, parseStatement(json).getParty());
        ObjectNode claim = claimJson();
        claim.put("party", raw);
        assertEquals(expected, parseClaim(claim).getParty());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "'  '|party: empty",
            "-ru|party: \"-RU\" does not match [A-Z0-9][A-Z0-9_.-]{0,63}",
            "r u|party: \"R U\" does not match [A-Z0-9][A-Z0-9_.-]{0,63}",
            "ru/1|party: \"RU/1\" does not match [A-Z0-9][A-Z0-9_.-]{0,63}",
            "rü|party: \"RÜ\" does not match [A-Z0-9][A-Z0-9_.-]{0,63}"})
    void shouldRejectInvalidParty(String raw, String reason) {
        ObjectNode json = statementJson();
        json.put("party", raw);
        assertEquals(reason, reasonFor(json));
    }

    // ---- stance and position

    @ParameterizedTest
    @CsvSource({"support,SUPPORT", "lean_support,LEAN_SUPPORT", "Neutral,NEUTRAL", "LEAN_OPPOSE,LEAN_OPPOSE", "oPPose,OPPOSE"})
    void shouldAcceptStanceInAnyLetterCase(String raw, Stance expected) throws Exception {
        ObjectNode json = statementJson();
        json.put("stance", raw);
        assertEquals(expected, parseStatement(json).getStance());
    }

    @ParameterizedTest
    @CsvSource({"asserts,ASSERTS", "Denies,DENIES", "DISPUTES,DISPUTES", "Retracts,RETRACTS"})
    void shouldAcceptPositionInAnyLetterCase(String raw, Position expected) throws Exception {
        ObjectNode json = claimJson();
        json.put("position", raw);
        assertEquals(expected, parseClaim(json).getPosition());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "statement|stance|against|stance: \"against\" is not one of SUPPORT, LEAN_SUPPORT, NEUTRAL, LEAN_OPPOSE,"
                    + " OPPOSE",
            "claim|position|confirms|position: \"confirms\" is not one of ASSERTS, DENIES, DISPUTES, RETRACTS"})
    void shouldRejectUnknownStanceOrPosition(String type, String field, String value, String reason) {
        ObjectNode json = eventJson(type);
        json.put(field, value);
        assertEquals(reason, reasonFor(json));
    }

    // ---- occurredAt

    @ParameterizedTest
    @CsvSource({"2025-12-05T14:00:00Z,2025-12-05T14:00:00Z",
            "2025-12-05T16:00:00+02:00,2025-12-05T14:00:00Z",
            "2025-12-05T08:00:00-06:00,2025-12-05T14:00:00Z",
            "2025-12-05T14:00:00.250Z,2025-12-05T14:00:00.250Z",
            "2025-12-05T16:00:00.5+02:00,2025-12-05T14:00:00.500Z"})
    void shouldConvertOccurredAtToUtcInstant(String text, String expected) throws Exception {
        ObjectNode json = statementJson();
        json.put("occurredAt", text);
        assertEquals(Instant.parse(expected), parseStatement(json).getOccurredAt());
        ObjectNode claim = claimJson();
        claim.put("occurredAt", text);
        assertEquals(Instant.parse(expected), parseClaim(claim).getOccurredAt());
    }

    @ParameterizedTest
    @ValueSource(strings = {"2025-12-05T14:00:00", "2025-12-05", "2025-12-05 14:00:00Z", "last tuesday",
            "2025-02-30T14:00:00Z", "14:00:00Z", ""})
    void shouldRejectOccurredAtWithoutOffsetOrGarbage(String text) {
        ObjectNode json = statementJson();
        json.put("occurredAt", text);
        assertEquals("occurredAt: not an ISO-8601 instant with Z or an offset: \"" + text + "\"", reasonFor(json));
    }

    @Test
    void shouldRejectEpochMillisOccurredAt() {
        ObjectNode json = claimJson();
        json.put("occurredAt", 1764943200000L);
        assertEquals("occurredAt: not a string (got a number)", reasonFor(json));
    }

    // ---- topic and claimId

    @ParameterizedTest
    @ValueSource(strings = {"a", "9", "ukraine-nato-membership", "2025-budget"})
    void shouldAcceptSlugTopicAndClaimId(String slug) throws Exception {
        ObjectNode statement = statementJson();
        statement.put("topic", slug);
        assertEquals(slug, parseStatement(statement).getTopic());
        ObjectNode claim = claimJson();
        claim.put("claimId", slug);
        assertEquals(slug, parseClaim(claim).getClaimId());
    }

    @ParameterizedTest
    @ValueSource(strings = {"-nato", "Nato", "nato_membership", "nato.membership", "nato membership", "nató"})
    void shouldRejectNonSlugTopicAndClaimId(String value) {
        ObjectNode statement = statementJson();
        statement.put("topic", value);
        assertEquals("topic: \"" + value + "\" does not match [a-z0-9][a-z0-9-]{0,127}", reasonFor(statement));
        ObjectNode claim = claimJson();
        claim.put("claimId", value);
        assertEquals("claimId: \"" + value + "\" does not match [a-z0-9][a-z0-9-]{0,127}", reasonFor(claim));
    }

    @Test
    void shouldRejectEmptyTopicAndClaimId() {
        ObjectNode statement = statementJson();
        statement.put("topic", "");
        assertEquals("topic: empty", reasonFor(statement));
        ObjectNode claim = claimJson();
        claim.put("claimId", "");
        assertEquals("claimId: empty", reasonFor(claim));
    }

    // ---- wrong JSON types

    static Stream<Arguments> wrongTypes() {
        return Stream.of(
                Arguments.of("statement", "type", "1", "type: not a string (got a number)"),
                Arguments.of("statement", "eventId", "17", "eventId: not a string (got a number)"),
                Arguments.of("statement", "party", "7", "party: not a string (got a number)"),
                Arguments.of("statement", "party", "[\"RU\"]", "party: not a string (got an array)"),
                Arguments.of("statement", "speaker", "{}", "speaker: not a string (got an object)"),
                Arguments.of("statement", "occurredAt", "true", "occurredAt: not a string (got a boolean)"),
                Arguments.of("statement", "topic", "[]", "topic: not a string (got an array)"),
                Arguments.of("statement", "stance", "2", "stance: not a string (got a number)"),
                Arguments.of("statement", "quote", "false", "quote: not a string (got a boolean)"),
                Arguments.of("statement", "source", "\"TASS\"", "source: not an object (got a string)"),
                Arguments.of("statement", "source", "[]", "source: not an object (got an array)"),
                Arguments.of("claim", "proposition", "3", "proposition: not a string (got a number)"),
                Arguments.of("claim", "claimId", "12", "claimId: not a string (got a number)"),
                Arguments.of("claim", "position", "true", "position: not a string (got a boolean)"));
    }

    @ParameterizedTest
    @MethodSource("wrongTypes")
    void shouldRejectWrongJsonType(String type, String field, String rawValue, String reason) throws Exception {
        ObjectNode json = eventJson(type);
        json.set(field, MAPPER.readTree(rawValue));
        assertEquals(reason, reasonFor(json));
    }

    // ---- source

    static Stream<Arguments> invalidSources() {
        return Stream.of(
                Arguments.of("{\"url\": 1}", "source.url: not a string (got a number)"),
                Arguments.of("{\"outlet\": []}", "source.outlet: not a string (got an array)"),
                Arguments.of("{\"title\": {}}", "source.title: not a string (got an object)"),
                Arguments.of("{\"publishedAt\": 1764943200000}", "source.publishedAt: not a string (got a number)"),
                Arguments.of("{\"publishedAt\": \"2025-12-05T14:00:00\"}",
                        "source.publishedAt: not an ISO-8601 instant with Z or an offset: \"2025-12-05T14:00:00\""));
    }

    @ParameterizedTest
    @MethodSource("invalidSources")
    void shouldRejectInvalidSourceField(String source, String reason) throws Exception {
        ObjectNode json = claimJson();
        json.set("source", MAPPER.readTree(source));
        assertEquals(reason, reasonFor(json));
    }

    @Test
    void shouldParseSourcePublishedAtWithOffset() throws Exception {
        ObjectNode json = statementJson();
        json.putObject("source").put("publishedAt", "2025-12-05T15:00:00+01:00");
        assertEquals(Instant.parse("2025-12-05T14:00:00Z"), parseStatement(json).getSource().getPublishedAt());
    }

    @Test
    void shouldAcceptEmptySource() throws Exception {
        ObjectNode json = statementJson();
        json.putObject("source");
        Source source = parseStatement(json).getSource();
        assertNull(source.getUrl());
        assertNull(source.getPublishedAt());
    }

    @Test
    void shouldTakeTheLastValueOfARepeatedFieldAsTheContractFoldDoes() throws Exception {
        String line = "{\"type\":\"statement\",\"eventId\":\"e1\",\"party\":\"RU\",\"party\":\"UA\","
                + "\"topic\":\"t\",\"stance\":\"SUPPORT\",\"occurredAt\":\"2025-12-05T14:00:00Z\",\"x\":NaN}";
        assertEquals("UA", parseStatement(line).getParty());
    }

    @ParameterizedTest
    @ValueSource(strings = {"NaN", "Infinity", "-Infinity", "[NaN, -Infinity]", "1e999"})
    void shouldAcceptTheNonFiniteNumbersTheContractFoldReadsInAnUnknownField(String value) throws Exception {
        assertEquals("RU", parseStatement(withUnknownField(value)).getParty());
    }

    @ParameterizedTest
    @ValueSource(strings = {"-INF", "+INF", "+Infinity", "[NaN, -INF]", "{\"y\": +INF}"})
    void shouldRejectTheNonFiniteSpellingsTheContractFoldDoesNotRead(String value) {
        String reason = reasonFor(withUnknownField(value));
        assertTrue(reason.startsWith("not JSON: non-standard number \""), reason);
    }

    @Test
    void shouldAcceptLongNumbersAndFieldNamesInUnknownFields() throws Exception {
        String digits = "7".repeat(JsonEventParser.MAX_NUMBER_DIGITS);
        String line = statementJson().toString().replaceFirst("}$",
                ",\"" + "k".repeat(60_000) + "\":1,\"n\":-" + digits + ",\"f\":1." + "5".repeat(2_000) + "}");
        assertEquals("RU", parseStatement(line).getParty());
    }

    @Test
    void shouldRejectAnIntegerLongerThanTheContractFoldReads() {
        String reason = reasonFor(withUnknownField("7".repeat(JsonEventParser.MAX_NUMBER_DIGITS + 1)));
        assertTrue(reason.startsWith("not JSON: Number value length (4301) exceeds"), reason);
    }

    private static String withUnknownField(String rawValue) {
        return statementJson().toString().replaceFirst("}$", ",\"x\":" + Matcher.quoteReplacement(rawValue) + "}");
    }

    @Test
    void shouldRejectALoneSurrogateThatUtf8CannotCarry() {
        String line = "{\"type\":\"statement\",\"eventId\":\"e\\ud800\",\"party\":\"RU\","
                + "\"topic\":\"t\",\"stance\":\"SUPPORT\",\"occurredAt\":\"2025-12-05T14:00:00Z\"}";
        assertEquals("eventId: not valid Unicode (a lone surrogate \\uD800-\\uDFFF escape)", reasonFor(line));
    }

    @Test
    void shouldAcceptCharactersBeyondTheBasicPlane() throws Exception {
        String line = "{\"type\":\"statement\",\"eventId\":\"e\\ud83d\\ude00\",\"party\":\"RU\","
                + "\"topic\":\"t\",\"stance\":\"SUPPORT\",\"occurredAt\":\"2025-12-05T14:00:00Z\"}";
        assertEquals("e\uD83D\uDE00", parseStatement(line).getEventId());
    }

    // ---- not JSON, not an object

    @ParameterizedTest
    @ValueSource(strings = {"{\"type\": \"statement\"", "type=statement", "{'type': 'statement'}", "{\"a\":1,}",
            "{\"type\":\"claim\"} trailing", "{\"a\":1}{\"b\":2}"})
    void shouldRejectLineThatIsNotJson(String line) {
        String reason = reasonFor(line);
        assertTrue(reason.startsWith("not JSON: "), reason);
    }

    @Test
    void shouldSayWhereTheJsonBreaks() {
        assertEquals("not JSON: Unexpected character ('x' (code 120)): was expecting double-quote to start field name"
                + " (column 3)", reasonFor("{ x: 1}"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"[1, 2]|an array", "\"statement\"|a string", "42|a number", "true|a boolean",
            "null|null", "[]|an array"})
    void shouldRejectJsonValueThatIsNotAnObject(String line, String got) {
        assertEquals("not a JSON object (got " + got + ")", reasonFor(line));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "\t", "\u00A0\u3000"})
    void shouldRejectBlankLineGivenToTheParser(String line) {
        assertEquals("not JSON: blank line", reasonFor(line));
    }

    @Test
    void shouldReturnTheEventType() throws Exception {
        SpecificRecord statement = parser.parse(statementJson().toString());
        SpecificRecord claim = parser.parse(claimJson().toString());
        assertInstanceOf(Statement.class, statement);
        assertInstanceOf(Claim.class, claim);
    }

    @Test
    void shouldEscapeControlCharactersAndShortenLongValuesInReasons() {
        ObjectNode json = statementJson();
        json.put("topic", "bad\u0007" + "x".repeat(100));
        assertEquals("topic: \"bad\\u0007" + "x".repeat(56) + "...\" does not match [a-z0-9][a-z0-9-]{0,127}",
                reasonFor(json));
    }
}
