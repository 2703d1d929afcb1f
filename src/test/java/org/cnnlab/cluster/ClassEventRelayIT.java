package org.cnnlab.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import org.cnnlab.base.ClassEvent;
import org.cnnlab.base.ClassEvents;
import org.cnnlab.base.NodeSettings;
import org.cnnlab.base.Wire;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/**
 * One app node of the scale-out profile on the test PostgreSQL ({@code tools/postgres-for-tests.sh}),
 * and "other nodes" played by plain connections writing rows and NOTIFYs as a node's relay does.
 */
@ActiveProfiles("app")
@SpringBootTest(properties = {
        "spring.datasource.url=${CNNLAB_TEST_DB_URL:jdbc:postgresql://localhost:5432/cnnlab_test}",
        "spring.datasource.username=cnnlab_test", "spring.datasource.password=cnnlab_test", "cnnlab.node.name=relay-it"})
class ClassEventRelayIT {
    @Autowired ClassEvents events;
    @Autowired JdbcClient db;
    @Autowired NodeSettings settings;
    @Value("${spring.datasource.url}") String url;

    final List<ClassEvent> heard = new CopyOnWriteArrayList<>();
    Runnable stop;

    @BeforeEach
    void listen() {
        stop = events.subscribe(heard::add);
    }

    @AfterEach
    void quiet() {
        stop.run();
    }

    @Test
    void rows_that_commit_out_of_id_order_are_all_delivered() throws Exception {
        long classId = 900_000 + System.nanoTime() % 1000;
        ClassEvent first = new ClassEvent.DashboardChanged(classId);
        ClassEvent second = new ClassEvent.DashboardChanged(classId + 1);
        try (Connection slow = other(); Connection quick = other()) {
            slow.setAutoCommit(false);
            long low = insert(slow, first);            // node A takes the lower id, and is slow to commit
            long high = insert(quick, second);         // node B takes the next one and commits at once
            assertThat(high).isGreaterThan(low);
            notify(quick, high);
            await(() -> heard.contains(second));
            notify(slow, low);
            slow.commit();
            await(() -> heard.contains(first));
        }
        assertThat(heard).containsOnlyOnce(first, second);
    }

    @Test
    void an_event_published_here_is_stored_for_the_others_and_heard_here_once() throws Exception {
        ClassEvent mine = new ClassEvent.DashboardChanged(800_000 + System.nanoTime() % 1000);
        events.publish(mine);
        assertThat(heard).containsExactly(mine);
        List<ClassEvent> stored = db.sql("select payload from class_event where origin = ? order by id desc limit 5").param(settings.name())
                .query((rs, n) -> Wire.read(rs.getBytes(1), ClassEvent.class)).list();
        assertThat(stored).contains(mine);
        Thread.sleep(500);   // its own NOTIFY comes back to this node too: it is not delivered again
        assertThat(heard).containsExactly(mine);
    }

    private Connection other() throws Exception {
        return DriverManager.getConnection(url, "cnnlab_test", "cnnlab_test");
    }

    private static long insert(Connection c, ClassEvent event) throws Exception {
        try (PreparedStatement s = c.prepareStatement("insert into class_event (origin, payload, created_at) values ('other', ?, ?) returning id")) {
            s.setBytes(1, Wire.write(event));
            s.setTimestamp(2, Timestamp.from(Instant.now()));
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static void notify(Connection c, long id) throws Exception {
        try (PreparedStatement s = c.prepareStatement("select pg_notify('cnnlab_class', ?)")) {
            s.setString(1, Long.toString(id));
            s.executeQuery().close();
        }
    }

    private static void await(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 5000;
        while (!condition.getAsBoolean()) {
            assertThat(System.currentTimeMillis()).as("heard within 5 s").isLessThan(deadline);
            Thread.sleep(20);
        }
    }
}
