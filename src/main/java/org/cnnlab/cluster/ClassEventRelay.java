package org.cnnlab.cluster;

import java.time.LocalDateTime;
import java.util.List;
import org.cnnlab.base.ClassEvent;
import org.cnnlab.base.ClassEvents;
import org.cnnlab.base.NodeSettings;
import org.cnnlab.base.Wire;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;

/**
 * Carries class events between app nodes: an event published on one node is stored in
 * {@code class_event} and announced with NOTIFY (PostgreSQL caps a payload at 8000 bytes, and a
 * pushed kernel lists every student, so the row carries the event and the payload only its id);
 * every other node reads the rows it has not seen, in order, and delivers them to its own pages.
 * After a lost connection a node catches up on what was published meanwhile.
 */
@Component
@ConditionalOnExpression("'${cnnlab.node.role:single}'.equalsIgnoreCase('app')")
class ClassEventRelay {
    static final String CHANNEL = "cnnlab_class";

    private final ClassEvents events;
    private final Notifications notifications;
    private final JdbcClient db;
    private final String node;
    private long seen;
    private long published;

    ClassEventRelay(ClassEvents events, Notifications notifications, JdbcClient db, NodeSettings settings) {
        this.events = events;
        this.notifications = notifications;
        this.db = db;
        this.node = settings.name();
        this.seen = db.sql("select coalesce(max(id), 0) from class_event").query(Long.class).single();
        notifications.on(CHANNEL, id -> catchUp());
        notifications.whenConnected(this::catchUp);
        events.relayTo(this::send);
    }

    private void send(ClassEvent event) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        db.sql("insert into class_event (origin, payload, created_at) values (?, ?, ?)")
                .params(node, Wire.write(event), LocalDateTime.now()).update(key, "id");
        long id = key.getKey().longValue();
        notifications.send(CHANNEL, Long.toString(id));
        if (++published % 200 == 0) db.sql("delete from class_event where created_at < ?").param(LocalDateTime.now().minusHours(1)).update();
    }

    /** Delivers, in order, every event another node published since the last one seen. */
    private synchronized void catchUp() {
        List<Row> rows = db.sql("select id, origin, payload from class_event where id > ? order by id").param(seen)
                .query((rs, n) -> new Row(rs.getLong(1), rs.getString(2), rs.getBytes(3))).list();
        for (Row row : rows) {
            seen = row.id();
            if (!row.origin().equals(node)) events.deliver(Wire.read(row.payload(), ClassEvent.class));
        }
    }

    private record Row(long id, String origin, byte[] payload) {
    }
}
