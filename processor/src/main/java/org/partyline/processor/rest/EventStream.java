package org.partyline.processor.rest;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import jakarta.servlet.http.HttpServletResponse;
import org.partyline.processor.live.ChangeEvent;
import org.partyline.processor.live.ChangeSubscriptions;
import org.partyline.processor.live.Subscriber;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code GET /api/events} (CONTRACT section 6.6): the change feed as server-sent events. Each event is
 * {@code id: topic:partition:offset}, {@code event: stance-change} or {@code claim-status}, and one {@code data:} line
 * of JSON. An idle stream gets a {@code : keep-alive} comment every so often (which also finds clients that went
 * away). A client that leaves its buffer full is cut off by the feed: it gets {@code event: overflow} with
 * {@code {"error"}} and the stream ends, so it knows events after its last {@code id} were not sent.
 *
 * <p>Javalin's own {@code SseHandler} streams only to requests whose {@code Accept} names {@code text/event-stream}
 * (a plain {@code curl -N} would get an empty 200), so this handler writes the frames itself on Javalin's async
 * support, as {@code SseHandler} does: the request thread subscribes and sends the headers, then one thread of
 * Javalin's async pool writes that client's events until it goes, is cut off, or the feed closes.
 */
final class EventStream {
    static final String CONTENT_TYPE = "text/event-stream";
    static final String OVERFLOW = "overflow";
    private static final Logger LOG = LoggerFactory.getLogger(EventStream.class);
    private static final byte[] KEEP_ALIVE = ": keep-alive\n\n".getBytes(StandardCharsets.UTF_8);

    private final ChangeSubscriptions feed;
    private final Duration keepAlive;

    EventStream(ChangeSubscriptions feed, Duration keepAlive) {
        this.feed = feed;
        this.keepAlive = keepAlive;
    }

    void handle(Context ctx) {
        if (ctx.method() == HandlerType.HEAD) {
            headers(ctx.res());
            return;
        }
        Subscriber subscriber;
        try {
            subscriber = feed.subscribe();
        } catch (IllegalStateException e) {
            Exchanges.send(ctx, Reply.error(503, Exchanges.describe(ctx), e.getMessage()));
            return;
        }
        String request = Exchanges.describe(ctx);
        try {
            headers(ctx.res());
            ctx.res().flushBuffer();
        } catch (IOException e) {
            subscriber.close();
            LOG.debug("{}: client went away before the stream began: {}", request, e.toString());
            return;
        }
        ctx.async(config -> config.timeout = 0, () -> stream(ctx.res().getOutputStream(), subscriber, request));
    }

    private static void headers(HttpServletResponse res) {
        res.setStatus(200);
        res.setCharacterEncoding("UTF-8");
        res.setContentType(CONTENT_TYPE);
        res.setHeader("Cache-Control", "no-cache");
        res.setHeader("X-Accel-Buffering", "no");
    }

    /** Writes the subscriber's events until it ends or the client goes; events that came together, one flush. */
    private void stream(OutputStream out, Subscriber subscriber, String request) {
        try (subscriber) {
            while (true) {
                ChangeEvent event = subscriber.poll(keepAlive);
                if (event != null) {
                    for (; event != null; event = subscriber.poll(Duration.ZERO)) {
                        out.write(frame(event));
                    }
                    out.flush();
                    continue;
                }
                Optional<Subscriber.Ending> ending = subscriber.ending();
                if (ending.isEmpty()) {
                    out.write(KEEP_ALIVE);
                    out.flush();
                    continue;
                }
                if (ending.get() == Subscriber.Ending.SLOW) {
                    out.write(overflow(request, subscriber.capacity()));
                    out.flush();
                    LOG.info("{}: client cut off, it left {} events unread", request, subscriber.capacity());
                }
                return;
            }
        } catch (IOException e) {
            LOG.debug("{}: client went away: {}", request, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static byte[] frame(ChangeEvent event) {
        return ("id: " + event.id() + "\nevent: " + event.name() + "\ndata: " + event.data() + "\n\n")
                .getBytes(StandardCharsets.UTF_8);
    }

    static byte[] overflow(String request, int capacity) {
        String error = request + ": this client left " + capacity + " events unread and was cut off; events after"
                + " the last id it received were not sent";
        return ("event: " + OVERFLOW + "\ndata: " + new String(Json.write(Map.of("error", error)),
                StandardCharsets.UTF_8) + "\n\n").getBytes(StandardCharsets.UTF_8);
    }
}
