package org.cnnlab.classroom;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.cnnlab.base.StudentId;
import org.springframework.stereotype.Component;

/** Which students have a tab open now, and on which page (in memory on each node: presence is not saved). */
@Component
public class Presence {
    private final Map<StudentId, Map<String, String>> tabs = new ConcurrentHashMap<>();

    void update(StudentId student, String tab, String page) {
        tabs.compute(student, (s, open) -> {
            Map<String, String> next = open == null ? new LinkedHashMap<>() : new LinkedHashMap<>(open);
            next.remove(tab);
            if (page != null) next.put(tab, page);   // the latest page last
            return next.isEmpty() ? null : next;
        });
    }

    boolean online(StudentId student) {
        return tabs.containsKey(student);
    }

    /** The page of the student's most recently moved tab, or "" when offline. */
    String page(StudentId student) {
        Map<String, String> open = tabs.get(student);
        return open == null ? "" : open.values().stream().reduce((a, b) -> b).orElse("");
    }

    public int studentsOnline() {
        return tabs.size();
    }
}
