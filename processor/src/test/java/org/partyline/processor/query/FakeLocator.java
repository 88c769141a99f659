package org.partyline.processor.query;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.BiPredicate;
import org.partyline.processor.streams.StoreNames;

/** An {@link InstanceLocator} with a fixed rule for which (store, key) this instance holds; the rest is the peer's. */
public final class FakeLocator implements InstanceLocator {
    private final BiPredicate<String, String> holds;
    private volatile Instance self = new Instance("127.0.0.1", 0);
    private volatile Instance peer;

    public FakeLocator(BiPredicate<String, String> holds) {
        this.holds = holds;
    }

    /** A single instance holding everything. */
    public static FakeLocator alone() {
        return new FakeLocator((store, key) -> true);
    }

    /** This instance's address, known once its server is bound. */
    public void setSelf(Instance self) {
        this.self = self;
    }

    public void setPeer(Instance peer) {
        this.peer = peer;
    }

    @Override
    public Instance self() {
        return self;
    }

    @Override
    public KeyOwner ownerOf(String store, String key) {
        if (holds.test(store, key)) {
            return new KeyOwner.Local();
        }
        return peer == null ? new KeyOwner.Unavailable("no peer") : new KeyOwner.Remote(peer);
    }

    @Override
    public List<InstanceInfo> instances() {
        List<InstanceInfo> all = new ArrayList<>();
        all.add(new InstanceInfo(self.host(), self.port(), true, List.of(StoreNames.STANCES), List.of("statements-0"),
                List.of(), List.of()));
        if (peer != null) {
            all.add(new InstanceInfo(peer.host(), peer.port(), false, List.of(StoreNames.STANCES), List.of("statements-1"),
                    List.of(), List.of()));
        }
        all.sort(Comparator.comparingInt(InstanceInfo::port));
        return all;
    }
}
