package org.partyline.serde;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;

/**
 * A buffer and an Avro encoder and decoder per thread, reused by every serializer and deserializer of the thread:
 * a Kafka Streams thread encodes several values per event (stores, changelogs, repartitions), and a fresh 128-byte
 * stream grown by copies for each one, with a fresh encoder, was a tenth of the processor's time. Serializing does
 * not call another serializer, so one buffer per thread is never in use twice.
 */
final class EncodingBuffer extends ByteArrayOutputStream {
    private static final int INITIAL = 4096;
    /** A buffer that grew above this (one huge value) is not kept for the thread's next values. */
    private static final int KEPT = 1 << 20;
    private static final ThreadLocal<EncodingBuffer> BUFFERS = ThreadLocal.withInitial(EncodingBuffer::new);
    private static final ThreadLocal<BinaryDecoder> DECODERS = new ThreadLocal<>();

    private BinaryEncoder encoder;

    private EncodingBuffer() {
        super(INITIAL);
    }

    /** The thread's buffer, emptied. */
    static EncodingBuffer get() {
        EncodingBuffer buffer = BUFFERS.get();
        if (buffer.buf.length > KEPT) {
            buffer.buf = new byte[INITIAL];
        }
        buffer.reset();
        return buffer;
    }

    // Avro's direct encoder writes byte by byte: these skip the lock and the checks of ByteArrayOutputStream's own.
    @Override
    public void write(int b) {
        if (count == buf.length) {
            buf = Arrays.copyOf(buf, buf.length * 2);
        }
        buf[count++] = (byte) b;
    }

    @Override
    public void write(byte[] b, int off, int len) {
        if (count + len > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(buf.length * 2, count + len));
        }
        System.arraycopy(b, off, buf, count, len);
        count += len;
    }

    /** A direct (unbuffered) binary encoder writing into this buffer. */
    BinaryEncoder encoder() {
        encoder = EncoderFactory.get().directBinaryEncoder(this, encoder);
        return encoder;
    }

    /** The bytes written since {@link #get()}, as a new array of their exact size. */
    byte[] bytes() {
        return Arrays.copyOf(buf, count);
    }

    /** The thread's binary decoder, set to read {@code length} bytes of {@code data} from {@code offset}. */
    static BinaryDecoder decoder(byte[] data, int offset, int length) {
        BinaryDecoder decoder = DecoderFactory.get().binaryDecoder(data, offset, length, DECODERS.get());
        DECODERS.set(decoder);
        return decoder;
    }
}
