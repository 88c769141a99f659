package org.partyline.processor.query;

import java.util.List;
import java.util.Map;

/**
 * The JSON bodies of CONTRACT section 4, field for field and in that order. Times are UTC instants as
 * {@code 2025-12-05T14:00:00Z}; absent optional values are {@code null}. A list body ends with {@code next}, the
 * cursor of the next page, null on the last one (CONTRACT section 8).
 */
public final class Bodies {

    private Bodies() {
    }

    public record Parties(List<String> parties, String next) {
    }

    public record PartyStances(String party, List<Stance> stances, String next) {
    }

    public record Stance(String topic, String stance, String since, long statements) {
    }

    /** One page of the history, with the changes its statements made ({@code next}: CONTRACT section 8). */
    public record PartyTopic(String party, String topic, String stance, String since, List<Statement> history,
                             List<Change> changes, String next) {
    }

    public record Statement(String eventId, String stance, String occurredAt, String speaker, String quote,
                            Source source) {
    }

    public record Source(String url, String outlet, String title, String publishedAt) {
    }

    /** A stance change with its size (CONTRACT 6.1): {@code shift} score(to) - score(from), {@code reversal}. */
    public record Change(String topic, String from, String to, String occurredAt, String eventId, int shift,
                         boolean reversal) {
    }

    public record PartyChanges(String party, List<Change> changes, String next) {
    }

    public record TopicStances(String topic, List<TopicStance> stances, String next) {
    }

    public record TopicStance(String party, String stance, String since) {
    }

    /** A claim of section 4, with its {@code events} and {@code origin} (section 6.3). */
    public record Claim(String claimId, String proposition, String status, List<Position> positions, long events,
                        Origin origin) {
    }

    /** A party's current position on a claim, with how many events it has on the claim (section 6.3). */
    public record Position(String party, String position, String occurredAt, String eventId, long events) {
    }

    /** Where a claim was first asserted (section 6.3). */
    public record Origin(String party, String eventId, String occurredAt, Source source) {
    }

    /** A party's change of position on a claim (section 6.4). */
    public record ClaimChange(String claimId, String from, String to, String occurredAt, String eventId,
                              boolean contradiction) {
    }

    public record PartyClaimChanges(String party, List<ClaimChange> changes, String next) {
    }

    public record Claims(List<Claim> claims, String next) {
    }

    public record PartyClaims(String party, List<Claim> claims, String next) {
    }

    /** {@code /api/parties/{party}/agreement} (CONTRACT section 6.5), by party. */
    public record PartyAgreement(String party, List<Agreement> agreement, String next) {
    }

    public record Agreement(String party, int topics, int agree, double distance) {
    }

    /**
     * Internal: a party's stance on a topic (now, or as of an instant), with how many statements it rests on
     * ({@link #NOT_COUNTED} where the view that asks shows no count).
     */
    public record StanceAt(String party, String topic, String stance, String since, long statements) {
        public static final long NOT_COUNTED = -1;
    }

    /** Internal: the stances one instance's up-to-date active partitions of {@code stances} hold as of an instant. */
    public record StancesAt(List<StanceAt> stances) {
    }

    /** Internal: a party's current stance as its topic's partition of {@code topic-stances} holds it. */
    public record HeldTopicStance(String topic, String party, String stance, String since) {
    }

    /** Internal: the current stances on topics whose {@code topic-stances} partition one instance holds. */
    public record TopicStancesPart(List<HeldTopicStance> stances) {
    }

    /** Internal: whether an instance's store knows a party. */
    public record Known(boolean known) {
    }

    /**
     * Internal: the parties of one instance's up-to-date active partitions, and which partitions of {@code stances}
     * and {@code party-claims} they were read from.
     */
    public record PartiesPart(List<String> parties, Map<String, List<Integer>> partitions) {
    }

    /**
     * Internal: one instance's part of a page of claims (the first after the cursor in its up-to-date active
     * partitions of {@code claims}, and whether they go on), and which partitions it read.
     */
    public record ClaimsPart(List<Claim> claims, boolean more, Map<String, List<Integer>> partitions) {
    }

    /** Internal: the claims of a list of claimIds that one instance holds, by claimId; {@code more}: cut short. */
    public record ClaimsById(List<Claim> claims, boolean more) {
    }

    /** {@code /instances}. */
    public record Instances(List<InstanceInfo> instances) {
    }
}
