package org.cnnlab.cluster;

import jakarta.annotation.PreDestroy;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * PostgreSQL LISTEN/NOTIFY for the nodes of a scale-out deployment: one connection of its own
 * (outside the pool) listens on every channel asked for and hands each notification's payload to
 * its handlers on this one thread. When PostgreSQL goes away it reconnects every second, then
 * runs the {@link #whenConnected} actions, with which a reader catches up on what it missed:
 * a notification says only "look", the rows hold the data.
 */
@Component
@ConditionalOnExpression("'${cnnlab.node.role:single}'.equalsIgnoreCase('app')")
public class Notifications {
    private static final Logger LOG = LoggerFactory.getLogger(Notifications.class);

    private record Handler(String channel, Consumer<String> action) {
    }

    private final String url;
    private final String user;
    private final String password;
    private final JdbcClient db;
    private final List<Handler> handlers = new CopyOnWriteArrayList<>();
    private final List<Runnable> onConnect = new CopyOnWriteArrayList<>();
    private final Thread thread;
    private volatile boolean closed;
    private volatile boolean connected;
    private volatile boolean relisten;

    public Notifications(@Value("${spring.datasource.url}") String url, @Value("${spring.datasource.username:}") String user,
                         @Value("${spring.datasource.password:}") String password, JdbcClient db) {
        this.url = url;
        this.user = user;
        this.password = password;
        this.db = db;
        this.thread = Thread.ofPlatform().daemon().name("cnnlab-notifications").start(this::loop);
    }

    /** Calls {@code action} with the payload of every notification on {@code channel}. */
    public void on(String channel, Consumer<String> action) {
        if (!channel.matches("[a-z_]{1,40}")) throw new IllegalArgumentException(channel);
        handlers.add(new Handler(channel, action));
        relisten = true;
    }

    /** Runs after every (re)connection, and at once if connected now. */
    public void whenConnected(Runnable action) {
        onConnect.add(action);
        if (connected) action.run();
    }

    /** Sends a notification; delivered to every listening node (this one too) when the sending statement commits. */
    public void send(String channel, String payload) {
        db.sql("select pg_notify(?, ?)").params(channel, payload).query().singleValue();
    }

    public boolean connected() {
        return connected;
    }

    private void loop() {
        boolean warned = false;
        while (!closed) {
            try (Connection connection = DriverManager.getConnection(url, user, password)) {
                PGConnection pg = connection.unwrap(PGConnection.class);
                listen(connection);
                connected = true;
                warned = false;
                LOG.info("Listening for other nodes' notifications");
                onConnect.forEach(this::safely);
                while (!closed) {
                    if (relisten) listen(connection);
                    PGNotification[] received = pg.getNotifications(500);
                    if (received == null) continue;
                    for (PGNotification n : received) {
                        for (Handler h : handlers) {
                            if (h.channel().equals(n.getName())) safely(() -> h.action().accept(n.getParameter()));
                        }
                    }
                }
            } catch (SQLException e) {
                if (!warned) LOG.warn("Lost PostgreSQL notifications ({}); reconnecting every second", e.getMessage());
                warned = true;
            }
            connected = false;
            sleep();
        }
    }

    private void listen(Connection connection) throws SQLException {
        relisten = false;
        try (Statement s = connection.createStatement()) {
            for (String channel : handlers.stream().map(Handler::channel).distinct().toList()) s.execute("LISTEN " + channel);
        }
    }

    private void safely(Runnable action) {
        try {
            action.run();
        } catch (RuntimeException e) {
            LOG.warn("A notification handler failed", e);
        }
    }

    private void sleep() {
        try {
            Thread.sleep(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @PreDestroy
    void close() {
        closed = true;
        thread.interrupt();
    }
}
