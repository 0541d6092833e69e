package nngrade.variant;

/**
 * The SplitMix64 generator (Steele, Lea and Flood, 2014), written out here so a student's
 * numbers never depend on a JDK's java.util.Random or on the nngrade version:
 * <pre>
 *   state += 0x9E3779B97F4A7C15
 *   z = state
 *   z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9
 *   z = (z ^ (z >>> 27)) * 0x94D049BB133111EB
 *   return z ^ (z >>> 31)
 * </pre>
 */
public final class SplitMix64 {
    private long state;

    public SplitMix64(long seed) {
        this.state = seed;
    }

    public long nextLong() {
        state += 0x9E3779B97F4A7C15L;
        long z = state;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /**
     * A uniform integer in [0, n), without modulo bias: the top 63 bits are drawn again while
     * they fall in the incomplete last block of n values.
     */
    public long nextInt(long n) {
        if (n <= 0) {
            throw new IllegalArgumentException("n must be positive");
        }
        long limit = Long.MAX_VALUE - (Long.MAX_VALUE % n + 1) % n; // largest multiple of n, minus 1
        while (true) {
            long r = nextLong() >>> 1;
            if (r <= limit) {
                return r % n;
            }
        }
    }

    /** A uniform double in [0, 1): the top 53 bits over 2^53. */
    public double nextDouble() {
        return (nextLong() >>> 11) * 0x1.0p-53;
    }
}
