package org.cnnlab.inspection.saliency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.cnnlab.base.InvalidInputException;
import org.junit.jupiter.api.Test;

class ProgressTest {

    @Test
    void tells_the_fraction_done_and_stops_when_cancelled() {
        List<Double> heard = new ArrayList<>();
        AtomicBoolean cancelled = new AtomicBoolean();
        Progress p = new Progress(100, heard::add, cancelled::get, 60);
        p.advance(32);
        p.advance(32);
        assertThat(heard).containsExactly(0.32, 0.64);
        cancelled.set(true);
        assertThatThrownBy(() -> p.advance(32)).isInstanceOf(CancellationException.class);
        assertThat(heard).hasSize(2);
    }

    @Test
    void past_its_wall_clock_limit_a_computation_is_refused_with_the_limit() {
        Progress p = new Progress(100, f -> { }, () -> false, 0);   // the deadline is now
        assertThatThrownBy(() -> p.advance(1)).isInstanceOf(InvalidInputException.class).hasMessage("saliency.error.time[0]");
    }
}
