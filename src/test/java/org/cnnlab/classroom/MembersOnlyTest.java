package org.cnnlab.classroom;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MembersOnlyTest {

    @Test
    void with_the_switch_off_everyone_is_let_through() {
        assertThat(MembersOnly.refusal(false, null)).isEmpty();
        assertThat(MembersOnly.refusal(false, Member.Status.WAITING)).isEmpty();
        assertThat(MembersOnly.refusal(false, Member.Status.APPROVED)).isEmpty();
    }

    @Test
    void with_the_switch_on_only_an_approved_member_is_let_through() {
        assertThat(MembersOnly.refusal(true, Member.Status.APPROVED)).isEmpty();
    }

    @Test
    void with_the_switch_on_someone_who_has_not_joined_is_told_to_join_and_someone_waiting_to_wait() {
        assertThat(MembersOnly.refusal(true, null)).contains("class.membersOnly.join");
        assertThat(MembersOnly.refusal(true, Member.Status.WAITING)).contains("class.membersOnly.waiting");
    }

    @Test
    void only_an_approved_member_gets_their_own_caps_instead_of_the_addresses() {
        assertThat(MembersOnly.member(Member.Status.APPROVED)).isTrue();
        assertThat(MembersOnly.member(Member.Status.WAITING)).isFalse();
        assertThat(MembersOnly.member(null)).isFalse();
    }
}
