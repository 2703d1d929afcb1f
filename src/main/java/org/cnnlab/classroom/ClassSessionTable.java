package org.cnnlab.classroom;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.cnnlab.base.Lesson;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The class_session rows the instructor's services read and change: the sessions, their join codes
 * and switches, the pause and the pacing. Row mapping and the lesson list format are {@link ClassRows}'.
 */
@Repository
class ClassSessionTable {
    private final JdbcClient db;

    ClassSessionTable(JdbcClient db) {
        this.db = db;
    }

    /** A new open session; a {@link org.springframework.dao.DuplicateKeyException} if the code is taken. */
    void insert(String name, String joinCode, boolean approveEach, Instant createdAt) {
        db.sql("insert into class_session (name, join_code, code_open, approve_each, paused, archived, created_at) values (?, ?, true, ?, false, false, ?)")
                .params(name, joinCode, approveEach, Timestamp.from(createdAt)).update();
    }

    /** The session created last. */
    ClassSession newest() {
        return db.sql("select " + ClassRows.COLUMNS + " from class_session order by id desc").query(ClassRows::session).list().getFirst();
    }

    /** Every session, the newest first; archived ones last. */
    List<ClassSession> all() {
        return db.sql("select " + ClassRows.COLUMNS + " from class_session order by archived, id desc").query(ClassRows::session).list();
    }

    Optional<ClassSession> byId(long classId) {
        return ClassRows.byId(db, classId);
    }

    /** A new join code, open; a {@link org.springframework.dao.DuplicateKeyException} if it is taken. */
    void newCode(long classId, String joinCode) {
        db.sql("update class_session set join_code = ?, code_open = true where id = ?").params(joinCode, classId).update();
    }

    void codeOpen(long classId, boolean open) {
        db.sql("update class_session set code_open = ? where id = ?").params(open, classId).update();
    }

    void approveEach(long classId, boolean approveEach) {
        db.sql("update class_session set approve_each = ? where id = ?").params(approveEach, classId).update();
    }

    void membersOnly(long classId, boolean membersOnly) {
        db.sql("update class_session set members_only = ? where id = ?").params(membersOnly, classId).update();
    }

    /** Archived: the code closed and the pause lifted. */
    void archive(long classId) {
        db.sql("update class_session set archived = true, code_open = false, paused = false where id = ?").param(classId).update();
    }

    void pause(long classId, boolean paused, String message) {
        db.sql("update class_session set paused = ?, pause_message = ? where id = ?").params(paused, message, classId).update();
    }

    /** The lessons students may open ({@code null}: all). */
    void pace(long classId, Set<Lesson> lessons) {
        db.sql("update class_session set lessons = ? where id = ?").params(ClassRows.lessons(lessons), classId).update();
    }
}
