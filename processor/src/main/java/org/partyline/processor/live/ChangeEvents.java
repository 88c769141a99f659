package org.partyline.processor.live;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import org.partyline.processor.domain.StanceScale;
import org.partyline.schema.ClaimStatusChange;
import org.partyline.schema.StanceChange;

/**
 * Change records to server-sent events (CONTRACT section 6.6): a stance change is the event {@code stance-change}
 * whose data is the change object of {@code /api/parties/{party}/changes} with its party, {@code shift} and
 * {@code reversal}; a claim status change is {@code claim-status} with {@code claimId}, {@code proposition},
 * {@code status}, {@code previousStatus} and {@code occurredAt}. {@code shift} and {@code reversal} are computed from
 * {@code from} and {@code to} ({@link StanceScale}), so that records of the first schema version, which lack them, are
 * right too. Times are UTC instants as in the REST bodies.
 */
public final class ChangeEvents {
    public static final String STANCE_CHANGE = "stance-change";
    public static final String CLAIM_STATUS = "claim-status";

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private ChangeEvents() {
    }

    /** The data of {@code stance-change}, field for field and in this order. */
    record StanceChangeData(String party, String topic, String from, String to, String occurredAt, String eventId,
                            int shift, boolean reversal) {
    }

    /** The data of {@code claim-status}, field for field and in this order. */
    record ClaimStatusData(String claimId, String proposition, String status, String previousStatus,
                           String occurredAt) {
    }

    public static ChangeEvent stanceChange(String topic, int partition, long offset, StanceChange change) {
        StanceChangeData data = new StanceChangeData(change.getParty(), change.getTopic(), change.getFrom().name(),
                change.getTo().name(), time(change.getOccurredAt()), change.getEventId(),
                StanceScale.shift(change.getFrom(), change.getTo()),
                StanceScale.reversal(change.getFrom(), change.getTo()));
        return new ChangeEvent(topic, partition, offset, STANCE_CHANGE, json(data));
    }

    public static ChangeEvent claimStatus(String topic, int partition, long offset, ClaimStatusChange change) {
        ClaimStatusData data = new ClaimStatusData(change.getClaimId(), change.getProposition(),
                change.getStatus().name(), change.getPreviousStatus() == null ? null : change.getPreviousStatus().name(),
                time(change.getOccurredAt()));
        return new ChangeEvent(topic, partition, offset, CLAIM_STATUS, json(data));
    }

    /** As the REST bodies write instants ({@code 2025-12-05T14:00:00Z}). */
    private static String time(Instant at) {
        return at == null ? null : at.toString();
    }

    private static String json(Object data) {
        try {
            return MAPPER.writeValueAsString(data);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + data.getClass().getSimpleName() + " as JSON", e);
        }
    }
}
