package org.cnnlab.training;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The class queue's turn order: one queue per student, started round-robin across students. The
 * next item is the oldest of the student who has waited longest for a turn; that student then goes
 * to the back of the line, so a student's second job waits until every other waiting student has
 * had a turn (Tanenbaum, <i>Modern Operating Systems</i>, round-robin scheduling, here per user
 * instead of per process). Plain data, no locking: its owner ({@link TrainingService}) guards it.
 *
 * @param <K> who waits (a student)
 * @param <T> what waits (a job)
 */
final class RoundRobinQueue<K, T> {
    private final Map<K, Deque<T>> waiting = new LinkedHashMap<>();   // insertion order = turn order

    /** {@code item} waits behind {@code owner}'s earlier items; a new owner joins the back of the line. */
    void add(K owner, T item) {
        waiting.computeIfAbsent(owner, k -> new ArrayDeque<>()).addLast(item);
    }

    /** Takes {@code item} out of the line; false if it was not waiting. */
    boolean remove(K owner, T item) {
        Deque<T> own = waiting.get(owner);
        if (own == null || !own.remove(item)) return false;
        if (own.isEmpty()) waiting.remove(owner);
        return true;
    }

    boolean isEmpty() {
        return waiting.isEmpty();
    }

    /** The next item to start, taken out of the line, or null when nothing waits. */
    T next() {
        Iterator<Map.Entry<K, Deque<T>>> first = waiting.entrySet().iterator();
        if (!first.hasNext()) return null;
        Map.Entry<K, Deque<T>> turn = first.next();
        first.remove();
        T item = turn.getValue().pollFirst();
        if (!turn.getValue().isEmpty()) waiting.put(turn.getKey(), turn.getValue());   // to the back of the line
        return item;
    }

    /** Every waiting item in the order {@link #next} will hand them out. */
    List<T> turnOrder() {
        List<Iterator<T>> queues = waiting.values().stream().map(Deque::iterator).toList();
        List<T> order = new ArrayList<>();
        boolean any = true;
        while (any) {
            any = false;
            for (Iterator<T> q : queues) {
                if (q.hasNext()) {
                    order.add(q.next());
                    any = true;
                }
            }
        }
        return order;
    }

    /** {@code item}'s place in {@link #turnOrder} counted from 1, or 0 if it is not waiting. */
    int position(T item) {
        return turnOrder().indexOf(item) + 1;
    }
}
