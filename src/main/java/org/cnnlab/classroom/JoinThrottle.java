package org.cnnlab.classroom;

import io.github.bucket4j.TimeMeter;
import java.time.Duration;
import org.cnnlab.base.InvalidInputException;

/**
 * Joins are throttled per network address and per class, with token buckets ({@link TokenBuckets},
 * Bucket4j), so that a join code cannot be guessed by brute force while a lecture hall behind one
 * NAT address still gets in: an address regains {@code perAddress} tokens a minute, a join with a
 * right code costs one and a wrong code {@code wrongCodeCost}. An attempt is let through only while
 * the address could pay for a wrong code, so whether it is refused never tells a right code from a
 * wrong one. A class takes {@code perClass} joins a minute, whoever sends them.
 */
final class JoinThrottle {
    private final TokenBuckets addresses;
    private final TokenBuckets classes;
    private final int wrongCodeCost;

    JoinThrottle(int perAddress, int perClass, int wrongCodeCost, TimeMeter clock) {
        this.addresses = new TokenBuckets(perAddress, Duration.ofMinutes(1), clock);
        this.classes = new TokenBuckets(perClass, Duration.ofMinutes(1), clock);
        this.wrongCodeCost = Math.min(wrongCodeCost, perAddress);
    }

    JoinThrottle(ClassroomLimits limits) {
        this(limits.joinAttemptsPerMinute(), limits.joinAttemptsPerClassPerMinute(), limits.joinWrongCodeCost(), TimeMeter.SYSTEM_NANOTIME);
    }

    /** Before the code is looked up: refused, with the wait, while this address could not pay for a wrong code. */
    void admit(String address) {
        long wait = addresses.secondsUntil(key(address), wrongCodeCost);
        if (wait > 0) throw new InvalidInputException("class.join.wait", wait);
    }

    /** What the attempt costs its address, now that the code is known to be right or wrong. */
    void charge(String address, boolean rightCode) {
        addresses.of(key(address)).consumeIgnoringRateLimits(rightCode ? 1 : wrongCodeCost);
    }

    /** A join into this class (a right code): refused, with the wait, while the class has had its joins this minute. */
    void enter(long classId) {
        String key = Long.toString(classId);
        if (!classes.of(key).tryConsume(1)) throw new InvalidInputException("class.join.classBusy", classes.secondsUntil(key, 1));
    }

    private static String key(String address) {
        return address == null || address.isBlank() ? "?" : address;
    }
}
