package dev.vitrine.difftest;

/**
 * SplitMix64: a tiny generator whose output is fixed by this source file alone, so a seed
 * names the same test cases on every JDK forever (java.util.Random would too, but this is
 * faster and 64-bit).
 */
final class Rng {
    private long state;

    Rng(long seed) { state = seed; }

    /** A generator for case {@code index} of the program seeded {@code seed}: cases regenerate independently. */
    static Rng forCase(long seed, int index) {
        return new Rng(mix(mix(seed) ^ (index * 0xD1B54A32D192ED03L + 0x632BE59BD9B4E019L)));
    }

    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    long nextLong() { return mix(state += 0x9E3779B97F4A7C15L); }

    /** Uniform in [0, n). */
    int nextInt(int n) { return (int) Long.remainderUnsigned(nextLong(), n); }

    /** Uniform in [lo, hi], both inclusive. */
    int range(int lo, int hi) { return lo + nextInt(hi - lo + 1); }

    boolean chance(double p) { return (nextLong() >>> 11) * 0x1.0p-53 < p; }

    <T> T pick(T[] a) { return a[nextInt(a.length)]; }

    long pick(long[] a) { return a[nextInt(a.length)]; }

    int pick(int[] a) { return a[nextInt(a.length)]; }

    void nextBytes(byte[] b) {
        for (int i = 0; i < b.length; i += 8) {
            long v = nextLong();
            for (int j = 0; j < 8 && i + j < b.length; j++) b[i + j] = (byte) (v >>> (8 * j));
        }
    }
}
