package org.partyline.processor.streams;

import java.util.HashMap;
import java.util.Map;
import org.rocksdb.Cache;
import org.rocksdb.LRUCache;
import org.rocksdb.WriteBufferManager;

/**
 * The RocksDB memory every store of this process shares: one LRU block cache of the whole budget (index and filter
 * blocks kept in its high-priority pool) and a write-buffer manager that charges the memtables to that cache, so
 * blocks, indexes, filters and memtables together stay within the budget however many stores and partitions there
 * are. Counted by user: the first store of a budget makes them, the last one to close frees them.
 */
final class RocksDbMemory {
    /** Share of the cache kept for index and filter blocks before data blocks may push them out. */
    static final double INDEX_AND_FILTER_SHARE = 0.1;
    /** Share of the budget the memtables may take (charged to the cache) before the largest one is flushed. */
    static final int MEMTABLE_DIVISOR = 4;

    private static final Map<Long, RocksDbMemory> SHARED = new HashMap<>();

    private final long bytes;
    private final Cache cache;
    private final WriteBufferManager writeBuffers;
    private int users;

    private RocksDbMemory(long bytes) {
        this.bytes = bytes;
        this.cache = new LRUCache(bytes, -1, false, INDEX_AND_FILTER_SHARE);
        this.writeBuffers = new WriteBufferManager(memtableBytes(bytes), cache);
    }

    /** The shared memory of {@code bytes}, made on first use; each call must be matched by one {@link #release}. */
    static RocksDbMemory acquire(long bytes) {
        if (bytes <= 0) {
            throw new IllegalArgumentException("a RocksDB memory budget must be positive, not " + bytes);
        }
        synchronized (SHARED) {
            RocksDbMemory memory = SHARED.computeIfAbsent(bytes, RocksDbMemory::new);
            memory.users++;
            return memory;
        }
    }

    /**
     * One user fewer; the last one closes the cache and the write-buffer manager. RocksDB holds its own reference to
     * both in every open database, so a store still closing keeps them until its database is closed.
     */
    void release() {
        synchronized (SHARED) {
            if (users == 0) {
                throw new IllegalStateException("RocksDB memory of " + bytes + " bytes released more often than acquired");
            }
            users--;
            if (users == 0) {
                SHARED.remove(bytes);
                writeBuffers.close();
                cache.close();
            }
        }
    }

    /** The memtable budget inside a total of {@code bytes}. */
    static long memtableBytes(long bytes) {
        return bytes / MEMTABLE_DIVISOR;
    }

    /** Stores of every budget now open in this process (for tests). */
    static int users(long bytes) {
        synchronized (SHARED) {
            RocksDbMemory memory = SHARED.get(bytes);
            return memory == null ? 0 : memory.users;
        }
    }

    long bytes() {
        return bytes;
    }

    Cache cache() {
        return cache;
    }

    WriteBufferManager writeBuffers() {
        return writeBuffers;
    }
}
