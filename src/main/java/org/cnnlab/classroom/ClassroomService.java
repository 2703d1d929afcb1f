package org.cnnlab.classroom;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.cnnlab.base.AnonymousLimits;
import org.cnnlab.base.ClassEvent;
import org.cnnlab.base.ClassEvents;
import org.cnnlab.base.ClassRoom;
import org.cnnlab.base.ClientAddresses;
import org.cnnlab.base.InvalidInputException;
import org.cnnlab.base.StudentId;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The student's side of a class session: joining with a code and a nickname (no account), coming
 * back by the rejoin cookie, what a page shows about the class, answering a poll, sharing a result.
 * A student is identified by the {@link StudentId} every lesson's service keys its state by.
 */
@Service
public class ClassroomService implements ClassRoom {
    public static final int MAX_NICKNAME = 24;

    private final JdbcClient db;
    private final ClassEvents events;
    private final ClassroomLimits limits;
    private final JoinThrottle throttle;
    private final Presence presence;
    private final ClientAddresses addresses;
    private final AnonymousThrottle anonymous;
    private final SecureRandom random = new SecureRandom();

    public ClassroomService(JdbcClient db, ClassEvents events, ClassroomLimits limits, Presence presence,
                            ClientAddresses addresses, AnonymousLimits anonymousLimits) {
        this.db = db;
        this.events = events;
        this.limits = limits;
        this.presence = presence;
        this.addresses = addresses;
        this.throttle = new JoinThrottle(limits);
        this.anonymous = new AnonymousThrottle(anonymousLimits.requestsPerMinute(), io.github.bucket4j.TimeMeter.SYSTEM_NANOTIME);
    }

    /** A student who joined: their id, the secret their rejoin cookie carries, and whether they wait for approval. */
    public record Joined(StudentId student, long classId, String nickname, String rejoinToken, boolean waiting) {
    }

    /**
     * Joins the class whose open code this is. The nickname must be free in that class; whoever holds
     * it keeps it, because coming back goes by the cookie ({@link #rejoin}), not by the name. A removed
     * student's nickname stays theirs, refused, until the instructor allows them back; then joining
     * under it gives them their own identity (and saved work) again, with a new cookie. Joins are
     * throttled per network address (a wrong code costs more than a right one) and per class.
     */
    @Transactional
    public Joined join(String code, String nickname, String address) {
        throttle.admit(address);
        String name = nickname == null ? "" : nickname.strip().replaceAll("\\s+", " ");
        if (name.isEmpty() || name.length() > MAX_NICKNAME || name.codePoints().anyMatch(Character::isISOControl)) {
            throw new InvalidInputException("class.join.nickname", MAX_NICKNAME);
        }
        Optional<ClassSession> found = db.sql("select " + ClassRows.COLUMNS + " from class_session where join_code = ? and archived = false")
                .param(JoinCodes.normalise(code)).query(ClassRows::session).optional().filter(ClassSession::codeOpen);
        throttle.charge(address, found.isPresent());
        ClassSession session = found.orElseThrow(() -> new InvalidInputException("class.join.badCode"));
        throttle.enter(session.id());
        int count = db.sql("select count(*) from student where class_id = ? and status in ('WAITING', 'APPROVED')")
                .param(session.id()).query(Integer.class).single();
        if (count >= limits.maxStudentsPerClass()) throw new InvalidInputException("class.join.full", limits.maxStudentsPerClass());
        String token = token();
        Instant now = Instant.now();
        Member.Status status = session.approveEach() ? Member.Status.WAITING : Member.Status.APPROVED;
        record Holder(String id, String status) {
        }
        Optional<Holder> holder = db.sql("select id, status from student where class_id = ? and nickname = ?").params(session.id(), name)
                .query((rs, n) -> new Holder(rs.getString(1), rs.getString(2))).optional();
        if (holder.isPresent() && holder.get().status().equals(Member.Status.REMOVED.name())) {
            throw new InvalidInputException("class.join.removed", name);
        }
        if (holder.isPresent() && holder.get().status().equals(Member.Status.ALLOWED_BACK.name())) {
            int back = db.sql("update student set status = ?, rejoin_hash = ?, last_seen = ? where id = ? and status = ?")
                    .params(status.name(), hash(token), Timestamp.from(now), holder.get().id(), Member.Status.ALLOWED_BACK.name()).update();
            if (back == 0) throw new InvalidInputException("class.join.taken", name);   // someone else came back under it just now
            events.publish(new ClassEvent.DashboardChanged(session.id()));
            return new Joined(new StudentId(holder.get().id()), session.id(), name, token, status == Member.Status.WAITING);
        }
        StudentId id = StudentId.random();
        try {
            db.sql("insert into student (id, class_id, nickname, rejoin_hash, status, joined_at, last_seen) values (?, ?, ?, ?, ?, ?, ?)")
                    .params(id.value(), session.id(), name, hash(token), status.name(), Timestamp.from(now), Timestamp.from(now)).update();
        } catch (DuplicateKeyException e) {
            throw new InvalidInputException("class.join.taken", name);
        }
        events.publish(new ClassEvent.DashboardChanged(session.id()));
        return new Joined(id, session.id(), name, token, status == Member.Status.WAITING);
    }

