package org.partyline.processor.rest;

import org.eclipse.jetty.http.HttpVersion;
import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.internal.HttpConnection;

/**
 * Jetty's HTTP/1.1 connections, remembering each request line's method and target as received. Jetty rejects a
 * target it cannot decode (a malformed percent-encoding such as {@code %ZZ}) before any handler sees it, and hands
 * its error page a stand-in request for {@code /badMessage}; with the target remembered here,
 * {@link JsonErrorHandler} can still name the request that was refused.
 */
final class RequestTargets extends HttpConnectionFactory {

    RequestTargets(HttpConfiguration config) {
        super(config);
    }

    /** {@code GET /api/parties/%ZZ/stances}, or null when the connection has not read a request line (yet). */
    static String lastRequestLine(Connection connection) {
        return connection instanceof Remembering remembering ? remembering.requestLine : null;
    }

    @Override
    public Connection newConnection(Connector connector, EndPoint endPoint) {
        Remembering connection = new Remembering(getHttpConfiguration(), connector, endPoint);
        connection.setUseInputDirectByteBuffers(isUseInputDirectByteBuffers());
        connection.setUseOutputDirectByteBuffers(isUseOutputDirectByteBuffers());
        connection.setTransferEncodingChunkMaxLength(getTransferEncodingChunkMaxLength());
        return configure(connection, connector, endPoint);
    }

    private static final class Remembering extends HttpConnection {
        private volatile String requestLine;

        Remembering(HttpConfiguration config, Connector connector, EndPoint endPoint) {
            super(config, connector, endPoint);
        }

        @Override
        protected RequestHandler newRequestHandler() {
            return new RequestHandler() {
                @Override
                public void messageBegin() {
                    requestLine = null;
                    super.messageBegin();
                }

                @Override
                public void startRequest(String method, String target, HttpVersion version) {
                    requestLine = method + " " + target;
                    super.startRequest(method, target, version);
                }
            };
        }
    }
}
