package org.partyline.processor.query;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.partyline.processor.domain.EventPosition;
import org.partyline.processor.domain.StanceScale;
import org.partyline.schema.Source;
import org.partyline.schema.StanceChange;
import org.partyline.schema.view.ClaimChange;
import org.partyline.schema.view.ClaimOrigin;
import org.partyline.schema.view.ClaimSummary;
import org.partyline.schema.view.PartyPosition;
import org.partyline.schema.view.StanceSummary;
import org.partyline.schema.view.StatementEntry;
import org.partyline.schema.view.TopicStance;

/** Store values (Avro view records) to contract bodies. */
public final class ViewBodies {

    /** Code point order of strings, the order of UTF-8 bytes in the stores and of the contract's sorts. */
    public static final Comparator<String> CODE_POINT_ORDER = EventPosition::compareCodePoints;

    /**
     * (occurredAt, eventId): statement order, on the store values. Their instants compare as instants; the text of
     * the bodies would compare wrongly ("...00Z" after "...00.5Z") and parsing it in every comparison is slow.
     */
    public static final Comparator<StanceChange> CHANGE_ORDER = Comparator
            .comparing(StanceChange::getOccurredAt)
            .thenComparing(StanceChange::getEventId, CODE_POINT_ORDER);

    private ViewBodies() {
    }

    public static String time(Instant at) {
        return at == null ? null : at.toString();
    }

    public static Bodies.Stance stance(StanceSummary s) {
        return new Bodies.Stance(s.getTopic(), s.getStance().name(), time(s.getSince()), s.getStatements());
    }

    public static Bodies.Statement statement(StatementEntry e) {
        return new Bodies.Statement(e.getEventId(), e.getStance().name(), time(e.getOccurredAt()), e.getSpeaker(),
                e.getQuote(), source(e.getSource()));
    }

    public static Bodies.Source source(Source src) {
        return src == null ? null
                : new Bodies.Source(src.getUrl(), src.getOutlet(), src.getTitle(), time(src.getPublishedAt()));
    }

    /**
     * The change's shift and reversal come from its stances, not from the stored fields: a change stored before
     * version 2 of the record reads with their defaults (shift 0, reversal false), which would be wrong here.
     */
    public static Bodies.Change change(StanceChange c) {
        return new Bodies.Change(c.getTopic(), c.getFrom().name(), c.getTo().name(), time(c.getOccurredAt()),
                c.getEventId(), StanceScale.shift(c.getFrom(), c.getTo()), StanceScale.reversal(c.getFrom(), c.getTo()));
    }

    public static Bodies.TopicStance topicStance(TopicStance t) {
        return new Bodies.TopicStance(t.getParty(), t.getStance().name(), time(t.getSince()));
    }

    /** The claim as of now: its summary and every party's position, by party. */
    public static Bodies.Claim claim(ClaimSummary c, List<PartyPosition> positions) {
        List<Bodies.Position> bodies = new ArrayList<>(positions.size());
        positions.forEach(p -> bodies.add(position(p)));
        bodies.sort(Comparator.comparing(Bodies.Position::party, CODE_POINT_ORDER));
        return new Bodies.Claim(c.getClaimId(), c.getProposition(), c.getStatus().name(), bodies, c.getEvents(),
                origin(c.getOrigin()));
    }

    /** A party's current position on a claim and how many events it has on it. */
    public static Bodies.Position position(PartyPosition p) {
        return new Bodies.Position(p.getParty(), p.getPosition().name(), time(p.getOccurredAt()), p.getEventId(),
                p.getEvents());
    }

    public static Bodies.Origin origin(ClaimOrigin o) {
        return o == null ? null
                : new Bodies.Origin(o.getParty(), o.getEventId(), time(o.getOccurredAt()), source(o.getSource()));
    }

    public static Bodies.ClaimChange claimChange(ClaimChange c) {
        return new Bodies.ClaimChange(c.getClaimId(), c.getFrom().name(), c.getTo().name(), time(c.getOccurredAt()),
                c.getEventId(), c.getContradiction());
    }
}
