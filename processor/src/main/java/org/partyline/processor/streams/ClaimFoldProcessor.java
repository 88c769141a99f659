package org.partyline.processor.streams;

import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.partyline.processor.domain.ClaimUpdate;
import org.partyline.schema.Claim;
import org.partyline.schema.view.ClaimView;

/**
 * Folds a claim event into the {@code claims} store; passes on the update when the view changed, and reports every
 * claim event folded to the {@link TopologyMeters}.
 */
final class ClaimFoldProcessor implements Processor<String, Claim, String, ClaimUpdate> {
    private final String topic;
    private final TopologyMeters meters;
    private ProcessorContext<String, ClaimUpdate> context;
    private KeyValueStore<String, ClaimView> claims;

    ClaimFoldProcessor(String topic, TopologyMeters meters) {
        this.topic = topic;
        this.meters = meters;
    }

    @Override
    public void init(ProcessorContext<String, ClaimUpdate> context) {
        this.context = context;
        this.claims = context.getStateStore(StoreNames.CLAIMS);
    }

    @Override
    public void process(Record<String, Claim> record) {
        Claim event = record.value();
        ClaimUpdate update = ClaimUpdate.of(claims.get(event.getClaimId()), event);
        if (update.changed()) {
            claims.put(event.getClaimId(), update.after());
            context.forward(record.withValue(update));
        }
        meters.folded(topic);
    }
}
