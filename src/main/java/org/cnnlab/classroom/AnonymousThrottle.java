package org.cnnlab.classroom;

import io.github.bucket4j.TimeMeter;
import java.time.Duration;
import org.cnnlab.base.InvalidInputException;

/**
 * Costly requests (saliency, model uploads) of students who have not joined a class, counted per
 * network address with a token bucket ({@link TokenBuckets}, Bucket4j): an address regains {@code
 * perMinute} a minute, each request costs one. Per address, not per browser session, because a new
 * session is one cookie away; a class member is not counted here.
 */
final class AnonymousThrottle {
    private final TokenBuckets addresses;

    AnonymousThrottle(int perMinute, TimeMeter clock) {
        this.addresses = new TokenBuckets(perMinute, Duration.ofMinutes(1), clock);
    }

    /** One request from this address, or a refusal that says in how many seconds the next one is let through. */
    void spend(String address) {
        if (!addresses.of(address).tryConsume(1)) throw new InvalidInputException("class.anonymous.wait", addresses.secondsUntil(address, 1));
    }
}
