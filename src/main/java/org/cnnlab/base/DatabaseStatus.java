package org.cnnlab.base;

import jakarta.annotation.PreDestroy;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Whether this node reaches its database now: a {@code select 1} through the pool every
 * {@code cnnlab.database.probe-seconds}. Pages show a "reconnecting" banner while it does not
 * (PostgreSQL restarting); the pool reconnects by itself, nothing restarts. What a student saves
 * meanwhile fails with a message saying so, and is not reported as saved.
 */
@Component
public class DatabaseStatus {
    private static final Logger LOG = LoggerFactory.getLogger(DatabaseStatus.class);
    private final JdbcClient db;
    private final List<Consumer<Boolean>> listeners = new CopyOnWriteArrayList<>();
    private final ScheduledExecutorService probe = Executors.newSingleThreadScheduledExecutor(r -> Thread.ofPlatform().daemon()
            .name("cnnlab-database-probe").unstarted(r));
    private volatile boolean reachable = true;

    public DatabaseStatus(JdbcClient db, @Value("${cnnlab.database.probe-seconds:2}") int seconds) {
        this.db = db;
        probe.scheduleWithFixedDelay(this::probe, seconds, Math.max(1, seconds), TimeUnit.SECONDS);
    }

    public boolean reachable() {
        return reachable;
    }

    /** Calls {@code listener} on every change (true: reachable again); run the returned action to stop. */
    public Runnable subscribe(Consumer<Boolean> listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    private void probe() {
        boolean now;
        try {
            db.sql("select 1").query(Integer.class).single();
            now = true;
        } catch (DataAccessException e) {
            now = false;
        }
        if (now == reachable) return;
        reachable = now;
        if (now) LOG.info("The database answers again");
        else LOG.warn("The database does not answer; pages show that they are reconnecting");
        for (Consumer<Boolean> l : listeners) {
            try {
                l.accept(now);
            } catch (RuntimeException e) {
                LOG.warn("A database status listener failed", e);
            }
        }
    }

    @PreDestroy
    void stop() {
        probe.shutdownNow();
    }
}
