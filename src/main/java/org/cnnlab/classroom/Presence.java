package org.cnnlab.classroom;

import jakarta.annotation.PreDestroy;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.cnnlab.base.NodeSettings;
import org.cnnlab.base.StudentId;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Which students have a tab open now, and on which page. In memory for this node's students; on an
 * app node of the scale-out profile also in {@code node_presence}, so that the dashboard, on
 * whichever node, sees every node's students (read at most once a second; a dead node's rows stop
 * counting after {@value #STALE_SECONDS} s). Presence is not saved beyond that.
 */
@Component
public class Presence {
    static final int STALE_SECONDS = 30;
    private final Map<StudentId, Map<String, String>> tabs = new ConcurrentHashMap<>();
    private final JdbcClient db;
    private final String node;
    private final boolean shared;
    private final ScheduledExecutorService refresh;
    private volatile Map<StudentId, String> elsewhere = Map.of();
    private volatile long readAt;

    public Presence(JdbcClient db, NodeSettings settings) {
        this.db = db;
        this.node = settings.name();
        this.shared = settings.role() == NodeSettings.Role.APP;
        this.refresh = shared ? Executors.newSingleThreadScheduledExecutor(r -> Thread.ofPlatform().daemon().name("cnnlab-presence").unstarted(r)) : null;
        if (shared) {
            quietly(() -> db.sql("delete from node_presence where node = ?").param(node).update());   // what this node's last run left
            refresh.scheduleWithFixedDelay(() -> quietly(() -> db.sql("update node_presence set updated_at = ? where node = ?")
                    .params(LocalDateTime.now(), node).update()), 10, 10, TimeUnit.SECONDS);
        }
    }

    void update(StudentId student, String tab, String page) {
        Map<String, String> now = tabs.compute(student, (s, open) -> {
            Map<String, String> next = open == null ? new LinkedHashMap<>() : new LinkedHashMap<>(open);
            next.remove(tab);
            if (page != null) next.put(tab, page);   // the latest page last
            return next.isEmpty() ? null : next;
        });
        if (!shared) return;
        String latest = now == null ? null : now.values().stream().reduce((a, b) -> b).orElse(null);
        quietly(() -> {
            db.sql("delete from node_presence where node = ? and student = ?").params(node, student.value()).update();
            if (latest != null) {
                db.sql("insert into node_presence (node, student, page, updated_at) values (?, ?, ?, ?)")
                        .params(node, student.value(), latest.length() > 200 ? latest.substring(0, 200) : latest, LocalDateTime.now()).update();
            }
        });
    }

    boolean online(StudentId student) {
        return tabs.containsKey(student) || others().containsKey(student);
    }

    /** The page of the student's most recently moved tab, or "" when offline. */
    String page(StudentId student) {
        Map<String, String> open = tabs.get(student);
        if (open == null) return others().getOrDefault(student, "");
        return open.values().stream().reduce((a, b) -> b).orElse("");
    }

    public int studentsOnline() {
        Map<StudentId, String> all = new HashMap<>(others());
        tabs.keySet().forEach(s -> all.put(s, ""));
        return all.size();
    }

    /** Other nodes' students (empty on the one-machine server), at most a second old. */
    private Map<StudentId, String> others() {
        if (!shared) return Map.of();
        if (System.currentTimeMillis() - readAt > 1000) {
            readAt = System.currentTimeMillis();
            quietly(() -> {
                Map<StudentId, String> read = new HashMap<>();
                db.sql("select student, page from node_presence where node <> ? and updated_at > ?")
                        .params(node, LocalDateTime.now().minusSeconds(STALE_SECONDS))
                        .query(rs -> {
                            read.put(new StudentId(rs.getString(1)), rs.getString(2));
                        });
                elsewhere = read;
            });
        }
        return elsewhere;
    }

    /** Presence is a courtesy to the instructor: with the database away it is simply not shared for a while. */
    private static void quietly(Runnable action) {
        try {
            action.run();
        } catch (DataAccessException e) {
            // the database is away; the next update or refresh tries again
        }
    }

    @PreDestroy
    void stop() {
        if (refresh != null) refresh.shutdownNow();
    }
}
