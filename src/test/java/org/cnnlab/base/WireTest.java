package org.cnnlab.base;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetSocketAddress;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** What one node writes another reads back equal; what is not ours is refused unread. */
class WireTest {

    @Test
    void class_events_travel_whole() {
        ClassEvent pushed = new ClassEvent.KernelPushed(7, List.of(StudentId.random(), StudentId.random()), 3,
                List.of(-1f, -2f, -1f, 0f, 0f, 0f, 1f, 2f, 1f), 0.5f, "Sobel");
        ClassEvent paced = new ClassEvent.Paced(7, Set.of(Lesson.values()[0]));
        for (ClassEvent e : List.of(pushed, paced, new ClassEvent.Paused(7, true, "mirad aquí"))) {
            assertThat(Wire.read(Wire.write(e), ClassEvent.class)).isEqualTo(e);
        }
    }

    @Test
    void a_class_outside_the_application_is_refused() {
        byte[] foreign = Wire.write(new InetSocketAddress("localhost", 80));
        assertThatThrownBy(() -> Wire.read(foreign, Object.class)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void garbage_and_the_wrong_type_are_refused() {
        assertThatThrownBy(() -> Wire.read(new byte[] {1, 2, 3}, ClassEvent.class)).isInstanceOf(IllegalArgumentException.class);
        byte[] id = Wire.write(StudentId.random());
        assertThatThrownBy(() -> Wire.read(id, ClassEvent.class)).isInstanceOf(ClassCastException.class);
    }
}
