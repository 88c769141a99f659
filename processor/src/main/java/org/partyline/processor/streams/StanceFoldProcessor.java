package org.partyline.processor.streams;

import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.partyline.processor.domain.StanceFold;
import org.partyline.processor.domain.StanceUpdate;
import org.partyline.schema.StanceChange;
import org.partyline.schema.Statement;
import org.partyline.schema.view.StanceSummary;
import org.partyline.schema.view.StatementEntry;

/**
 * Runs {@link StanceFold} over the stores of the statement's (party, topic); passes on updates that show, and
 * reports every statement folded to the {@link TopologyMeters}. Redeliveries come here too (see
 * {@link DeduplicateProcessor}): one already folded emits no change and is not counted again, but its current topic
 * stance is passed on again, so that {@code topic-stances} catches up if a crash lost the re-keyed record.
 */
final class StanceFoldProcessor implements Processor<String, Statement, String, StanceUpdate> {
    private final String topic;
    private final TopologyMeters meters;
    private ProcessorContext<String, StanceUpdate> context;
    private KeyValueStore<String, StatementEntry> statements;
    private KeyValueStore<String, StanceChange> changes;
    private KeyValueStore<String, StanceSummary> summaries;
    private KeyValueStore<String, byte[]> eventIds;
    private PartyStanceChanges byParty;

    StanceFoldProcessor(String topic, TopologyMeters meters) {
        this.topic = topic;
        this.meters = meters;
    }

    @Override
    public void init(ProcessorContext<String, StanceUpdate> context) {
        this.context = context;
        this.statements = context.getStateStore(StoreNames.STANCE_HISTORY);
        this.changes = context.getStateStore(StoreNames.STANCE_CHANGE_HISTORY);
        this.summaries = context.getStateStore(StoreNames.STANCES);
        this.eventIds = context.getStateStore(StoreNames.STATEMENT_EVENT_IDS);
        this.byParty = new PartyStanceChanges(context.getStateStore(StoreNames.PARTY_STANCE_CHANGES));
    }

    @Override
    public void process(Record<String, Statement> record) {
        Statement statement = record.value();
        long offset = context.recordMetadata().orElseThrow(() -> new IllegalStateException("no input record"))
                .offset();
        StoreStanceHistory history = new StoreStanceHistory(statements, changes, summaries, eventIds, byParty,
                record.key(), offset, statement.getParty(), statement.getTopic());
        StanceUpdate update = StanceFold.apply(history, statement);
        if (update.currentChange().isPresent() || update.topicStance().isPresent()) {
            context.forward(record.withValue(update));
        }
        history.writeSummary();
        if (update.folded()) {
            meters.folded(topic);
        }
    }
}
