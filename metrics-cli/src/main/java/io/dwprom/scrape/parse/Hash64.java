package io.dwprom.scrape.parse;

/** Small 64-bit hashing helpers (FNV-1a with a murmur3 finaliser) used for compact series keys. */
public final class Hash64 {
    static final long FNV_OFFSET = 0xcbf29ce484222325L;
    static final long FNV_PRIME = 0x100000001b3L;

    private Hash64() {
    }

    /** FNV-1a over {@code bytes[from, to)}, finalised. */
    public static long bytes(byte[] bytes, int from, int to) {
        long h = FNV_OFFSET;
        for (int i = from; i < to; i++) {
            h = (h ^ (bytes[i] & 0xff)) * FNV_PRIME;
        }
        return mix(h);
    }

    /** Hash of a string's UTF-16 code units (stable, for names). */
    public static long string(String s) {
        long h = FNV_OFFSET;
        for (int i = 0; i < s.length(); i++) {
            h = (h ^ s.charAt(i)) * FNV_PRIME;
        }
        return mix(h);
    }

    /** Hash of a (name, value) pair from their individual hashes. */
    public static long pair(long nameHash, long valueHash) {
        return mix(nameHash * 31 + valueHash);
    }

    /**
     * Hash of a series from its name's hash and the sum of its label pairs' hashes ({@link #pair}): a sum, so the
     * labels' order does not matter, as a series is the same whatever order its labels come in.
     */
    public static long series(long nameHash, long labelPairsSum) {
        return mix(nameHash * 0x9E3779B97F4A7C15L + labelPairsSum);
    }

    /** murmur3 fmix64. */
    public static long mix(long h) {
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        h ^= h >>> 33;
        return h;
    }
}
