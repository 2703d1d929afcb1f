package org.cnnlab.classroom;

import java.util.Optional;

/**
 * The rule of "class members only" (a switch of the instructor's on an open session): while any open
 * session has it on, costly work (training, a model upload, saliency) is for approved class members;
 * someone who has not joined is told to join, someone who waits for approval to wait. With it off,
 * everyone is let through (anonymous students then have their smaller caps per address).
 */
final class MembersOnly {
    private MembersOnly() {
    }

    /**
     * The message key of the refusal, or empty: let through. {@code status} is the student's in a
     * class that is not archived, or {@code null} for someone who has not joined (or was removed).
     */
    static Optional<String> refusal(boolean membersOnly, Member.Status status) {
        if (!membersOnly || status == Member.Status.APPROVED) return Optional.empty();
        return Optional.of(status == Member.Status.WAITING ? "class.membersOnly.waiting" : "class.membersOnly.join");
    }

    /** Whether a student of this status gets a class member's own caps (not the anonymous ones per address). */
    static boolean member(Member.Status status) {
        return status == Member.Status.APPROVED;
    }
}
