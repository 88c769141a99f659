package org.partyline.embedded;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.StreamSupport;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.avro.Schema;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.partyline.embedded.RegistryHttp.Response;

class EmbeddedSchemaRegistryIT {

    static final String V1 = """
            {"type": "record", "name": "Person", "namespace": "org.partyline.test",
             "fields": [{"name": "name", "type": "string"}]}""";
    static final String V1_REFORMATTED = "{\"type\":\"record\",\"name\":\"Person\",\"namespace\":\"org.partyline.test\","
            + "\"fields\":[ {\"type\":\"string\", \"name\":\"name\"} ]}";
    static final String REQUIRED_FIELD_ADDED = """
            {"type": "record", "name": "Person", "namespace": "org.partyline.test",
             "fields": [{"name": "name", "type": "string"}, {"name": "age", "type": "int"}]}""";
    static final String OPTIONAL_FIELD_ADDED = """
            {"type": "record", "name": "Person", "namespace": "org.partyline.test",
             "fields": [{"name": "name", "type": "string"}, {"name": "nick", "type": ["null", "string"], "default": null}]}""";

    @TempDir
    static Path kafkaDir;
    static EmbeddedKafka kafka;
    static EmbeddedSchemaRegistry registry;
    static RegistryHttp http;

    @BeforeAll
    static void startBrokerAndRegistry() {
        kafka = EmbeddedKafka.start(kafkaDir, 0, 1);
        registry = EmbeddedSchemaRegistry.start(kafka.bootstrapServers(), "localhost", 0);
        http = new RegistryHttp(registry.url());
    }

    @AfterAll
    static void stop() {
        if (registry != null) {
            registry.close();
        }
        if (kafka != null) {
            kafka.close();
        }
    }

    @Test
    void shouldRegisterOnceAndAnswerEveryReadEndpoint() {
        int id = http.register("people-value", V1);
        assertEquals(id, http.register("people-value", V1), "same schema, same id");
        assertEquals(id, http.register("people-value", V1_REFORMATTED), "whitespace and key order make no new version");

        Response lookup = http.post("/subjects/people-value", RegistryHttp.schemaBody(V1_REFORMATTED));
        assertEquals(200, lookup.status());
        assertEquals("application/vnd.schemaregistry.v1+json", lookup.contentType());
        assertEquals("people-value", lookup.body().get("subject").asText());
        assertEquals(id, lookup.body().get("id").asInt());
        assertEquals(1, lookup.body().get("version").asInt());

        String canonical = new Schema.Parser().parse(V1).toString();
        assertEquals(canonical, http.get("/schemas/ids/" + id).body().get("schema").asText());
        assertEquals(new Schema.Parser().parse(V1), new Schema.Parser().parse(http.get("/schemas/ids/" + id + "/schema").body().toString()));
        assertTrue(texts(http.get("/subjects").body()).contains("people-value"));
        assertEquals(List.of(1), ints(http.get("/subjects/people-value/versions").body()));

        JsonNode latest = http.get("/subjects/people-value/versions/latest").body();
        assertEquals(1, latest.get("version").asInt());
        assertEquals(id, latest.get("id").asInt());
        assertEquals(canonical, latest.get("schema").asText());
        assertEquals(canonical, http.get("/subjects/people-value/versions/1/schema").body().toString());
        assertEquals("{}", http.get("/").body().toString());
    }

    @Test
    void shouldRefuseABackwardIncompatibleChangeAndRegisterACompatibleOneAsVersion2() {
        int first = http.register("evolving-value", V1);

        Response refused = http.post("/subjects/evolving-value/versions", RegistryHttp.schemaBody(REQUIRED_FIELD_ADDED));
        assertEquals(409, refused.status());
        assertEquals(409, refused.errorCode());
        assertEquals(false, http.post("/compatibility/subjects/evolving-value/versions/latest",
                RegistryHttp.schemaBody(REQUIRED_FIELD_ADDED)).body().get("is_compatible").asBoolean());
        assertEquals(true, http.post("/compatibility/subjects/evolving-value/versions/1",
                RegistryHttp.schemaBody(OPTIONAL_FIELD_ADDED)).body().get("is_compatible").asBoolean());

        int second = http.register("evolving-value", OPTIONAL_FIELD_ADDED);
        assertNotEquals(first, second);
        assertEquals(List.of(1, 2), ints(http.get("/subjects/evolving-value/versions").body()));
        assertEquals(2, http.get("/subjects/evolving-value/versions/latest").body().get("version").asInt());
        assertEquals(second, http.get("/subjects/evolving-value/versions/2").body().get("id").asInt());
    }

    @Test
    void shouldReuseTheGlobalIdForTheSameSchemaUnderAnotherSubject() {
        int id = http.register("first-subject-value", OPTIONAL_FIELD_ADDED);
        assertEquals(id, http.register("second-subject-value", OPTIONAL_FIELD_ADDED));
        assertEquals(1, http.get("/subjects/second-subject-value/versions/latest").body().get("version").asInt());
    }

