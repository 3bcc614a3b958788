package io.dwprom.scrape;

import java.util.function.LongConsumer;

/** Open-addressing set of primitive longs: the compact per-family store of series and value hashes. */
public final class LongHashSet {
    private static final long EMPTY = 0L;
    private static final long ZERO_SUBSTITUTE = 0x9E3779B97F4A7C15L;
    private long[] table;
    private int size;

    public LongHashSet() {
        this(12);
    }

    /** A set that holds {@code expected} keys without growing. */
    public LongHashSet(int expected) {
        int capacity = 16;
        while (capacity * 3 < expected * 4) {
            capacity <<= 1;
        }
        table = new long[capacity];
    }

    /** Adds {@code key}; returns true if it was not present. */
    public boolean add(long key) {
        long k = stored(key);
        int slot = slotOf(k);
        if (table[slot] == k) {
            return false;
        }
        table[slot] = k;
        if (++size * 4 > table.length * 3) {
            grow();
        }
        return true;
    }

    public boolean contains(long key) {
        long k = stored(key);
        return table[slotOf(k)] == k;
    }

    /** 0 marks an empty slot, so a key of 0 is stored as a fixed substitute. */
    private static long stored(long key) {
        return key == EMPTY ? ZERO_SUBSTITUTE : key;
    }

    /** The slot holding {@code k}, or the empty slot where linear probing from its hash ends. */
    private int slotOf(long k) {
        long[] t = table;
        int mask = t.length - 1;
        int i = (int) (k ^ (k >>> 32)) & mask;
        while (t[i] != EMPTY && t[i] != k) {
            i = (i + 1) & mask;
        }
        return i;
    }

    public int size() {
        return size;
    }

    /** Visits every key (keys equal to 0 are reported as their internal substitute). */
    public void forEach(LongConsumer consumer) {
        for (long k : table) {
            if (k != EMPTY) {
                consumer.accept(k);
            }
        }
    }

    private void grow() {
        long[] old = table;
        table = new long[old.length * 2];
        size = 0;
        for (long k : old) {
            if (k != EMPTY) {
                add(k);
            }
        }
    }

    @Override
    public String toString() {
        return "LongHashSet[size=" + size + ", capacity=" + table.length + "]";
    }
}
