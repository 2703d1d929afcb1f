package org.cnnlab.classroom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.cnnlab.base.InvalidInputException;
import org.junit.jupiter.api.Test;

class AnonymousThrottleTest {

    @Test
    void an_address_spends_its_requests_a_minute_and_is_told_when_to_try_again() {
        JoinThrottleTest.Clock clock = new JoinThrottleTest.Clock();
        AnonymousThrottle throttle = new AnonymousThrottle(30, clock);
        for (int i = 0; i < 30; i++) throttle.spend("10.0.0.1");
        assertThatThrownBy(() -> throttle.spend("10.0.0.1")).isInstanceOfSatisfying(InvalidInputException.class, e -> {
            assertThat(e.messageKey()).isEqualTo("class.anonymous.wait");
            assertThat(e.args()).containsExactly(2L);   // one request back every 2 s
        });
    }

    @Test
    void each_address_has_its_own_requests_and_regains_them_gradually() {
        JoinThrottleTest.Clock clock = new JoinThrottleTest.Clock();
        AnonymousThrottle throttle = new AnonymousThrottle(30, clock);
        for (int i = 0; i < 30; i++) throttle.spend("10.0.0.1");
        assertThatCode(() -> throttle.spend("10.0.0.2")).doesNotThrowAnyException();
        clock.advance(2);
        assertThatCode(() -> throttle.spend("10.0.0.1")).doesNotThrowAnyException();
        assertThatThrownBy(() -> throttle.spend("10.0.0.1")).isInstanceOf(InvalidInputException.class);
    }
}
