package org.cnnlab.classroom;

import jakarta.annotation.security.RolesAllowed;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.cnnlab.base.ClassEvent;
import org.cnnlab.base.ClassEvents;
import org.cnnlab.base.InvalidInputException;
import org.cnnlab.base.StudentId;
import org.cnnlab.base.StudentState;
import org.cnnlab.training.ClassQueue;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who is in a class session, online or not and what their training does, and what the instructor
 * does to them: approve, rename, remove, allow back. Every method needs the instructor role (Spring
 * method security), whichever page or thread calls it.
 */
@Service
@RolesAllowed(Instructors.ROLE)
public class Roster {
    private final MemberTable members;
    private final ClassEvents events;
    private final Presence presence;
    private final ClassQueue training;
    private final List<StudentState> states;

    public Roster(MemberTable members, ClassEvents events, Presence presence, ClassQueue training, List<StudentState> states) {
        this.members = members;
        this.events = events;
        this.presence = presence;
        this.training = training;
        this.states = states;
    }

    public List<Member> roster(long classId) {
        Map<StudentId, Member.Activity> activity = activities();
        Set<StudentId> done = training.finishedWell();
        return members.active(classId).stream().map(r -> {
            Member.Activity idle = done.contains(r.id()) ? Member.Activity.DONE : Member.Activity.IDLE;   // DONE once the latest run finished well
            return new Member(r.id(), r.nickname(), r.status(), r.joinedAt(), r.lastSeen(), presence.online(r.id()), presence.page(r.id()),
                    activity.getOrDefault(r.id(), idle));
        }).toList();
    }

    private Map<StudentId, Member.Activity> activities() {
        Map<StudentId, Member.Activity> activity = new LinkedHashMap<>();
        for (ClassQueue.QueueEntry e : training.queue()) {
            activity.merge(e.student(), e.position() == 0 ? Member.Activity.TRAINING : Member.Activity.QUEUED,
                    (a, b) -> a == Member.Activity.TRAINING ? a : b);
        }
        return activity;
    }

    public void approve(long classId, StudentId student) {
        member(classId, student);
        members.approve(classId, student);
        events.publish(new ClassEvent.MemberChanged(classId, student, null, false));
    }

    @Transactional
    public void rename(long classId, StudentId student, String nickname) {
        member(classId, student);
        String clean = nickname == null ? "" : nickname.strip();
        if (clean.isEmpty() || clean.length() > ClassroomService.MAX_NICKNAME) throw new InvalidInputException("class.join.nickname", ClassroomService.MAX_NICKNAME);
        try {
            members.rename(classId, student, clean);
        } catch (DuplicateKeyException e) {
            throw new InvalidInputException("class.join.taken", clean);
        }
        events.publish(new ClassEvent.MemberChanged(classId, student, clean, false));
    }

    /**
     * Removed: the student's cookie stops working for good (a new secret nobody holds), their pages
     * leave the class and become an anonymous student's, their waiting and running training jobs are
     * cancelled, and their nickname stays reserved (refused at the join) until {@link #allowBack}.
     * Their saved work stays on the server (see {@link SavedWorkAdmin#savedWork}).
     */
    public void remove(long classId, StudentId student) {
        member(classId, student);
        members.remove(classId, student, ClassroomService.unusableHash());
        training.forget(student);   // their queue place; every node does the same when it hears the event (RemovedStudents)
        states.forEach(state -> state.release(student));   // what is kept for their open pages; saved work stays
        events.publish(new ClassEvent.MemberChanged(classId, student, null, true));
    }

    /** The students removed from this session, by nickname (those allowed back, and not back yet, too). */
    public List<Member> removed(long classId) {
        return members.removed(classId).stream()
                .map(r -> new Member(r.id(), r.nickname(), r.status(), r.joinedAt(), r.lastSeen(), false, "", Member.Activity.IDLE)).toList();
    }

    /** A removed student may join again under their nickname, and is then their own identity (and saved work) again. */
    public void allowBack(long classId, StudentId student) {
        if (!members.allowBack(classId, student)) throw new InvalidInputException("class.notMember");
        events.publish(new ClassEvent.DashboardChanged(classId));
    }

    /** Refuses a student who is not in the class now (waiting or approved). */
    private void member(long classId, StudentId student) {
        if (!members.isMember(classId, student, true)) throw new InvalidInputException("class.notMember");
    }
}