    /** The student a rejoin cookie belongs to, unless they were removed or their class archived. */
    public Optional<StudentId> rejoin(String token) {
        if (token == null || token.isBlank() || token.length() > 100) return Optional.empty();
        Optional<StudentId> student = db.sql("""
                        select s.id from student s join class_session c on c.id = s.class_id
                        where s.rejoin_hash = ? and s.status in ('WAITING', 'APPROVED') and c.archived = false""")
                .param(hash(token)).query(String.class).optional().map(StudentId::new);
        student.ifPresent(s -> db.sql("update student set last_seen = ? where id = ?").params(Timestamp.from(Instant.now()), s.value()).update());
        return student;
    }

    /**
     * Whether this student has a lasting identity: they joined a class, whatever became of it since
     * (archived) or of them (removed). Their saved work is kept when their browser session ends.
     */
    @Override
    public boolean lasting(StudentId student) {
        return student != null && db.sql("select count(*) from student where id = ?").param(student.value()).query(Integer.class).single() > 0;
    }

    /**
     * Before costly work ({@link MembersOnly}): while an open session admits class members only, only
     * its approved members are let through. Anyone else let through is anonymous: their address's
     * caps apply, and a saliency request or an upload spends one of the address's requests a minute
     * ({@link AnonymousThrottle}); training is capped per address by the training queue. Both
     * questions go to the database, which every app node shares, so a switch on one node holds on
     * all at once. With the database away the student is let through (as a member: no caps to count).
     */
    @Override
    public Admission admit(StudentId student, Costly work) {
        Member.Status status;
        boolean membersOnly;
        try {
            status = student == null ? null : db.sql("""
                            select s.status from student s join class_session c on c.id = s.class_id
                            where s.id = ? and c.archived = false""")
                    .param(student.value()).query(String.class).optional().map(Member.Status::valueOf).orElse(null);
            membersOnly = db.sql("select count(*) from class_session where members_only = true and archived = false")
                    .query(Integer.class).single() > 0;
        } catch (DataAccessException away) {
            return new Admission(student, null);
        }
        MembersOnly.refusal(membersOnly, status).ifPresent(key -> {
            throw new InvalidInputException(key);
        });
        if (MembersOnly.member(status)) return new Admission(student, null);
        String address = addresses.of(student).orElse(null);
        if (address != null && work != Costly.TRAINING) anonymous.spend(address);
        return new Admission(student, address);
    }

    /** Whether this student was removed from their class (a page of theirs must stop being them). */
    public boolean removed(StudentId student) {
        return student != null && db.sql("select count(*) from student where id = ? and status in ('REMOVED', 'ALLOWED_BACK')")
                .param(student.value()).query(Integer.class).single() > 0;
    }

    @Override
    public Optional<Membership> membership(StudentId student) {
        if (student == null) return Optional.empty();
        record Row(long classId, String nickname, String status) {
        }
        Optional<Row> row = db.sql("select class_id, nickname, status from student where id = ?").param(student.value())
                .query((rs, n) -> new Row(rs.getLong(1), rs.getString(2), rs.getString(3))).optional()
                .filter(r -> r.status().equals(Member.Status.APPROVED.name()) || r.status().equals(Member.Status.WAITING.name()));
        if (row.isEmpty()) return Optional.empty();
        Optional<ClassSession> session = ClassRows.byId(db, row.get().classId()).filter(s -> !s.archived());
        if (session.isEmpty()) return Optional.empty();
        ClassSession s = session.get();
        Optional<Poll> poll = openPoll(s.id(), student);
        return Optional.of(new Membership(s.id(), s.name(), row.get().nickname(), row.get().status().equals(Member.Status.APPROVED.name()),
                s.paused(), s.pauseMessage(), s.lessons(), poll));
    }

