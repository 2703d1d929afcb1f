package org.cnnlab.classroom;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.TimeMeter;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One Bucket4j token bucket per key (a network address, a class, a user name), all alike: {@code
 * capacity} tokens, regained gradually at {@code capacity} per {@code period}. Buckets are made on
 * first use; beyond {@value #MAX_KEYS} keys the full ones (nobody used them for a while) are dropped,
 * which forgets nothing a full bucket would refuse. In memory, per node.
 */
final class TokenBuckets {
    static final int MAX_KEYS = 10_000;
    private final long capacity;
    private final Duration period;
    private final TimeMeter clock;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    TokenBuckets(long capacity, Duration period, TimeMeter clock) {
        this.capacity = capacity;
        this.period = period;
        this.clock = clock;
    }

    Bucket of(String key) {
        Bucket bucket = buckets.get(key);
        if (bucket != null) return bucket;
        if (buckets.size() >= MAX_KEYS) buckets.values().removeIf(b -> b.getAvailableTokens() >= capacity);
        return buckets.computeIfAbsent(key, k -> Bucket.builder().withCustomTimePrecision(clock)
                .addLimit(limit -> limit.capacity(capacity).refillGreedy(capacity, period)).build());
    }

    /** Whole seconds, at least one, until the bucket of {@code key} holds {@code tokens}; 0 if it does now. */
    long secondsUntil(String key, long tokens) {
        long nanos = of(key).estimateAbilityToConsume(tokens).getNanosToWaitForRefill();
        return nanos <= 0 ? 0 : Math.max(1, (nanos + 999_999_999) / 1_000_000_000);
    }
}
