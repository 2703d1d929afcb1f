package org.cnnlab.classroom;

import jakarta.annotation.security.RolesAllowed;
import java.time.Instant;
import java.util.List;
import org.cnnlab.base.ClassEvent;
import org.cnnlab.base.ClassEvents;
import org.cnnlab.base.InvalidInputException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A class session's polls: opening one on every student's page, closing it, and the answers counted
 * per option. Every method needs the instructor role (Spring method security), whichever page or
 * thread calls it.
 */
@Service
@RolesAllowed(Instructors.ROLE)
public class Polls {
    private final PollTable polls;
    private final ClassSessions sessions;
    private final ClassEvents events;
    private final ClassroomLimits limits;

    public Polls(PollTable polls, ClassSessions sessions, ClassEvents events, ClassroomLimits limits) {
        this.polls = polls;
        this.sessions = sessions;
        this.events = events;
        this.limits = limits;
    }

    /** A poll with its answers counted per option. */
    public record PollResult(long id, String question, List<String> options, int[] counts, boolean open) {
        public int answers() {
            int sum = 0;
            for (int c : counts) sum += c;
            return sum;
        }
    }

    /** Opens a poll (closing any open one) and shows it on every student's page. */
    @Transactional
    public long openPoll(long classId, String question, List<String> options) {
        sessions.session(classId);
        List<String> clean = options.stream().map(o -> o == null ? "" : o.strip().replace("\n", " ")).filter(o -> !o.isEmpty()).toList();
        if (question == null || question.isBlank() || question.length() > 300) throw new InvalidInputException("class.poll.question");
        if (clean.size() < 2 || clean.size() > limits.maxPollOptions() || clean.stream().anyMatch(o -> o.length() > 100)) {
            throw new InvalidInputException("class.poll.options", 2, limits.maxPollOptions());
        }
        polls.closeAll(classId);
        long id = polls.insert(classId, question.strip(), clean, Instant.now());
        events.publish(new ClassEvent.PollChanged(classId, id, question.strip(), clean, true));
        return id;
    }

    public void closePoll(long classId, long pollId) {
        polls.close(classId, pollId);
        events.publish(new ClassEvent.PollChanged(classId, pollId, null, List.of(), false));
    }

    /** Every poll of the session, the newest first, with its answer counts. */
    public List<PollResult> polls(long classId) {
        return polls.results(classId);
    }
}
