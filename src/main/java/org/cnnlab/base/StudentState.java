package org.cnnlab.base;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A service that keeps something per student. When a student's session ends, every such service
 * is told to drop it, so memory follows the class that is here, not its history.
 */
public interface StudentState {

    void forget(StudentId student);

    /**
     * The session of a student with a lasting identity (a class member, who can come back by their
     * cookie) ended: drop what is only kept for the open page, keep what they saved. By default the
     * same as {@link #forget}; services that keep saved work override it.
     */
    default void release(StudentId student) {
        forget(student);
    }

    /** A thread-safe map of per-student values that drops the least recently used beyond {@code maxStudents}. */
    static <V> Map<StudentId, V> store(int maxStudents) {
        return Collections.synchronizedMap(new LinkedHashMap<>(64, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<StudentId, V> eldest) {
                return size() > maxStudents;
            }
        });
    }
}
