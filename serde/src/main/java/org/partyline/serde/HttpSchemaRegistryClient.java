package org.partyline.serde;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;
import org.apache.avro.SchemaParseException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Confluent Schema Registry REST client on the JDK HTTP client. Caches (subject, schema) to id and id to schema, so
 * once a schema is known the serdes make no HTTP call. Fails fast (5 s connect, 10 s per request) when the registry
 * cannot be reached. With several base URLs, the first that answers is used. HTTP basic auth and a private trust
 * store come from {@link RegistryClientSettings}; credentials in a URL's userinfo are sent as basic auth too, and are
 * never part of {@link #url()}, a log line or an error message.
 */
public final class HttpSchemaRegistryClient implements SchemaRegistryClient {

    public static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    public static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);
    static final String CONTENT_TYPE = "application/vnd.schemaregistry.v1+json";
    private static final String ACCEPT =
            "application/vnd.schemaregistry.v1+json, application/vnd.schemaregistry+json, application/json";
    private static final Logger LOG = LoggerFactory.getLogger(HttpSchemaRegistryClient.class);

    private record SubjectSchema(String subject, Schema schema) {
    }

    private final List<String> baseUrls;
    private final HttpClient http;
    private final ObjectMapper json = new ObjectMapper();
    private final Map<SubjectSchema, Integer> idsBySubjectSchema = new ConcurrentHashMap<>();
    private final Map<Integer, Schema> schemasById = new ConcurrentHashMap<>();
    private final Duration connectTimeout;
    private final Duration requestTimeout;
    private final String authorization;
    private volatile int preferred = 0;

    public HttpSchemaRegistryClient(String baseUrl) {
        this(List.of(baseUrl));
    }

    public HttpSchemaRegistryClient(List<String> baseUrls) {
        this(baseUrls, RegistryClientSettings.NONE);
    }

    public HttpSchemaRegistryClient(List<String> baseUrls, RegistryClientSettings settings) {
        this(baseUrls, settings, CONNECT_TIMEOUT, REQUEST_TIMEOUT);
    }

    HttpSchemaRegistryClient(List<String> baseUrls, Duration connectTimeout, Duration requestTimeout) {
        this(baseUrls, RegistryClientSettings.NONE, connectTimeout, requestTimeout);
    }

    HttpSchemaRegistryClient(List<String> baseUrls, RegistryClientSettings settings, Duration connectTimeout,
                             Duration requestTimeout) {
        if (baseUrls.isEmpty()) {
            throw new IllegalArgumentException("no schema registry URL given");
        }
        RegistryClientSettings effective = settings;
        if (!settings.hasCredentials()) {
            for (String url : baseUrls) {
                var fromUrl = RegistryUrls.userInfo(url);
                if (fromUrl.isPresent()) {
                    effective = settings.withUserInfo(fromUrl.get());
                    break;
                }
            }
        }
        this.baseUrls = baseUrls.stream().map(RegistryUrls::redact).map(HttpSchemaRegistryClient::stripSlash).toList();
        this.connectTimeout = connectTimeout;
        this.requestTimeout = requestTimeout;
        this.authorization = effective.authorization().orElse(null);
        HttpClient.Builder builder = HttpClient.newBuilder().connectTimeout(connectTimeout);
        effective.sslContext().ifPresent(builder::sslContext);
        this.http = builder.build();
    }

    @Override
    public int register(String subject, Schema schema) {
        return idOf(subject, schema, true);
    }

    @Override
    public Schema schemaById(int id) {
        Schema cached = schemasById.get(id);
        if (cached != null) {
            return cached;
        }
        String what = "fetch schema id " + id;
        JsonNode answer = call("GET", "/schemas/ids/" + id, null, what);
        JsonNode text = answer.get("schema");
        if (text == null || !text.isTextual()) {
            throw new RegistryException(what + ": the answer has no \"schema\" field", url(), 200,
                    RegistryException.NO_ERROR_CODE);
        }
        Schema schema;
        try {
            schema = new Schema.Parser().parse(text.asText());
        } catch (SchemaParseException e) {
            throw new RegistryException(what + ": the registry returned a schema that is not valid Avro: "
                    + e.getMessage(), url(), 200, RegistryException.NO_ERROR_CODE, e);
        }
        Schema known = schemasById.putIfAbsent(id, schema);
        return known != null ? known : schema;
    }

    @Override
    public int idOf(String subject, Schema schema) {
        return idOf(subject, schema, false);
    }

    @Override
    public List<String> subjects() {
        JsonNode answer = call("GET", "/subjects", null, "list subjects");
        List<String> subjects = new ArrayList<>();
        answer.forEach(n -> subjects.add(n.asText()));
        return subjects;
    }

    @Override
    public List<Integer> versions(String subject) {
        JsonNode answer = call("GET", "/subjects/" + encode(subject) + "/versions", null,
                "list versions of subject '" + subject + "'");
        List<Integer> versions = new ArrayList<>();
        answer.forEach(n -> versions.add(n.asInt()));
        return versions;
    }

    @Override
    public String url() {
        return String.join(",", baseUrls);
    }

    @Override
    public String toString() {
        return "HttpSchemaRegistryClient[" + url() + "]";
    }

    /** The id of {@code schema} under {@code subject}: cached, or asked once (registering it, or only looking it up). */
    private int idOf(String subject, Schema schema, boolean register) {
        SubjectSchema key = new SubjectSchema(subject, schema);
        Integer cached = idsBySubjectSchema.get(key);
        if (cached != null) {
            return cached;
        }
        String what = (register ? "register" : "look up") + " schema under subject '" + subject + "'";
        String path = "/subjects/" + encode(subject) + (register ? "/versions" : "");
        int id = requiredInt(call("POST", path, schemaBody(schema), what), "id", what);
        idsBySubjectSchema.put(key, id);
        schemasById.putIfAbsent(id, schema);
        LOG.debug("{}: schema {} has id {}", what, schema.getFullName(), id);
        return id;
    }

    /** One request, tried against each base URL (starting with the last that answered) until one answers. */
    private JsonNode call(String method, String path, String body, String what) {
        RegistryException lastUnreachable = null;
        int start = preferred;
        for (int i = 0; i < baseUrls.size(); i++) {
            int index = (start + i) % baseUrls.size();
            String requestUrl = baseUrls.get(index) + path;
            HttpResponse<String> response;
            try {
                response = http.send(request(method, requestUrl, body), HttpResponse.BodyHandlers.ofString());
            } catch (IOException e) {
                lastUnreachable = RegistryException.unreachable(requestUrl, describe(e), e);
                LOG.warn("Cannot {}: {}", what, lastUnreachable.getMessage());
                continue;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new RegistryException("interrupted while trying to " + what + " at " + requestUrl,
                        requestUrl, RegistryException.NO_STATUS, RegistryException.NO_ERROR_CODE, e);
            }
            preferred = index;
            return parse(response, requestUrl, what);
        }
        throw new RegistryException("cannot " + what + ": " + lastUnreachable.getMessage(), lastUnreachable.url(),
                RegistryException.NO_STATUS, RegistryException.NO_ERROR_CODE, lastUnreachable.getCause());
    }

    private String describe(IOException e) {
        if (e instanceof HttpConnectTimeoutException) {
            return "no connection within " + connectTimeout.toMillis() + " ms";
        }
        if (e instanceof HttpTimeoutException) {
            return "no answer within " + requestTimeout.toMillis() + " ms";
        }
        if (e instanceof ConnectException) {
            return e.getMessage() == null ? "connection refused" : "connection failed (" + e.getMessage() + ")";
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getClass().getSimpleName() + ": "
                + e.getMessage();
    }

    private HttpRequest request(String method, String url, String body) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(url))
                .timeout(requestTimeout)
                .header("Accept", ACCEPT);
        if (authorization != null) {
            builder.header("Authorization", authorization);
        }
        if (body == null) {
            return builder.method(method, HttpRequest.BodyPublishers.noBody()).build();
        }
        return builder.header("Content-Type", CONTENT_TYPE)
                .method(method, HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .build();
    }

    private JsonNode parse(HttpResponse<String> response, String url, String what) {
        int status = response.statusCode();
        JsonNode node;
        try {
            node = response.body() == null || response.body().isBlank() ? null : json.readTree(response.body());
        } catch (IOException e) {
            node = null;
        }
        if (status / 100 == 2 && node != null) {
            return node;
        }
        int errorCode = RegistryException.NO_ERROR_CODE;
        String message = null;
        if (node != null && node.isObject()) {
            errorCode = node.path("error_code").asInt(RegistryException.NO_ERROR_CODE);
            message = node.path("message").asText(null);
        }
        if (message == null) {
            String raw = response.body() == null ? "" : response.body().strip();
            message = raw.isEmpty() ? "no body" : abbreviate(raw);
        }
        String code = errorCode == RegistryException.NO_ERROR_CODE ? "" : ", error code " + errorCode;
        throw new RegistryException("cannot " + what + ": schema registry at " + url + " answered HTTP " + status
                + code + ": " + message, url, status, errorCode);
    }

    private String schemaBody(Schema schema) {
        ObjectNode body = json.createObjectNode();
        body.put("schema", schema.toString());
        return body.toString();
    }

    private int requiredInt(JsonNode answer, String field, String what) {
        JsonNode value = answer.get(field);
        if (value == null || !value.canConvertToInt()) {
            throw new RegistryException(what + ": the answer of " + url() + " has no integer \"" + field + "\": "
                    + abbreviate(answer.toString()), url(), 200, RegistryException.NO_ERROR_CODE);
        }
        return value.asInt();
    }

    private static String encode(String subject) {
        return URLEncoder.encode(subject, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String stripSlash(String url) {
        String trimmed = url.trim();
        return trimmed.endsWith("/") ? trimmed.substring(0, trimmed.length() - 1) : trimmed;
    }

    private static String abbreviate(String text) {
        return text.length() <= 300 ? text : text.substring(0, 300) + "...";
    }
}
