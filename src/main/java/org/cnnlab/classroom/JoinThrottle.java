package org.cnnlab.classroom;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.cnnlab.base.InvalidInputException;

/** Join attempts per network address per minute, so a join code cannot be guessed by brute force. */
final class JoinThrottle {
    private static final long WINDOW_MILLIS = 60_000;
    private final int perMinute;
    private final Map<String, Deque<Long>> attempts = new ConcurrentHashMap<>();

    JoinThrottle(int perMinute) {
        this.perMinute = perMinute;
    }

    void attempt(String address, long now) {
        Deque<Long> times = attempts.computeIfAbsent(address == null ? "?" : address, a -> new ArrayDeque<>());
        synchronized (times) {
            while (!times.isEmpty() && now - times.peekFirst() > WINDOW_MILLIS) times.pollFirst();
            if (times.size() >= perMinute) throw new InvalidInputException("class.join.tooMany");
            times.addLast(now);
        }
        if (attempts.size() > 10_000) attempts.entrySet().removeIf(e -> {
            synchronized (e.getValue()) {
                return e.getValue().isEmpty() || now - e.getValue().peekLast() > WINDOW_MILLIS;
            }
        });
    }
}
