package org.partyline.embedded;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Confluent Schema Registry REST API over {@link RegistryService}: routes, request bodies and JSON answers.
 * A refusal answers {@code {"error_code": N, "message": "..."}} and is logged with the request path; no stack
 * trace ever goes into a response.
 */
final class RegistryHttpHandler implements HttpHandler {

    static final String CONTENT_TYPE = "application/vnd.schemaregistry.v1+json";
    private static final Logger log = LoggerFactory.getLogger(RegistryHttpHandler.class);

    private final RegistryService registry;
    private final ObjectMapper json;

    RegistryHttpHandler(RegistryService registry, ObjectMapper json) {
        this.registry = registry;
        this.json = json;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        String method = exchange.getRequestMethod().toUpperCase(Locale.ROOT);
        String path = exchange.getRequestURI().getRawPath();
        try (exchange) {
            try {
                Request request = new Request(method, segments(path), exchange.getRequestURI().getRawQuery(),
                        readBody(exchange.getRequestBody()));
                respond(exchange, 200, route(request));
            } catch (RegistryException e) {
                log.warn("{} {} -> {} (error {}): {}", method, path, e.status(), e.errorCode(), e.getMessage());
                respond(exchange, e.status(), error(e.errorCode(), e.getMessage()));
            } catch (RuntimeException e) {
                log.error("{} {} -> 500: {}", method, path, e.getMessage(), e);
                respond(exchange, 500, error(RegistryException.STORE_ERROR, "Error in the backend data store: " + e.getMessage()));
            }
        }
    }

    private String route(Request r) {
        List<String> p = r.segments();
        int n = p.size();
        if (n == 0) {
            return r.only("GET", "{}");
        }
        switch (p.get(0)) {
            case "schemas":
                if (n == 2 && p.get(1).equals("types")) {
                    return r.only("GET", "[\"AVRO\"]");
                }
                if (n >= 3 && n <= 4 && p.get(1).equals("ids") && (n == 3 || p.get(3).equals("schema"))) {
                    r.require("GET");
                    String schema = registry.schemaById(parseId(p.get(2)));
                    return n == 4 ? schema : write(json.createObjectNode().put("schema", schema));
                }
                break;
            case "subjects":
                return subjects(r, p);
            case "compatibility":
                if (n == 5 && p.get(1).equals("subjects") && p.get(3).equals("versions")) {
                    r.require("POST");
                    boolean compatible = registry.isCompatible(p.get(2), p.get(4), r.schemaText(json));
                    return write(json.createObjectNode().put("is_compatible", compatible));
                }
                break;
            case "config":
                if (n <= 2) {
                    return config(r, n == 2 ? p.get(1) : null);
                }
                break;
            default:
                break;
        }
        throw notFound(r);
    }

    private String subjects(Request r, List<String> p) {
        int n = p.size();
        if (n == 1) {
            r.require("GET");
            return write(registry.subjects());
        }
        String subject = p.get(1);
        if (n == 2) {
            if (r.method().equals("DELETE")) {
                return write(registry.deleteSubject(subject));
            }
            r.require("POST");
            SchemaEntry found = registry.lookup(subject, r.schemaText(json));
            return write(versionNode(found));
        }
        if (!p.get(2).equals("versions") || n > 5 || (n == 5 && !p.get(4).equals("schema"))) {
            throw notFound(r);
        }
        if (n == 3) {
            if (r.method().equals("POST")) {
                int id = registry.register(subject, r.schemaText(json));
                return write(json.createObjectNode().put("id", id));
            }
            r.require("GET");
            return write(registry.versions(subject));
        }
        r.require("GET");
        SchemaEntry entry = registry.version(subject, p.get(3));
        return n == 5 ? entry.schema() : write(versionNode(entry));
    }

    private String config(Request r, String subject) {
        if (r.method().equals("PUT")) {
            JsonNode body = r.jsonBody(json);
            JsonNode level = body.get("compatibility");
            if (level == null || !level.isTextual()) {
                level = body.get("compatibilityLevel");
            }
            CompatibilityLevel set = registry.setLevel(subject, level == null || !level.isTextual() ? null : level.asText());
            return write(json.createObjectNode().put("compatibility", set.name()));
        }
        r.require("GET");
        CompatibilityLevel level = subject == null ? registry.globalLevel()
                : registry.subjectLevel(subject, r.queryFlag("defaultToGlobal"));
        return write(json.createObjectNode().put("compatibilityLevel", level.name()));
    }

    private ObjectNode versionNode(SchemaEntry entry) {
        return json.createObjectNode().put("subject", entry.subject()).put("version", entry.version())
                .put("id", entry.id()).put("schema", entry.schema());
    }

    private static int parseId(String text) {
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw RegistryException.schemaNotFound("'" + text + "' is not a schema id");
        }
    }

    private static RegistryException notFound(Request r) {
        return new RegistryException(404, 404, "HTTP 404 Not Found: no resource " + r.method() + " /" + String.join("/", r.segments()));
    }

    private String error(int errorCode, String message) {
        return write(json.createObjectNode().put("error_code", errorCode).put("message", message));
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON answer: " + e.getOriginalMessage(), e);
        }
    }

    private static void respond(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", CONTENT_TYPE);
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    private static String readBody(InputStream in) throws IOException {
        return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }

    private static List<String> segments(String rawPath) {
        List<String> segments = new ArrayList<>();
        Arrays.stream(rawPath.split("/")).filter(s -> !s.isEmpty())
                .map(s -> URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8))
                .forEach(segments::add);
        return segments;
    }

    /** One request: method, decoded path segments, raw query and body. */
    private record Request(String method, List<String> segments, String query, String body) {

        void require(String expected) {
            if (!method.equals(expected)) {
                throw new RegistryException(405, 405, "HTTP 405 Method Not Allowed: " + method + " /" + String.join("/", segments));
            }
        }

        String only(String expected, String answer) {
            require(expected);
            return answer;
        }

        boolean queryFlag(String name) {
            if (query == null) {
                return false;
            }
            return Arrays.stream(query.split("&")).anyMatch(p -> p.equalsIgnoreCase(name + "=true"));
        }

        JsonNode jsonBody(ObjectMapper json) {
            try {
                JsonNode node = json.readTree(body);
                if (node == null || !node.isObject()) {
                    throw new RegistryException(400, 400, "The request body must be a JSON object");
                }
                return node;
            } catch (JsonProcessingException e) {
                throw new RegistryException(400, 400, "The request body is not JSON: " + e.getOriginalMessage());
            }
        }

        /** The {@code schema} field of an AVRO registration or lookup body. */
        String schemaText(ObjectMapper json) {
            JsonNode node = jsonBody(json);
            JsonNode type = node.get("schemaType");
            if (type != null && !type.isNull() && !"AVRO".equalsIgnoreCase(type.asText())) {
                throw RegistryException.invalidSchema("schemaType " + type.asText() + " is not supported, only AVRO");
            }
            JsonNode references = node.get("references");
            if (references != null && references.isArray() && !references.isEmpty()) {
                throw RegistryException.invalidSchema("schema references are not supported");
            }
            JsonNode schema = node.get("schema");
            if (schema == null || !schema.isTextual()) {
                throw RegistryException.invalidSchema("the body has no text field 'schema'");
            }
            return schema.asText();
        }
    }
}
