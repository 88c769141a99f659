package org.partyline.processor.streams;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.BloomFilter;
import org.rocksdb.CompressionType;
import org.rocksdb.Options;
import org.rocksdb.RocksDB;

/**
 * The config setter gives every store the one shared cache and write-buffer manager of its budget, charges index
 * and filter blocks to that cache, puts a bloom filter on the stores read by key, and frees the shared memory when the
 * last store closes. RocksDB's own Java classes, as Kafka Streams hands them over.
 */
class BoundedMemoryRocksDbConfigTest {
    private static final long BUDGET = 64L * 1024 * 1024;
    private static final Map<String, Object> CONFIGS = Map.of(BoundedMemoryRocksDbConfig.MEMORY_BYTES, BUDGET);

    private final Options first = options();
    private final Options second = options();

    private static Options options() {
        RocksDB.loadLibrary();
        Options options = new Options();
        BlockBasedTableConfig table = new BlockBasedTableConfig();
        table.setFilterPolicy(new BloomFilter());
        options.setTableFormatConfig(table);
        return options;
    }

    @AfterEach
    void closeOptions() {
        first.close();
        second.close();
    }

    private static BlockBasedTableConfig table(Options options) {
        return (BlockBasedTableConfig) options.tableFormatConfig();
    }

    @Test
    void shouldGiveEveryStoreTheSameCacheAndWriteBufferManager() {
        BoundedMemoryRocksDbConfig events = new BoundedMemoryRocksDbConfig();
        BoundedMemoryRocksDbConfig claims = new BoundedMemoryRocksDbConfig();
        events.setConfig(StoreNames.STATEMENT_EVENT_IDS, first, CONFIGS);
        claims.setConfig(StoreNames.CLAIMS, second, CONFIGS);
        try {
            assertEquals(2, RocksDbMemory.users(BUDGET));
            RocksDbMemory memory = RocksDbMemory.acquire(BUDGET);
            try {
                assertEquals(BUDGET, memory.bytes());
                assertSame(memory.writeBuffers(), first.writeBufferManager());
                assertSame(memory.writeBuffers(), second.writeBufferManager());
            } finally {
                memory.release();
            }
        } finally {
            events.close(StoreNames.STATEMENT_EVENT_IDS, first);
            claims.close(StoreNames.CLAIMS, second);
        }
    }

    @Test
    void shouldChargeIndexAndFilterBlocksToTheCacheWithHighPriority() {
        BoundedMemoryRocksDbConfig setter = new BoundedMemoryRocksDbConfig();
        setter.setConfig(StoreNames.STANCES, first, CONFIGS);
        try {
            BlockBasedTableConfig table = table(first);
            assertTrue(table.cacheIndexAndFilterBlocks());
            assertTrue(table.cacheIndexAndFilterBlocksWithHighPriority());
            assertTrue(table.pinTopLevelIndexAndFilter());
            assertEquals(16 * 1024L, table.blockSize());
            assertEquals(CompressionType.LZ4_COMPRESSION, first.compressionType());
            assertEquals(2, first.maxWriteBufferNumber());
            assertEquals(BUDGET / 4 / 8, first.writeBufferSize());
            assertEquals(64 * 1024L, first.manifestPreallocationSize());
        } finally {
            setter.close(StoreNames.STANCES, first);
        }
    }

    @Test
    void shouldPutABloomFilterOnStoresReadByKeyAndNoneOnStoresOnlyScanned() {
        BoundedMemoryRocksDbConfig eventIds = new BoundedMemoryRocksDbConfig();
        BoundedMemoryRocksDbConfig history = new BoundedMemoryRocksDbConfig();
        eventIds.setConfig(StoreNames.CLAIM_EVENT_IDS, first, CONFIGS);
        history.setConfig(StoreNames.STANCE_HISTORY, second, CONFIGS);
        try {
            assertNotNull(table(first).filterPolicy());
            assertTrue(table(first).wholeKeyFiltering());
            assertNull(table(second).filterPolicy());
        } finally {
            eventIds.close(StoreNames.CLAIM_EVENT_IDS, first);
            history.close(StoreNames.STANCE_HISTORY, second);
        }
    }

    @Test
    void shouldFreeTheSharedMemoryWhenTheLastStoreCloses() {
        BoundedMemoryRocksDbConfig one = new BoundedMemoryRocksDbConfig();
        BoundedMemoryRocksDbConfig two = new BoundedMemoryRocksDbConfig();
        one.setConfig(StoreNames.STANCES, first, CONFIGS);
        two.setConfig(StoreNames.CLAIMS, second, CONFIGS);
        one.close(StoreNames.STANCES, first);
        assertEquals(1, RocksDbMemory.users(BUDGET));
        two.close(StoreNames.CLAIMS, second);
        assertEquals(0, RocksDbMemory.users(BUDGET));
    }

    @Test
    void shouldOpenWriteAndReadAStoreWithTheSharedMemoryAfterTheSetterClosed(@TempDir Path dir) throws Exception {
        BoundedMemoryRocksDbConfig setter = new BoundedMemoryRocksDbConfig();
        first.setCreateIfMissing(true);
        setter.setConfig(StoreNames.CLAIMS, first, CONFIGS);
        try (RocksDB db = RocksDB.open(first, dir.toString())) {
            // Kafka Streams closes the setter before the database: RocksDB keeps its own references.
            setter.close(StoreNames.CLAIMS, first);
            db.put("claim-1".getBytes(), "view".getBytes());
            db.flush(new org.rocksdb.FlushOptions().setWaitForFlush(true));
            assertEquals("view", new String(db.get("claim-1".getBytes())));
            assertNull(db.get("claim-2".getBytes()));
        }
        assertEquals(0, RocksDbMemory.users(BUDGET));
    }

    @Test
    void shouldRefuseAMissingOrBadBudgetNamingTheSetting() {
        BoundedMemoryRocksDbConfig setter = new BoundedMemoryRocksDbConfig();
        ConfigException missing = assertThrows(ConfigException.class,
                () -> setter.setConfig(StoreNames.CLAIMS, first, Map.of()));
        assertTrue(missing.getMessage().contains(BoundedMemoryRocksDbConfig.MEMORY_BYTES), missing.getMessage());
        ConfigException bad = assertThrows(ConfigException.class, () -> setter.setConfig(StoreNames.CLAIMS, first,
                Map.of(BoundedMemoryRocksDbConfig.MEMORY_BYTES, "lots")));
        assertTrue(bad.getMessage().contains("lots"), bad.getMessage());
        assertFalse(RocksDbMemory.users(BUDGET) > 0);
    }
}