    @Test
    void shouldChangeTheVerdictWhenTheCompatibilityLevelChanges() {
        http.register("relaxed-value", V1);
        assertEquals("BACKWARD", http.get("/config").body().get("compatibilityLevel").asText());
        assertEquals(40408, http.get("/config/relaxed-value").errorCode(), "no subject level set yet");
        assertEquals("BACKWARD", http.get("/config/relaxed-value?defaultToGlobal=true").body().get("compatibilityLevel").asText());

        Response put = http.put("/config/relaxed-value", "{\"compatibility\": \"NONE\"}");
        assertEquals(200, put.status());
        assertEquals("NONE", put.body().get("compatibility").asText());
        assertEquals("NONE", http.get("/config/relaxed-value").body().get("compatibilityLevel").asText());
        assertEquals(true, http.post("/compatibility/subjects/relaxed-value/versions/latest",
                RegistryHttp.schemaBody(REQUIRED_FIELD_ADDED)).body().get("is_compatible").asBoolean());
        http.register("relaxed-value", REQUIRED_FIELD_ADDED);
        assertEquals(List.of(1, 2), ints(http.get("/subjects/relaxed-value/versions").body()));

        Response invalid = http.put("/config/relaxed-value", "{\"compatibility\": \"SIDEWAYS\"}");
        assertEquals(422, invalid.status());
        assertEquals(42203, invalid.errorCode());
    }

    @Test
    void shouldApplyTheGlobalLevelToSubjectsWithoutTheirOwn() {
        http.register("strict-value", V1);
        try {
            assertEquals("FORWARD", http.put("/config", "{\"compatibility\": \"FORWARD\"}").body().get("compatibility").asText());
            assertEquals("FORWARD", http.get("/config").body().get("compatibilityLevel").asText());
            // Forward: the old schema must read data written with the new one; an added required field is ignored.
            assertEquals(true, http.post("/compatibility/subjects/strict-value/versions/latest",
                    RegistryHttp.schemaBody(REQUIRED_FIELD_ADDED)).body().get("is_compatible").asBoolean());
        } finally {
            http.put("/config", "{\"compatibility\": \"BACKWARD\"}");
        }
        assertEquals(false, http.post("/compatibility/subjects/strict-value/versions/latest",
                RegistryHttp.schemaBody(REQUIRED_FIELD_ADDED)).body().get("is_compatible").asBoolean());
    }

    @Test
    void shouldAnswerConfluentErrorCodesForWhatIsUnknownOrInvalid() {
        http.register("known-value", V1);
        assertError(404, 40403, http.get("/schemas/ids/987654"));
        assertError(404, 40401, http.get("/subjects/unknown-value/versions"));
        assertError(404, 40401, http.post("/subjects/unknown-value", RegistryHttp.schemaBody(V1)));
        assertError(404, 40403, http.post("/subjects/known-value", RegistryHttp.schemaBody(OPTIONAL_FIELD_ADDED)));
        assertError(404, 40402, http.get("/subjects/known-value/versions/7"));
        assertError(422, 42202, http.get("/subjects/known-value/versions/first"));
        assertError(422, 42201, http.post("/subjects/known-value/versions", RegistryHttp.schemaBody("{\"type\": \"recrod\"}")));
        assertError(404, 404, http.get("/no/such/path"));
        Response invalid = http.post("/subjects/known-value/versions", RegistryHttp.schemaBody("{\"type\": \"recrod\"}"));
        assertTrue(!invalid.body().get("message").asText().contains("\tat "), "no stack trace in the answer");
    }

    @Test
    void shouldSoftDeleteASubject() {
        int id = http.register("doomed-value", V1);
        assertEquals(List.of(1), ints(http.delete("/subjects/doomed-value").body()));
        assertError(404, 40401, http.get("/subjects/doomed-value/versions"));
        assertTrue(!texts(http.get("/subjects").body()).contains("doomed-value"));
        assertEquals(200, http.get("/schemas/ids/" + id).status(), "the id still resolves for old records");
    }

    @Test
    void shouldSeeSchemasRegisteredByAnotherInstanceOnTheSameBroker() throws Exception {
        try (EmbeddedSchemaRegistry second = EmbeddedSchemaRegistry.start(kafka.bootstrapServers(), "localhost", 0)) {
            RegistryHttp other = new RegistryHttp(second.url());
            int id = http.register("shared-value", V1);
            Response seen = awaitStatus(other, "/subjects/shared-value/versions/latest", 200);
            assertEquals(id, seen.body().get("id").asInt());
            assertEquals(id, other.register("shared-value", V1), "the second instance reuses the id");

            int next = other.register("shared-value", OPTIONAL_FIELD_ADDED);
            assertNotEquals(id, next);
            assertEquals(next, awaitStatus(http, "/subjects/shared-value/versions/2", 200).body().get("id").asInt());
        }
    }

    static Response awaitStatus(RegistryHttp client, String path, int status) throws InterruptedException {
        long deadline = System.nanoTime() + 10_000_000_000L;
        Response response = client.get(path);
        while (response.status() != status && System.nanoTime() < deadline) {
            Thread.sleep(50);
            response = client.get(path);
        }
        assertEquals(status, response.status(), path + " answered " + response.body());
        return response;
    }

    static void assertError(int status, int errorCode, Response response) {
        assertEquals(status, response.status(), response.body().toString());
        assertEquals(errorCode, response.errorCode(), response.body().toString());
        assertTrue(response.body().get("message").isTextual(), response.body().toString());
    }

    static List<String> texts(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false).map(JsonNode::asText).toList();
    }

    static List<Integer> ints(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false).map(JsonNode::asInt).toList();
    }
}
