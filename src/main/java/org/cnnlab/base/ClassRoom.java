package org.cnnlab.base;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What the pages of every lesson need to know about the class a student is in, and the few things a
 * student does in it. The class server implements it; without a class session a student is alone
 * and every answer is empty.
 */
public interface ClassRoom {

    /** A student's place in a class session as their pages show it. */
    record Membership(long classId, String className, String nickname, boolean approved, boolean paused,
                      String pauseMessage, Set<Lesson> lessons, Optional<Poll> poll) {

        public boolean allows(Lesson lesson) {
            return lessons == null || lessons.contains(lesson);
        }
    }

    record Poll(long id, String question, List<String> options, Integer myAnswer) {
    }

    /** A result a student shares with the class: what it is, a picture, and a number if it has one. */
    record Submission(Kind kind, String title, String detail, byte[] png, Double accuracy) {
        public enum Kind { KERNEL, MODEL, SALIENCY }
    }

    Optional<Membership> membership(StudentId student);

    /** Work that costs the shared server more than a page: refused to non-members while a session admits class members only. */
    enum Costly { TRAINING, UPLOAD, SALIENCY }

    /**
     * A student let through to costly work: {@code anonymousAddress} is the network address whose
     * anonymous caps apply ({@link AnonymousLimits}), or {@code null} for a class member (their own
     * caps apply) or a student whose address is not known.
     */
    record Admission(StudentId student, String anonymousAddress) {
        public boolean capsPerAddress() {
            return anonymousAddress != null;
        }
    }

    /**
     * Before costly work: while an open class session admits class members only, a student who has
     * not joined (or still waits for approval) is refused with a message that says where to join; an
     * anonymous student's costly requests are also counted per network address. Without a class
     * server, everyone is let through.
     *
     * @throws InvalidInputException with the reason, in the student's language
     */
    default Admission admit(StudentId student, Costly work) {
        return new Admission(student, null);
    }

    /**
     * Whether the student has a lasting identity (they joined a class, even one since archived or one
     * they were removed from): their saved work outlives their browser session. Without a class
     * server: whether they are in a class now.
     */
    default boolean lasting(StudentId student) {
        return membership(student).isPresent();
    }

    void answer(StudentId student, long pollId, int option);

    void submit(StudentId student, Submission submission);

    /** Where one browser tab of this student is (a page's path), or {@code null} when the tab closed. */
    void present(StudentId student, String tab, String page);
}
