package org.partyline.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.partyline.schema.Article;

/** The article rules of CONTRACT 7.1, line in, article or reason out. */
class ArticleParserTest {

    private static final Instant NOON = Instant.parse("2025-12-05T12:00:00Z");

    private final ArticleParser parser = ArticleParser.forIngest();

    @Test
    void shouldParseEveryField() throws Exception {
        Article expected = new Article("seed", "Talks went on.", Instant.parse("2025-12-05T14:30:00Z"),
                "https://example.org/a", "Example News", "Talks");

        Article actual = parser.parse("{\"type\":\"article\",\"id\":\"seed\",\"text\":\"Talks went on.\","
                + "\"publishedAt\":\"2025-12-05T16:30:00+02:00\",\"url\":\"https://example.org/a\","
                + "\"outlet\":\"Example News\",\"title\":\"Talks\",\"basedOn\":{\"date\":\"2025-12-05\"}}");

        assertEquals(expected, actual);
    }

    /** Type may be left out in ingest's files; optional fields may be absent or null; unknown fields are ignored. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            type left out               | {"id":"a1","text":"T","publishedAt":"2025-12-05T12:00:00Z"}
            a date is read as 12:00Z    | {"id":"a1","text":"T","publishedAt":"2025-12-05"}
            null optional fields        | {"id":"a1","text":"T","publishedAt":"2025-12-05","url":null,"outlet":null,"title":null}
            null type                   | {"type":null,"id":"a1","text":"T","publishedAt":"2025-12-05"}
            unknown fields ignored      | {"id":"a1","text":"T","publishedAt":"2025-12-05","lang":"en","n":[1,2]}
            an offset of zero           | {"id":"a1","text":"T","publishedAt":"2025-12-05T13:00:00+01:00"}
            """)
    void shouldAcceptArticle(String name, String line) throws Exception {
        assertEquals(new Article("a1", "T", NOON, null, null, null), parser.parse(line));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            not JSON                | {"id":                                                         | not JSON: Unexpected end-of-input within/between Object entries (column 7)
            an array                | []                                                             | not a JSON object (got an array)
            another type            | {"type":"statement","id":"a1","text":"T","publishedAt":"2025-12-05"} | type: "statement" is not "article"
            type not a string       | {"type":1,"id":"a1","text":"T","publishedAt":"2025-12-05"}     | type: not a string (got a number)
            id missing              | {"text":"T","publishedAt":"2025-12-05"}                        | id: missing
            id empty                | {"id":"","text":"T","publishedAt":"2025-12-05"}                | id: empty
            id with a tab           | {"id":"a\\t1","text":"T","publishedAt":"2025-12-05"}          | id: contains the control character U+0009
            id a number             | {"id":7,"text":"T","publishedAt":"2025-12-05"}                 | id: not a string (got a number)
            text missing            | {"id":"a1","publishedAt":"2025-12-05"}                         | text: missing
            text null               | {"id":"a1","text":null,"publishedAt":"2025-12-05"}             | text: missing
            text empty              | {"id":"a1","text":"","publishedAt":"2025-12-05"}               | text: empty
            publishedAt missing     | {"id":"a1","text":"T"}                                         | publishedAt: missing
            publishedAt local time  | {"id":"a1","text":"T","publishedAt":"2025-12-05T12:00:00"}     | publishedAt: neither an ISO-8601 instant with Z or an offset nor a date YYYY-MM-DD: "2025-12-05T12:00:00"
            publishedAt no such day | {"id":"a1","text":"T","publishedAt":"2025-02-30"}              | publishedAt: neither an ISO-8601 instant with Z or an offset nor a date YYYY-MM-DD: "2025-02-30"
            publishedAt in words    | {"id":"a1","text":"T","publishedAt":"Friday"}                  | publishedAt: neither an ISO-8601 instant with Z or an offset nor a date YYYY-MM-DD: "Friday"
            url not a string        | {"id":"a1","text":"T","publishedAt":"2025-12-05","url":{}}    | url: not a string (got an object)
            outlet not a string     | {"id":"a1","text":"T","publishedAt":"2025-12-05","outlet":true} | outlet: not a string (got a boolean)
            title not a string      | {"id":"a1","text":"T","publishedAt":"2025-12-05","title":[]}  | title: not a string (got an array)
            """)
    void shouldRejectArticleNamingTheField(String name, String line, String reason) {
        assertEquals(reason, assertThrows(InvalidEventException.class, () -> parser.parse(line)).getMessage());
    }

    @Test
    void shouldAcceptTheLongestIdAndTextAndRejectOneCharacterMore() throws Exception {
        String id = "i".repeat(128);
        String text = "\uD83D\uDCF0".repeat(200_000);

        assertEquals(id, parser.parse(line(id, text)).getId());
        assertEquals("id: longer than 128 characters",
                assertThrows(InvalidEventException.class, () -> parser.parse(line(id + "i", text))).getMessage());
        assertEquals("text: longer than 200,000 characters",
                assertThrows(InvalidEventException.class, () -> parser.parse(line(id, text + "x"))).getMessage());
    }

    @Test
    void shouldReadArticleLinesInPublishFilesAsArticleRecords() throws Exception {
        org.partyline.schema.Article expected = org.partyline.schema.Article.newBuilder().setId("a1").setText("T")
                .setPublishedAt(NOON).setOutlet("Example News").build();

        Object actual = new JsonEventParser().parse(
                "{\"type\":\"article\",\"id\":\"a1\",\"text\":\"T\",\"publishedAt\":\"2025-12-05\",\"outlet\":\"Example News\"}");

        assertEquals(expected, assertInstanceOf(org.partyline.schema.Article.class, actual));
    }

    @Test
    void shouldRequireTheTypeInPublishFiles() {
        assertEquals("type: missing", assertThrows(InvalidEventException.class, () -> new JsonEventParser()
                .parse("{\"id\":\"a1\",\"text\":\"T\",\"publishedAt\":\"2025-12-05\"}")).getMessage());
    }

    @Test
    void shouldAcceptATopicRecordThatKeepsTheRules() throws Exception {
        Article article = new Article("a1", "Talks went on.", NOON, "https://example.org/a", null, "Talks");

        assertEquals(article, ArticleParser.check(article));
    }

    @Test
    void shouldRejectATopicRecordThatBreaksTheRules() {
        Article empty = Article.newBuilder().setId("a1").setText("")
                .setPublishedAt(NOON).build();

        assertEquals("text: empty",
                assertThrows(InvalidEventException.class, () -> ArticleParser.check(empty)).getMessage());
    }

    private static String line(String id, String text) {
        return "{\"id\":\"" + id + "\",\"text\":\"" + text + "\",\"publishedAt\":\"2025-12-05\"}";
    }
}
