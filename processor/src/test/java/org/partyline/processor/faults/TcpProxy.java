package org.partyline.processor.faults;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A TCP forwarder on a loopback port of its own, in front of a service (the schema registry) that a test takes away
 * and gives back: {@link #close()} stops listening and cuts every connection, so clients get "connection refused"
 * as from a service that is down; {@link #open()} listens again on the same port. Plain sockets, one thread per
 * direction of each connection: enough for a registry's few requests.
 */
public final class TcpProxy implements AutoCloseable {
    private final InetSocketAddress target;
    private final int port;
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    private ServerSocket server;

    private TcpProxy(InetSocketAddress target, int port) {
        this.target = target;
        this.port = port;
    }

    /** A proxy in front of {@code url}'s host and port, listening from the start. */
    public static TcpProxy forUrl(String url) throws IOException {
        URI uri = URI.create(url);
        InetSocketAddress target = new InetSocketAddress(uri.getHost(), uri.getPort());
        ServerSocket first = listen(0);
        TcpProxy proxy = new TcpProxy(target, first.getLocalPort());
        proxy.serve(first);
        return proxy;
    }

    /** {@code http://127.0.0.1:PORT}: the proxied service as its clients should be told of it. */
    public String url() {
        return "http://127.0.0.1:" + port;
    }

    /** Listens again on the same port (no-op when it listens). */
    public synchronized void open() throws IOException {
        if (server == null) {
            serve(listen(port));
        }
    }

    /** Stops listening and cuts every open connection: the service looks down. */
    @Override
    public synchronized void close() {
        if (server != null) {
            quietly(server);
            server = null;
        }
        sockets.forEach(TcpProxy::quietly);
        sockets.clear();
    }

    public synchronized boolean isOpen() {
        return server != null;
    }

    private static ServerSocket listen(int port) throws IOException {
        ServerSocket socket = new ServerSocket();
        socket.setReuseAddress(true);
        socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        return socket;
    }

    private synchronized void serve(ServerSocket listening) {
        server = listening;
        Thread acceptor = new Thread(() -> accept(listening), "proxy-accept-" + port);
        acceptor.setDaemon(true);
        acceptor.start();
    }

    private void accept(ServerSocket listening) {
        while (!listening.isClosed()) {
            Socket client;
            try {
                client = listening.accept();
            } catch (IOException e) {
                return; // closed
            }
            try {
                Socket upstream = new Socket(target.getAddress(), target.getPort());
                sockets.add(client);
                sockets.add(upstream);
                pump(client, upstream);
                pump(upstream, client);
            } catch (IOException e) {
                quietly(client);
            }
        }
    }

    private void pump(Socket from, Socket to) {
        Thread thread = new Thread(() -> {
            byte[] buffer = new byte[16 * 1024];
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                int n;
                while ((n = in.read(buffer)) >= 0) {
                    out.write(buffer, 0, n);
                    out.flush();
                }
            } catch (IOException e) {
                // a side closed: the other goes too
            } finally {
                quietly(from);
                quietly(to);
                sockets.remove(from);
                sockets.remove(to);
            }
        }, "proxy-pump-" + port);
        thread.setDaemon(true);
        thread.start();
    }

    private static void quietly(java.io.Closeable socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // closing a socket that is going away anyway: nothing to do
        }
    }
}
