package org.partyline.processor.streams;

import java.util.Map;
import java.util.Set;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.streams.state.RocksDBConfigSetter;
import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.BloomFilter;
import org.rocksdb.CompressionType;
import org.rocksdb.Options;

/**
 * Kafka Streams' {@code rocksdb.config.setter} that bounds the RocksDB memory of the whole process, as Kafka Streams'
 * memory-management guide describes: every store uses the one shared block cache and write-buffer manager of
 * {@link RocksDbMemory} (the budget, in bytes, comes from the Streams config {@value #MEMORY_BYTES}), with index and
 * filter blocks charged to the cache. Stores read by key get a whole-key bloom filter, so a key that is absent (a new
 * event id, a new claim) mostly costs no disk read; stores only ever scanned by range get none, since a filter would
 * only take cache space. Blocks are LZ4-compressed: less disk and page cache for a little CPU. Each store's MANIFEST
 * grows as it needs instead of taking 4 MiB of disk up front.
 *
 * <p>Kafka Streams makes one instance per store and calls {@link #close} when the store closes.
 */
public final class BoundedMemoryRocksDbConfig implements RocksDBConfigSetter {
    /** Streams config: the RocksDB memory budget of this process, in bytes. */
    public static final String MEMORY_BYTES = "partyline.rocksdb.memory.bytes";
    /** Bits per key of the bloom filters: about 1 % false positives. */
    static final double BLOOM_BITS_PER_KEY = 10;
    /** Data block size: 16 KiB blocks compress better and need a quarter of the index entries of the 4 KiB default. */
    static final long BLOCK_SIZE = 16 * 1024L;
    /** Memtables per store: one being written while one is flushed. */
    static final int MEMTABLES_PER_STORE = 2;
    /** At most this much per memtable, and the memtable budget over this many, whichever is less. */
    static final long MAX_MEMTABLE_BYTES = 16 * 1024 * 1024L;
    static final int MEMTABLES_IN_BUDGET = 8;
    /** Disk set aside for a store's MANIFEST at a time: RocksDB's 4 MiB default, times every store, is wasted. */
    static final long MANIFEST_PREALLOCATION_BYTES = 64 * 1024L;

    /** Stores read only by range or prefix scans, never by key: no bloom filter. */
    static final Set<String> SCANNED_ONLY = Set.of(StoreNames.STANCE_HISTORY, StoreNames.CLAIM_HISTORY,
            StoreNames.TOPIC_STANCES, StoreNames.PARTY_CLAIMS);

    private RocksDbMemory memory;
    private BloomFilter filter;

    @Override
    public void setConfig(String storeName, Options options, Map<String, Object> configs) {
        long bytes = memoryBytes(configs);
        memory = RocksDbMemory.acquire(bytes);
        BlockBasedTableConfig table = (BlockBasedTableConfig) options.tableFormatConfig();
        table.setBlockCache(memory.cache());
        table.setCacheIndexAndFilterBlocks(true);
        table.setCacheIndexAndFilterBlocksWithHighPriority(true);
        table.setPinTopLevelIndexAndFilter(true);
        table.setBlockSize(BLOCK_SIZE);
        if (SCANNED_ONLY.contains(storeName)) {
            table.setFilterPolicy(null);
        } else {
            filter = new BloomFilter(BLOOM_BITS_PER_KEY);
            table.setFilterPolicy(filter);
            table.setWholeKeyFiltering(true);
        }
        options.setTableFormatConfig(table);
        options.setWriteBufferManager(memory.writeBuffers());
        options.setWriteBufferSize(memtableBytes(bytes));
        options.setMaxWriteBufferNumber(MEMTABLES_PER_STORE);
        options.setCompressionType(CompressionType.LZ4_COMPRESSION);
        options.setManifestPreallocationSize(MANIFEST_PREALLOCATION_BYTES);
    }

    @Override
    public void close(String storeName, Options options) {
        if (filter != null) {
            filter.close();
            filter = null;
        }
        if (memory != null) {
            memory.release();
            memory = null;
        }
    }

    /** The size of one memtable for a total budget of {@code bytes}. */
    static long memtableBytes(long bytes) {
        return Math.min(MAX_MEMTABLE_BYTES, RocksDbMemory.memtableBytes(bytes) / MEMTABLES_IN_BUDGET);
    }

    private static long memoryBytes(Map<String, Object> configs) {
        Object value = configs.get(MEMORY_BYTES);
        if (value == null) {
            throw new ConfigException(MEMORY_BYTES, null, "the RocksDB memory budget must be set when "
                    + BoundedMemoryRocksDbConfig.class.getSimpleName() + " is the rocksdb.config.setter");
        }
        long bytes;
        try {
            bytes = value instanceof Number n ? n.longValue() : Long.parseLong(value.toString().trim());
        } catch (NumberFormatException e) {
            throw new ConfigException(MEMORY_BYTES, value, "must be a number of bytes");
        }
        if (bytes <= 0) {
            throw new ConfigException(MEMORY_BYTES, value, "must be positive");
        }
        return bytes;
    }
}
