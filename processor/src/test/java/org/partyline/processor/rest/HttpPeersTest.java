package org.partyline.processor.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.partyline.processor.query.Instance;
import org.partyline.processor.query.PeerException;

/** Requests to a peer: over one kept-alive connection, with the token, bounded in time, each one observed. */
class HttpPeersTest {
    private final AtomicInteger connectionsOpened = new AtomicInteger();
    private final List<String> authorizations = new CopyOnWriteArrayList<>();
    private final List<Boolean> forwarded = new CopyOnWriteArrayList<>();
    private final RequestObserver observer = new RequestObserver() {
        @Override
        public void observed(String route, int status, long nanos) {
        }

        @Override
        public void forwarded(boolean failed) {
            forwarded.add(failed);
        }
    };
    private Server peer;
    private Instance peerInstance;

    @BeforeEach
    void startPeer() throws Exception {
        peer = new Server();
        ServerConnector connector = new ServerConnector(peer);
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        connector.addEventListener(new Connection.Listener() {
            @Override
            public void onOpened(Connection connection) {
                connectionsOpened.incrementAndGet();
            }
        });
        peer.addConnector(connector);
        peer.setHandler(new Handler.Abstract() {
            @Override
            public boolean handle(Request request, Response response, Callback callback) {
                authorizations.add(String.valueOf(request.getHeaders().get("Authorization")));
                response.getHeaders().put("Content-Type", "application/json");
                Content.Sink.write(response, true, "{\"known\": true}", callback);
                return true;
            }
        });
        peer.start();
        peerInstance = new Instance("127.0.0.1", connector.getLocalPort());
    }

    @AfterEach
    void stopPeer() throws Exception {
        peer.stop();
    }

    @Test
    void shouldReuseOneConnectionForManyRequests() {
        HttpPeers peers = new HttpPeers(Duration.ofSeconds(2), Optional.empty(), observer);
        for (int i = 0; i < 20; i++) {
            assertTrue(peers.partyKnown(peerInstance, "stances", "RU", false));
        }
        assertEquals(1, connectionsOpened.get(), "connections the peer accepted for 20 sequential requests");
        assertEquals(Collections.nCopies(20, false), forwarded);
    }

    @Test
    void shouldSendTheTokenWhenOneIsSet() {
        new HttpPeers(Duration.ofSeconds(2), Optional.of("s3cret"), observer).partyKnown(peerInstance, "stances", "RU", false);
        new HttpPeers(Duration.ofSeconds(2), Optional.empty(), observer).partyKnown(peerInstance, "stances", "RU", false);
        assertEquals(List.of("Bearer s3cret", "null"), authorizations);
    }

    @Test
    void shouldGiveUpOnAPeerThatDoesNotAnswerWithinTheTimeout() throws IOException {
        List<Socket> accepted = new CopyOnWriteArrayList<>();
        try (ServerSocket silent = new ServerSocket(0)) {
            Thread acceptor = new Thread(() -> {
                try {
                    accepted.add(silent.accept());
                } catch (IOException e) {
                    // closed at the end of the test
                }
            });
            acceptor.setDaemon(true);
            acceptor.start();
            HttpPeers peers = new HttpPeers(Duration.ofMillis(300), Optional.empty(), observer);
            long start = System.nanoTime();
            PeerException e = assertThrows(PeerException.class,
                    () -> peers.partyKnown(new Instance("127.0.0.1", silent.getLocalPort()), "stances", "RU", false));
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            assertTrue(took.compareTo(Duration.ofSeconds(5)) < 0, "took " + took);
            assertTrue(e.getMessage().contains("did not answer GET /internal/known/stances/RU within 300 ms"),
                    e.getMessage());
            assertEquals(List.of(true), forwarded);
        } finally {
            for (Socket socket : accepted) {
                socket.close();
            }
        }
    }
}
