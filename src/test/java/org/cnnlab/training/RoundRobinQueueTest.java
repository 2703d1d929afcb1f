package org.cnnlab.training;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class RoundRobinQueueTest {

    private static List<String> drain(RoundRobinQueue<String, String> q) {
        List<String> out = new ArrayList<>();
        for (String s = q.next(); s != null; s = q.next()) out.add(s);
        return out;
    }

    @Test
    void a_students_second_job_waits_until_every_other_waiting_student_had_a_turn() {
        RoundRobinQueue<String, String> q = new RoundRobinQueue<>();
        q.add("ana", "a1");
        q.add("ana", "a2");
        q.add("ana", "a3");
        q.add("beto", "b1");
        q.add("caro", "c1");
        q.add("caro", "c2");
        assertThat(q.turnOrder()).containsExactly("a1", "b1", "c1", "a2", "c2", "a3");
        assertThat(drain(q)).containsExactly("a1", "b1", "c1", "a2", "c2", "a3");
        assertThat(q.isEmpty()).isTrue();
        assertThat(q.next()).isNull();
    }

    @Test
    void a_student_who_comes_back_after_a_turn_joins_the_back_of_the_line() {
        RoundRobinQueue<String, String> q = new RoundRobinQueue<>();
        q.add("ana", "a1");
        q.add("beto", "b1");
        assertThat(q.next()).isEqualTo("a1");   // ana's line is empty now: she leaves it
        q.add("ana", "a2");
        q.add("caro", "c1");
        assertThat(drain(q)).containsExactly("b1", "a2", "c1");
    }

    @Test
    void a_removed_job_gives_up_its_place_and_the_others_move_up() {
        RoundRobinQueue<String, String> q = new RoundRobinQueue<>();
        q.add("ana", "a1");
        q.add("ana", "a2");
        q.add("beto", "b1");
        assertThat(q.position("a2")).isEqualTo(3);
        assertThat(q.remove("beto", "b1")).isTrue();
        assertThat(q.remove("beto", "b1")).isFalse();
        assertThat(q.remove("ana", "zz")).isFalse();
        assertThat(q.position("a2")).isEqualTo(2);
        assertThat(q.position("b1")).isZero();
        q.add("beto", "b2");   // beto left the line when his only job went: he is behind ana now
        assertThat(q.turnOrder()).containsExactly("a1", "b2", "a2");
    }

    @Test
    void every_position_is_the_order_next_hands_the_jobs_out_in() {
        Random random = new Random(7);
        for (int trial = 0; trial < 200; trial++) {
            RoundRobinQueue<String, String> q = new RoundRobinQueue<>();
            List<String> jobs = new ArrayList<>();
            for (int i = 0; i < 1 + random.nextInt(30); i++) {
                String job = "s" + random.nextInt(6) + "-" + i;
                q.add(job.substring(0, 2), job);
                jobs.add(job);
                if (random.nextInt(5) == 0) {   // now and then the front job starts, and one is cancelled
                    String started = q.next();
                    jobs.remove(started);
                    if (!jobs.isEmpty()) {
                        String cancelled = jobs.get(random.nextInt(jobs.size()));
                        assertThat(q.remove(cancelled.substring(0, 2), cancelled)).isTrue();
                        jobs.remove(cancelled);
                    }
                }
            }
            List<String> positions = new ArrayList<>(jobs);
            positions.sort(Comparator.comparingInt(q::position));
            assertThat(jobs).allSatisfy(j -> assertThat(q.position(j)).isPositive());
            assertThat(drain(q)).containsExactlyElementsOf(positions);
        }
    }
}
