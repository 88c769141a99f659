package org.partyline.processor.streams;

/**
 * An input record on its way from the source to the fold: either an accepted event, kept next to its original
 * bytes until deduplication so that it can still be dead-lettered as it arrived, or a record refused with why.
 */
sealed interface Inbound<T> {

    record Accepted<T>(T event, byte[] rawKey, byte[] rawValue) implements Inbound<T> {
    }

    record Rejected<T>(DeadLetter deadLetter) implements Inbound<T> {
    }
}
