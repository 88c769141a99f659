package org.partyline.embedded;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class BasicAuthHandlerTest {

    private HttpServer server;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void serve() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", new BasicAuthHandler(BasicAuthHandler.Credentials.of("registry:pa:ss"), exchange -> {
            byte[] body = "[]".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }, new ObjectMapper()));
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private HttpResponse<String> get(String authorization) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/subjects"));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String basic(String userInfo) {
        return "Basic " + Base64.getEncoder().encodeToString(userInfo.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void shouldAnswer401WithConfluentErrorAndChallengeWithoutCredentials() throws Exception {
        HttpResponse<String> response = get(null);
        assertEquals(401, response.statusCode());
        assertEquals("{\"error_code\":401,\"message\":\"Unauthorized\"}", response.body());
        assertEquals("Basic realm=\"partyline-registry\"", response.headers().firstValue("WWW-Authenticate").orElse(""));
        assertEquals(RegistryHttpHandler.CONTENT_TYPE, response.headers().firstValue("Content-Type").orElse(""));
    }

    @Test
    void shouldRefuseWrongPasswordsUsersAndSchemes() throws Exception {
        assertEquals(401, get(basic("registry:pa:sS")).statusCode());
        assertEquals(401, get(basic("registry:pa:ss2")).statusCode());
        assertEquals(401, get(basic("other:pa:ss")).statusCode());
        assertEquals(401, get("Bearer " + Base64.getEncoder().encodeToString("registry:pa:ss".getBytes())).statusCode());
        assertEquals(401, get("Basic !!not-base64!!").statusCode());
    }

    @Test
    void shouldPassRequestsWithTheCredentials() throws Exception {
        HttpResponse<String> response = get(basic("registry:pa:ss"));
        assertEquals(200, response.statusCode());
        assertEquals("[]", response.body());
        assertEquals(200, get("basic " + basic("registry:pa:ss").substring(6)).statusCode());
    }

    @Test
    void shouldNeverShowThePasswordOfTheCredentials() {
        assertEquals("Credentials[user registry]", BasicAuthHandler.Credentials.of("registry:pa:ss").toString());
    }
}
