package org.partyline.events.publish;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.StandardCharsets;

/**
 * Reads lines from a byte stream and decodes each one as strict UTF-8 on its own, so that one badly encoded line is
 * rejected alone instead of failing the whole file. Lines end at {@code \n} (a preceding {@code \r} is dropped);
 * a UTF-8 byte order mark at the start is skipped. Not thread-safe.
 */
public final class Utf8LineReader {

    /** One line: its 1-based number and its text, or null text when it is not valid UTF-8 or too long. */
    public record Line(long number, String text, String problem) {
    }

    static final int MAX_LINE_BYTES = 16 * 1024 * 1024;

    private final InputStream in;
    private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder();
    private final ByteArrayOutputStream buffer = new ByteArrayOutputStream(4096);
    private final byte[] chunk = new byte[64 * 1024];
    private int chunkPos;
    private int chunkLen;
    private long lineNumber;
    private boolean eof;

    public Utf8LineReader(InputStream in) {
        this.in = in;
    }

    /** The next line, or null at the end of the stream. */
    public Line next() throws IOException {
        if (eof) {
            return null;
        }
        buffer.reset();
        boolean tooLong = false;
        boolean sawNewline = false;
        while (!sawNewline) {
            if (chunkPos == chunkLen) {
                chunkLen = in.read(chunk);
                chunkPos = 0;
                if (chunkLen <= 0) {
                    chunkLen = 0;
                    eof = true;
                    break;
                }
            }
            int start = chunkPos;
            while (chunkPos < chunkLen && chunk[chunkPos] != '\n') {
                chunkPos++;
            }
            int count = chunkPos - start;
            if (chunkPos < chunkLen) {
                sawNewline = true;
                chunkPos++;
            }
            if (buffer.size() + count > MAX_LINE_BYTES) {
                tooLong = true;
            } else {
                buffer.write(chunk, start, count);
            }
        }
        if (eof && buffer.size() == 0 && !tooLong) {
            return null;
        }
        lineNumber++;
        if (tooLong) {
            return new Line(lineNumber, null, "line longer than " + MAX_LINE_BYTES / (1024 * 1024) + " MiB");
        }
        return decode(buffer.toByteArray());
    }

    private Line decode(byte[] bytes) {
        int from = 0;
        int to = bytes.length;
        if (to > 0 && bytes[to - 1] == '\r') {
            to--;
        }
        if (lineNumber == 1 && to >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB
                && (bytes[2] & 0xFF) == 0xBF) {
            from = 3;
        }
        try {
            String text = decoder.decode(ByteBuffer.wrap(bytes, from, to - from)).toString();
            return new Line(lineNumber, text, null);
        } catch (CharacterCodingException e) {
            return new Line(lineNumber, null, "not valid UTF-8");
        }
    }
}