    private Optional<Poll> openPoll(long classId, StudentId student) {
        return db.sql("select id, question, options from poll where class_id = ? and is_open = true order by id desc")
                .param(classId).query((rs, n) -> new Poll(rs.getLong(1), rs.getString(2), List.of(rs.getString(3).split("\n")), null))
                .list().stream().findFirst()
                .map(p -> new Poll(p.id(), p.question(), p.options(), db.sql("select option_no from poll_answer where poll_id = ? and student_id = ?")
                        .params(p.id(), student.value()).query(Integer.class).optional().orElse(null)));
    }

    /** A student's answer to the open poll of their own class; answering again changes the answer. */
    @Override
    @Transactional
    public void answer(StudentId student, long pollId, int option) {
        Membership m = membership(student).filter(Membership::approved).orElseThrow(() -> new InvalidInputException("class.notMember"));
        Poll poll = m.poll().filter(p -> p.id() == pollId).orElseThrow(() -> new InvalidInputException("class.poll.closed"));
        if (option < 0 || option >= poll.options().size()) throw new InvalidInputException("class.poll.badOption");
        Timestamp now = Timestamp.from(Instant.now());
        int updated = db.sql("update poll_answer set option_no = ?, answered_at = ? where poll_id = ? and student_id = ?")
                .params(option, now, pollId, student.value()).update();
        if (updated == 0) {
            db.sql("insert into poll_answer (poll_id, student_id, option_no, answered_at) values (?, ?, ?, ?)")
                    .params(pollId, student.value(), option, now).update();
        }
        events.publish(new ClassEvent.DashboardChanged(m.classId()));
    }

    /** Shares a result with the class gallery (members of a class only; a few entries each). */
    @Override
    public void submit(StudentId student, Submission submission) {
        Membership m = membership(student).filter(Membership::approved).orElseThrow(() -> new InvalidInputException("class.notMember"));
        int mine = db.sql("select count(*) from gallery_entry where student_id = ?").param(student.value()).query(Integer.class).single();
        if (mine >= limits.maxGalleryPerStudent()) throw new InvalidInputException("class.gallery.tooMany", limits.maxGalleryPerStudent());
        if (submission.png() == null || submission.png().length == 0 || submission.png().length > 2_000_000) {
            throw new InvalidInputException("class.gallery.badImage");
        }
        Double accuracy = submission.accuracy();
        if (accuracy != null && !(accuracy >= 0 && accuracy <= 1)) throw new InvalidInputException("class.gallery.badImage");
        db.sql("insert into gallery_entry (class_id, student_id, kind, title, detail, png, accuracy, created_at) values (?, ?, ?, ?, ?, ?, ?, ?)")
                .params(m.classId(), student.value(), submission.kind().name(), clip(submission.title(), 200), clip(submission.detail(), 2000),
                        submission.png(), accuracy, Timestamp.from(Instant.now())).update();
        events.publish(new ClassEvent.DashboardChanged(m.classId()));
    }

    /**
     * Where one browser tab ({@code tab}) of this student is: a page's path, or {@code null} when the
     * tab closed. The roster shows who is online and on which page.
     */
    @Override
    public void present(StudentId student, String tab, String page) {
        Optional<Membership> m;
        try {
            m = membership(student);
        } catch (DataAccessException e) {
            return;   // presence is best effort: the database is away (the server is stopping, or restarting)
        }
        if (m.isEmpty()) return;
        presence.update(student, tab, page);
        events.publish(new ClassEvent.DashboardChanged(m.get().classId()));
    }

    private static String clip(String s, int max) {
        String t = s == null ? "" : s.strip();
        return t.length() <= max ? t : t.substring(0, max);
    }

    private String token() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** A rejoin hash no cookie has: a removed student's (the column is unique and not null). */
    static String unusableHash() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return hash("removed:" + HexFormat.of().formatHex(bytes));
    }

    static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Ids of the class's approved students (to deliver a pushed kernel to). */
    List<StudentId> approved(long classId) {
        return db.sql("select id from student where class_id = ? and status = 'APPROVED'").param(classId).query(String.class).list()
                .stream().map(StudentId::new).toList();
    }
}
