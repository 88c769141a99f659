package org.partyline.processor.query;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.BiPredicate;
import org.partyline.processor.streams.StoreNames;

/**
 * An {@link InstanceLocator} with a fixed rule for which (store, key) this instance holds; the rest is the peer's.
 * Each store has one partition per instance: this instance's keys are in partition {@link #setSelfPartition} (0 by
 * default), the peer's in the other one.
 */
public final class FakeLocator implements InstanceLocator {
    private final BiPredicate<String, String> holds;
    private volatile Instance self = new Instance("127.0.0.1", 0);
    private volatile Instance peer;
    private volatile List<String> selfStores = StoreNames.ALL;
    private volatile List<String> peerStores = StoreNames.ALL;
    private volatile int selfPartition;
    private volatile int partitions = -1;
    private volatile List<Instance> standbys = List.of();
    private volatile String rebalancing;

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

    /** The partition of this instance's keys (the peer's keys are in the other one). */
    public void setSelfPartition(int partition) {
        this.selfPartition = partition;
    }

    /** How many partitions every store has: by default 1 alone, 2 with a peer. */
    public void setPartitions(int partitions) {
        this.partitions = partitions;
    }

    /** The instances with a standby copy of every partition, as the metadata names them. */
    public void setStandbys(List<Instance> standbys) {
        this.standbys = List.copyOf(standbys);
    }

    /** While set, no instance is known to hold any active copy (a rebalance): keys still have their partition. */
    public void setRebalancing(String reason) {
        this.rebalancing = reason;
    }

    @Override
    public Instance self() {
        return self;
    }

    @Override
    public KeyOwner ownerOf(String store, String key) {
        boolean here = holds.test(store, key);
        int partition = here ? selfPartition : 1 - selfPartition;
        if (rebalancing != null) {
            return new KeyOwner.Unavailable(rebalancing, partition, standbys);
        }
        if (here) {
            return new KeyOwner.Local(partition, standbys);
        }
        return peer == null ? new KeyOwner.Unavailable("no peer", partition, standbys)
                : new KeyOwner.Remote(peer, partition, standbys);
    }

    @Override
    public int partitionCount(String store) {
        return partitions > 0 ? partitions : peer == null ? 1 : 2;
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
