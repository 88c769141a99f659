package org.partyline.processor.docs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One example of the API in a Markdown page, marked so that a test can ask the real server the same request.
 *
 * <p>The marker is an HTML comment, invisible once rendered, right before a fenced block:
 * <ul>
 *   <li>{@code <!-- response of GET /path -->} or {@code <!-- response of GET /path: 404 -->}: the block is the
 *   body the demo's data answers (200 unless a status is given);</li>
 *   <li>{@code <!-- publish -->}: the block holds input events (JSON Lines) that a page publishes on top of the
 *   demo;</li>
 *   <li>{@code <!-- response after publishing of GET /path -->}: the body once those events are folded too;</li>
 *   <li>{@code <!-- stream after publishing of GET /api/events -->}: the server-sent events that publishing them
 *   sends to a client connected before.</li>
 * </ul>
 * In a documented body, {@code ...} stands for any text the page leaves out, and white space outside strings does
 * not count.
 */
record DocumentedExample(Kind kind, Path file, int line, String path, int status, String body) {

    enum Kind { RESPONSE, PUBLISH, RESPONSE_AFTER_PUBLISHING, STREAM_AFTER_PUBLISHING }

    private static final Pattern MARKER = Pattern.compile(
            "<!--\\s*(response of|response after publishing of|stream after publishing of|publish)"
                    + "(?:\\s+GET\\s+(\\S+?))?(?::\\s*(\\d{3}))?\\s*-->");
    private static final Pattern FENCE = Pattern.compile("^\\s*```.*$");

    /** Where the example is written, as {@code FILE:LINE}, for failure messages. */
    String where(Path root) {
        return root.relativize(file) + ":" + line;
    }

    /** Every marked example of the page, in page order; a marker without a fenced block right after it is an error. */
    static List<DocumentedExample> in(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        List<DocumentedExample> examples = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            Matcher m = MARKER.matcher(lines.get(i).trim());
            if (!m.matches()) {
                continue;
            }
            Kind kind = switch (m.group(1)) {
                case "response of" -> Kind.RESPONSE;
                case "response after publishing of" -> Kind.RESPONSE_AFTER_PUBLISHING;
                case "stream after publishing of" -> Kind.STREAM_AFTER_PUBLISHING;
                default -> Kind.PUBLISH;
            };
            if ((kind == Kind.PUBLISH) != (m.group(2) == null)) {
                throw new IllegalArgumentException(file + ":" + (i + 1) + ": a response marker names a GET path, "
                        + "a publish marker none: " + lines.get(i));
            }
            int open = i + 1;
            if (open >= lines.size() || !FENCE.matcher(lines.get(open)).matches()) {
                throw new IllegalArgumentException(file + ":" + (i + 1) + ": the marker is not followed by a fenced block");
            }
            int close = open + 1;
            while (close < lines.size() && !lines.get(close).trim().equals("```")) {
                close++;
            }
            if (close >= lines.size()) {
                throw new IllegalArgumentException(file + ":" + (open + 1) + ": the fenced block is never closed");
            }
            String body = String.join("\n", lines.subList(open + 1, close));
            int status = m.group(3) == null ? 200 : Integer.parseInt(m.group(3));
            examples.add(new DocumentedExample(kind, file, open + 2, m.group(2), status, body));
            i = close;
        }
        return examples;
    }
}
