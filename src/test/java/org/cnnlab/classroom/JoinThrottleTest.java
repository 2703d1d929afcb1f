package org.cnnlab.classroom;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class JoinThrottleTest {

    @Test
    void an_address_gets_its_attempts_per_minute_then_waits_while_others_go_on() {
        JoinThrottle throttle = new JoinThrottle(3);
        for (int i = 0; i < 3; i++) throttle.attempt("10.0.0.1", 1_000 + i);
        assertThatThrownBy(() -> throttle.attempt("10.0.0.1", 1_010)).hasMessageContaining("class.join.tooMany");
        assertThatCode(() -> throttle.attempt("10.0.0.2", 1_010)).doesNotThrowAnyException();
        assertThatCode(() -> throttle.attempt("10.0.0.1", 1_000 + 60_001)).doesNotThrowAnyException();
    }

    @Test
    void join_codes_avoid_look_alike_characters_and_typed_codes_are_normalised() {
        for (int i = 0; i < 200; i++) {
            String code = JoinCodes.next(6);
            org.assertj.core.api.Assertions.assertThat(code).hasSize(6).doesNotContain("0", "O", "1", "I", "L");
        }
        org.assertj.core.api.Assertions.assertThat(JoinCodes.normalise(" ab3-k7q ")).isEqualTo("AB3K7Q");
    }
}
