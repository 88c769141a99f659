package org.partyline.serde;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javax.net.ssl.SSLContext;

/**
 * A tiny stand-in for Confluent Schema Registry on the JDK HTTP server: answers the REST calls the client makes with
 * Confluent-shaped JSON, and records every request so tests can count them.
 */
final class FakeConfluentRegistry implements AutoCloseable {

    private final ObjectMapper json = new ObjectMapper();
    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private final List<String> contentTypes = new CopyOnWriteArrayList<>();
    private final List<String> authorizations = new CopyOnWriteArrayList<>();
    private final Map<String, Integer> idsBySchema = new HashMap<>();
    private final Map<Integer, String> schemasById = new HashMap<>();
    private final Map<String, List<String>> subjects = new LinkedHashMap<>();
    private final CountDownLatch release = new CountDownLatch(1);
    private volatile int failWithStatus;
    private volatile boolean hang;

    FakeConfluentRegistry() throws IOException {
        this(null);
    }

    /** Serves HTTPS with the given server context, or plain HTTP when it is null. */
    FakeConfluentRegistry(SSLContext tls) throws IOException {
        InetSocketAddress address = new InetSocketAddress("127.0.0.1", 0);
        if (tls == null) {
            server = HttpServer.create(address, 0);
        } else {
            HttpsServer https = HttpsServer.create(address, 0);
            https.setHttpsConfigurator(new HttpsConfigurator(tls));
            server = https;
        }
        server.createContext("/", this::handle);
        server.setExecutor(executor);
        server.start();
    }

    String url() {
        return (server instanceof HttpsServer ? "https" : "http") + "://127.0.0.1:" + server.getAddress().getPort();
    }

    List<String> requests() {
        return List.copyOf(requests);
    }

    /** The Authorization header of each request ("" when it had none). */
    List<String> authorizations() {
        return List.copyOf(authorizations);
    }

    List<String> contentTypes() {
        return List.copyOf(contentTypes);
    }

    /** Every later request is answered with this status and a Confluent error body. */
    void failWith(int status) {
        failWithStatus = status;
    }

    /** Every later request gets no answer until the fake is closed. */
    void hang() {
        hang = true;
    }

    @Override
    public void close() {
        release.countDown();
        server.stop(0);
        executor.shutdownNow();
    }

    private synchronized Object answer(String method, String path, JsonNode body) {
        String[] parts = path.substring(1).split("/");
        if (method.equals("GET") && parts.length == 3 && parts[0].equals("schemas") && parts[1].equals("ids")) {
            String schema = schemasById.get(Integer.parseInt(parts[2]));
            return schema == null ? error(404, 40403, "Schema " + parts[2] + " not found") : Map.of("schema", schema);
        }
        if (method.equals("GET") && path.equals("/subjects")) {
            return new ArrayList<>(subjects.keySet());
        }
        String subject = parts.length >= 2 ? URLDecoder.decode(parts[1], StandardCharsets.UTF_8) : null;
        List<String> versions = subject == null ? null : subjects.get(subject);
        if (method.equals("GET") && parts.length == 3 && parts[2].equals("versions")) {
            if (versions == null) {
                return error(404, 40401, "Subject '" + subject + "' not found.");
            }
            List<Integer> numbers = new ArrayList<>();
            for (int v = 1; v <= versions.size(); v++) {
                numbers.add(v);
            }
            return numbers;
        }
        if (method.equals("POST") && parts.length == 3 && parts[2].equals("versions")) {
            String schema = body.get("schema").asText();
            int id = idsBySchema.computeIfAbsent(schema, s -> idsBySchema.size() + 1);
            schemasById.put(id, schema);
            List<String> list = subjects.computeIfAbsent(subject, s -> new ArrayList<>());
            if (!list.contains(schema)) {
                list.add(schema);
            }
            return Map.of("id", id);
        }
        if (method.equals("POST") && parts.length == 2) {
            if (versions == null) {
                return error(404, 40401, "Subject '" + subject + "' not found.");
            }
            String schema = body.get("schema").asText();
            if (!versions.contains(schema)) {
                return error(404, 40403, "Schema not found");
            }
            return Map.of("subject", subject, "id", idsBySchema.get(schema),
                    "version", versions.indexOf(schema) + 1, "schema", schema);
        }
        return error(404, 404, "HTTP 404 Not Found");
    }

    private record Error(int status, Map<String, Object> body) {
    }

    private static Error error(int status, int code, String message) {
        return new Error(status, Map.of("error_code", code, "message", message));
    }

    private void handle(HttpExchange exchange) throws IOException {
        String method = exchange.getRequestMethod();
        String path = exchange.getRequestURI().getRawPath();
        requests.add(method + " " + path);
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        authorizations.add(authorization == null ? "" : authorization);
        String contentType = exchange.getRequestHeaders().getFirst("Content-Type");
        if (contentType != null) {
            contentTypes.add(contentType);
        }
        byte[] in = exchange.getRequestBody().readAllBytes();
        if (hang) {
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.close();
            return;
        }
        Object answer = failWithStatus != 0
                ? error(failWithStatus, 50001, "Error in the backend data store")
                : answer(method, path, in.length == 0 ? null : json.readTree(in));
        int status = 200;
        if (answer instanceof Error e) {
            status = e.status();
            answer = e.body();
        }
        byte[] out = json.writeValueAsBytes(answer);
        exchange.getResponseHeaders().set("Content-Type", "application/vnd.schemaregistry.v1+json");
        exchange.sendResponseHeaders(status, out.length);
        try (OutputStream os = exchange.getResponseBody()) {
            os.write(out);
        }
    }
}
