package org.partyline.processor.query;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/** A TreeMap-backed read-only key-value store ordered like RocksDB: by the UTF-8 bytes of the keys. */
public final class InMemoryStore<V> implements ReadOnlyKeyValueStore<String, V> {
    private final TreeMap<String, V> map = new TreeMap<>(
            (a, b) -> Arrays.compareUnsigned(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8)));

    public void put(String key, V value) {
        map.put(key, value);
    }

    @Override
    public V get(String key) {
        return map.get(key);
    }

    @Override
    public KeyValueIterator<String, V> range(String from, String to) {
        return iterator(slice(from, to).entrySet());
    }

    @Override
    public KeyValueIterator<String, V> reverseRange(String from, String to) {
        return iterator(slice(from, to).descendingMap().entrySet());
    }

    @Override
    public KeyValueIterator<String, V> all() {
        return iterator(map.entrySet());
    }

    @Override
    public KeyValueIterator<String, V> reverseAll() {
        return iterator(map.descendingMap().entrySet());
    }

    @Override
    public <PS extends Serializer<P>, P> KeyValueIterator<String, V> prefixScan(P prefix, PS prefixKeySerializer) {
        byte[] bytes = prefixKeySerializer.serialize(null, prefix);
        List<Map.Entry<String, V>> matches = new ArrayList<>();
        for (Map.Entry<String, V> e : map.tailMap(new String(bytes, StandardCharsets.UTF_8), true).entrySet()) {
            byte[] key = e.getKey().getBytes(StandardCharsets.UTF_8);
            if (key.length < bytes.length || !Arrays.equals(key, 0, bytes.length, bytes, 0, bytes.length)) {
                break;
            }
            matches.add(e);
        }
        return iterator(matches);
    }

    @Override
    public long approximateNumEntries() {
        return map.size();
    }

    private NavigableMap<String, V> slice(String from, String to) {
        NavigableMap<String, V> m = map;
        if (from != null) {
            m = m.tailMap(from, true);
        }
        if (to != null) {
            m = m.headMap(to, true);
        }
        return m;
    }

    private static <V> KeyValueIterator<String, V> iterator(Iterable<Map.Entry<String, V>> entries) {
        List<KeyValue<String, V>> copy = new ArrayList<>();
        entries.forEach(e -> copy.add(KeyValue.pair(e.getKey(), e.getValue())));
        Iterator<KeyValue<String, V>> it = copy.iterator();
        return new KeyValueIterator<>() {
            private int position;

            @Override
            public void close() {
            }

            @Override
            public String peekNextKey() {
                return copy.get(position).key;
            }

            @Override
            public boolean hasNext() {
                return it.hasNext();
            }

            @Override
            public KeyValue<String, V> next() {
                position++;
                return it.next();
            }
        };
    }
}
