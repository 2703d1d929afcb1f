package org.cnnlab.cluster;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.List;
import java.util.TreeSet;
import org.cnnlab.base.ClassEvent;
import org.cnnlab.base.ClassEvents;
import org.cnnlab.base.DatabaseStatus;
import org.cnnlab.base.NodeSettings;
import org.cnnlab.base.Wire;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Carries class events between app nodes: an event published on one node is stored in
 * {@code class_event} and announced with NOTIFY, in one transaction of its own (PostgreSQL caps a
 * payload at 8000 bytes, and a pushed kernel lists every student, so the row carries the event and
 * the payload only its id). Every other node reads the row it was told of and delivers the event to
 * its own pages.
 * <p>
 * Ids come from a sequence, and two nodes' rows can commit out of id order, so a node never reads
 * "everything after the last id seen": it reads the id it was notified of, and remembers the ids it
 * has seen. After a lost connection it catches up on the rows of the last {@value #LOOK_BACK} ids it
 * has not seen.
 */
@Component
@ConditionalOnExpression("'${cnnlab.node.role:single}'.equalsIgnoreCase('app')")
class ClassEventRelay {
    static final String CHANNEL = "cnnlab_class";
    private static final Logger LOG = LoggerFactory.getLogger(ClassEventRelay.class);
    static final int LOOK_BACK = 1000;

    private final ClassEvents events;
    private final Notifications notifications;
    private final JdbcClient db;
    private final DatabaseStatus database;
    private final TransactionTemplate own;
    private final String node;
    /** Rows up to this id were history when this node started. */
    private final long start;
    /** The ids of the rows this node has seen (its own and others'), the latest {@value #LOOK_BACK} at most. */
    private final TreeSet<Long> seen = new TreeSet<>();
    private long published;

    ClassEventRelay(ClassEvents events, Notifications notifications, JdbcClient db, DatabaseStatus database,
                    PlatformTransactionManager transactions, NodeSettings settings) {
        this.events = events;
        this.notifications = notifications;
        this.db = db;
        this.database = database;
        this.own = new TransactionTemplate(transactions);
        own.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.node = settings.name();
        this.start = db.sql("select coalesce(max(id), 0) from class_event").query(Long.class).single();
        notifications.on(CHANNEL, id -> receive(Long.parseLong(id)));
        notifications.whenConnected(this::catchUp);
        events.relayTo(this::send);
    }

    private void send(ClassEvent event) {
        if (!database.reachable()) {
            LOG.warn("The database does not answer: {} reaches this node's students only", event);
            return;
        }
        long id = own.execute(status -> {
            GeneratedKeyHolder key = new GeneratedKeyHolder();
            db.sql("insert into class_event (origin, payload, created_at) values (?, ?, ?)")
                    .params(node, Wire.write(event), LocalDateTime.now()).update(key, "id");
            long row = key.getKey().longValue();
            notifications.send(CHANNEL, Long.toString(row));   // heard when this commits, with the row
            return row;
        });
        synchronized (this) {
            remember(id);
        }
        LOG.debug("Sent #{}: {}", id, event);
        if (++published % 200 == 0) db.sql("delete from class_event where created_at < ?").param(LocalDateTime.now().minusHours(1)).update();
    }

    /** The row another node (or this one) just committed. */
    private synchronized void receive(long id) {
        if (id <= start || seen.contains(id)) return;
        db.sql("select id, origin, payload from class_event where id = ?").param(id).query(Row::read).optional().ifPresent(this::deliver);
    }

    /** After (re)connecting: the rows committed meanwhile, in id order. */
    private synchronized void catchUp() {
        long from = Math.max(start, seen.isEmpty() ? start : seen.last() - LOOK_BACK);
        List<Row> rows = db.sql("select id, origin, payload from class_event where id > ? order by id").param(from).query(Row::read).list();
        rows.stream().filter(r -> !seen.contains(r.id())).forEach(this::deliver);
    }

    private void deliver(Row row) {
        remember(row.id());
        if (row.origin().equals(node)) return;
        ClassEvent event = Wire.read(row.payload(), ClassEvent.class);
        LOG.debug("Delivering #{} from {}: {}", row.id(), row.origin(), event);
        events.deliver(event);
    }

    private void remember(long id) {
        seen.add(id);
        while (seen.size() > LOOK_BACK) seen.pollFirst();
    }

    private record Row(long id, String origin, byte[] payload) {
        static Row read(ResultSet rs, int n) throws SQLException {
            return new Row(rs.getLong(1), rs.getString(2), rs.getBytes(3));
        }
    }
}
