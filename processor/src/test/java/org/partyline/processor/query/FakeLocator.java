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
    private volatile List<String> selfStores = StoreNames.ALL;
    private volatile List<String> peerStores = StoreNames.ALL;

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

    /** A peer that has active tasks of these stores only (the instances list says so; keys still route to it). */
    public void setPeer(Instance peer, List<String> stores) {
        this.peer = peer;
        this.peerStores = stores;
    }

    /** The stores this instance has active tasks of, as the instances list says (all by default). */
    public void setSelfStores(List<String> stores) {
        this.selfStores = stores;
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
        all.add(new InstanceInfo(self.host(), self.port(), true, selfStores, List.of("statements-0"),
                List.of(), List.of()));
        if (peer != null) {
            all.add(new InstanceInfo(peer.host(), peer.port(), false, peerStores, List.of("statements-1"),
                    List.of(), List.of()));
        }
        all.sort(Comparator.comparingInt(InstanceInfo::port));
        return all;
    }
}
