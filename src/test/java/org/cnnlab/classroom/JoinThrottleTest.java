package org.cnnlab.classroom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.bucket4j.TimeMeter;
import java.util.concurrent.TimeUnit;
import org.cnnlab.base.InvalidInputException;
import org.junit.jupiter.api.Test;

class JoinThrottleTest {

    /** A clock the test moves by hand. */
    static final class Clock implements TimeMeter {
        long nanos;

        @Override
        public long currentTimeNanos() {
            return nanos;
        }

        @Override
        public boolean isWallClockBased() {
            return false;
        }

        void advance(long seconds) {
            nanos += TimeUnit.SECONDS.toNanos(seconds);
        }
    }

    /** One attempt from {@code address}: admitted or not, then charged as a right or a wrong code. */
    private static boolean attempt(JoinThrottle throttle, String address, boolean rightCode) {
        try {
            throttle.admit(address);
        } catch (InvalidInputException e) {
            assertThat(e.messageKey()).isEqualTo("class.join.wait");
            return false;
        }
        throttle.charge(address, rightCode);
        return true;
    }

    @Test
    void a_hall_behind_one_address_gets_in_while_wrong_codes_from_it_run_out_five_times_as_fast() {
        Clock clock = new Clock();
        JoinThrottle throttle = new JoinThrottle(120, 1000, 5, clock);
        for (int i = 0; i < 100; i++) assertThat(attempt(throttle, "10.0.0.1", true)).as("student %d", i).isTrue();
        int wrong = 0;
        while (attempt(throttle, "10.0.0.1", false)) wrong++;
        assertThat(wrong).isEqualTo(4);   // 20 tokens left, 5 a wrong code
        assertThatThrownBy(() -> throttle.admit("10.0.0.1")).hasMessageContaining("class.join.wait").satisfies(e ->
                assertThat(((InvalidInputException) e).args()).containsExactly(3L));   // 5 tokens at 2 a second: 2.5 s, said as 3 s
        assertThatCode(() -> throttle.admit("10.0.0.2")).doesNotThrowAnyException();   // another address goes on
        clock.advance(3);
        assertThat(attempt(throttle, "10.0.0.1", false)).isTrue();
        clock.advance(60);
        for (int i = 0; i < 24; i++) assertThat(attempt(throttle, "10.0.0.1", false)).isTrue();   // a full minute: 120 tokens again
        assertThat(attempt(throttle, "10.0.0.1", false)).isFalse();
    }

    @Test
    void a_refusal_never_tells_a_right_code_from_a_wrong_one() {
        JoinThrottle throttle = new JoinThrottle(12, 1000, 5, new Clock());
        assertThat(attempt(throttle, "10.0.0.3", false)).isTrue();   // 12 - 5 = 7 tokens
        assertThat(attempt(throttle, "10.0.0.3", true)).isTrue();    // 6
        assertThat(attempt(throttle, "10.0.0.3", true)).isTrue();    // 5: a wrong code could still be paid for
        assertThat(attempt(throttle, "10.0.0.3", true)).isTrue();    // 4
        // 4 tokens would pay for a right code but not a wrong one: the attempt waits, whatever its code
        assertThat(attempt(throttle, "10.0.0.3", true)).isFalse();
    }

    @Test
    void a_class_takes_its_joins_a_minute_from_any_number_of_addresses() {
        Clock clock = new Clock();
        JoinThrottle throttle = new JoinThrottle(120, 3, 5, clock);
        for (int i = 0; i < 3; i++) throttle.enter(7);
        assertThatThrownBy(() -> throttle.enter(7)).hasMessageContaining("class.join.classBusy");
        assertThatCode(() -> throttle.enter(8)).doesNotThrowAnyException();
        clock.advance(20);
        assertThatCode(() -> throttle.enter(7)).doesNotThrowAnyException();
    }

    @Test
    void join_codes_avoid_look_alike_characters_and_typed_codes_are_normalised() {
        for (int i = 0; i < 200; i++) {
            String code = JoinCodes.next(6);
            assertThat(code).hasSize(6).doesNotContain("0", "O", "1", "I", "L");
        }
        assertThat(JoinCodes.normalise(" ab3-k7q ")).isEqualTo("AB3K7Q");
    }
}
