package org.partyline.producer.generate;

/**
 * The shape of a generated archive: how many events, over how many parties, topics and claims, and how skewed their
 * popularity is. {@code skew} is the exponent of a Zipf law (0: every party, topic and claim equally likely; 1: the
 * k-th most popular gets 1/k of the first's share, as in the news). {@code redeliveries} is the chance that an event
 * is followed by a second copy of an earlier one (same eventId, same content).
 */
public record ArchiveShape(long events, int parties, int topics, int claims, double claimShare, double skew,
                           int years, double redeliveries, long seed) {

    /** The archive of a newsroom: 300,000 events over 2,000 parties, 500 topics and 50,000 claims, skewed. */
    public static final ArchiveShape ARCHIVE = new ArchiveShape(300_000, 2_000, 500, 50_000, 0.4, 1.0, 5, 0.0, 1);

    public ArchiveShape {
        check(events >= 0, "events", events, "0 or more");
        check(parties >= 1 && parties <= 1_000_000, "parties", parties, "1 to 1,000,000");
        check(topics >= 1 && topics <= 1_000_000, "topics", topics, "1 to 1,000,000");
        check(claims >= 1 && claims <= 10_000_000, "claims", claims, "1 to 10,000,000");
        check(claimShare >= 0 && claimShare <= 1, "claim share", claimShare, "0 to 1");
        check(skew >= 0 && skew <= 4, "skew", skew, "0 to 4");
        check(years >= 1 && years <= 100, "years", years, "1 to 100");
        check(redeliveries >= 0 && redeliveries < 1, "redeliveries", redeliveries, "0 to below 1");
    }

    private static void check(boolean ok, String what, Object value, String range) {
        if (!ok) {
            throw new IllegalArgumentException(what + " " + value + " is out of range: " + range);
        }
    }
}
