package org.cnnlab.classroom;

import jakarta.annotation.security.RolesAllowed;
import java.time.Instant;
import java.util.List;
import org.cnnlab.base.ClassEvent;
import org.cnnlab.base.ClassEvents;
import org.cnnlab.base.InvalidInputException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The instructor's class sessions: creating one, its join code (open, closed, renewed), approval of
 * each student, "class members only", archiving. Every method needs the instructor role (Spring
 * method security), whichever page or thread calls it.
 */
@Service
@RolesAllowed(Instructors.ROLE)
public class ClassSessions {
    private static final Logger LOG = LoggerFactory.getLogger(ClassSessions.class);
    private final ClassSessionTable classes;
    private final ClassEvents events;
    private final ClassroomLimits limits;

    public ClassSessions(ClassSessionTable classes, ClassEvents events, ClassroomLimits limits) {
        this.classes = classes;
        this.events = events;
        this.limits = limits;
    }

    @Transactional
    public ClassSession create(String name, boolean approveEach) {
        String clean = name == null ? "" : name.strip();
        if (clean.isEmpty() || clean.length() > 100) throw new InvalidInputException("class.session.name", 100);
        for (int attempt = 0; ; attempt++) {
            try {
                classes.insert(clean, JoinCodes.next(limits.joinCodeLength()), approveEach, Instant.now());
                break;
            } catch (DuplicateKeyException e) {
                if (attempt > 20) throw e;   // a code already taken: draw another
            }
        }
        return classes.newest();
    }

    /** Sessions, the newest first; archived ones last. */
    public List<ClassSession> sessions() {
        return classes.all();
    }

    public ClassSession session(long classId) {
        return classes.byId(classId).orElseThrow(() -> new InvalidInputException("class.session.unknown"));
    }

    /** A new code (the old one stops admitting anyone); students already in stay in. */
    public ClassSession renewCode(long classId) {
        for (int attempt = 0; ; attempt++) {
            try {
                classes.newCode(classId, JoinCodes.next(limits.joinCodeLength()));
                return session(classId);
            } catch (DuplicateKeyException e) {
                if (attempt > 20) throw e;
            }
        }
    }

    public ClassSession openCode(long classId, boolean open) {
        classes.codeOpen(classId, open);
        return session(classId);
    }

    public ClassSession approveEach(long classId, boolean approveEach) {
        classes.approveEach(classId, approveEach);
        return session(classId);
    }

    /**
     * "Class members only": while this session is open, a student who has not joined a class (or
     * waits for approval) cannot train, upload a model or run saliency; the lessons stay readable.
     * The switch is a column of the session, read at each such request, so every app node follows it
     * at once; the event refreshes every node's dashboards.
     */
    public ClassSession membersOnly(long classId, boolean membersOnly) {
        classes.membersOnly(classId, membersOnly);
        LOG.info("Class {}: members only {}", classId, membersOnly ? "on" : "off");
        events.publish(new ClassEvent.DashboardChanged(classId));
        return session(classId);
    }

    /**
     * Archived: the code closes, students leave the class, the records stay for export. Their saved
     * work stays on the server, listed in {@link SavedWorkAdmin#savedWork}, until the instructor deletes it.
     */
    public void archive(long classId) {
        classes.archive(classId);
        events.publish(new ClassEvent.Paused(classId, false, null));
        events.publish(new ClassEvent.Paced(classId, null));
    }
}
