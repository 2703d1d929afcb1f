package org.cnnlab.classroom;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.cnnlab.base.StudentId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The student rows as the instructor's services see them: who is in a class and with which status,
 * and the changes the instructor makes to them (approve, rename, remove, allow back).
 */
@Repository
class MemberTable {
    private static final String COLUMNS = "select id, nickname, status, joined_at, last_seen from student where class_id = ?";
    private final JdbcClient db;

    /** A student of a class as stored. */
    record Row(StudentId id, String nickname, Member.Status status, Instant joinedAt, Instant lastSeen) {
    }

    MemberTable(JdbcClient db) {
        this.db = db;
    }

    private static Row row(ResultSet rs, int n) throws SQLException {
        return new Row(new StudentId(rs.getString(1)), rs.getString(2), Member.Status.valueOf(rs.getString(3)),
                rs.getTimestamp(4).toInstant(), rs.getTimestamp(5).toInstant());
    }

    /** Those in the class (waiting or approved), by nickname. */
    List<Row> active(long classId) {
        return db.sql(COLUMNS + " and status in ('WAITING', 'APPROVED') order by nickname").param(classId).query(MemberTable::row).list();
    }

    /** Those removed from the class (allowed back and not back yet too), by nickname. */
    List<Row> removed(long classId) {
        return db.sql(COLUMNS + " and status in ('REMOVED', 'ALLOWED_BACK') order by nickname").param(classId).query(MemberTable::row).list();
    }

    /** Everyone who ever joined the class, whatever their status, by nickname. */
    List<Row> all(long classId) {
        return db.sql(COLUMNS + " order by nickname").param(classId).query(MemberTable::row).list();
    }

    /** Whether the student belongs to the class: in it now ({@code activeOnly}) or ever. */
    boolean isMember(long classId, StudentId student, boolean activeOnly) {
        return db.sql("select count(*) from student where id = ? and class_id = ?" + (activeOnly ? " and status in ('WAITING', 'APPROVED')" : ""))
                .params(student.value(), classId).query(Integer.class).single() > 0;
    }

    void approve(long classId, StudentId student) {
        db.sql("update student set status = 'APPROVED' where id = ? and class_id = ?").params(student.value(), classId).update();
    }

    /** A {@link org.springframework.dao.DuplicateKeyException} if the nickname is taken in the class. */
    void rename(long classId, StudentId student, String nickname) {
        db.sql("update student set nickname = ? where id = ? and class_id = ?").params(nickname, student.value(), classId).update();
    }

    /** Removed, with a rejoin hash that no cookie matches. */
    void remove(long classId, StudentId student, String unusableHash) {
        db.sql("update student set status = 'REMOVED', rejoin_hash = ? where id = ? and class_id = ?")
                .params(unusableHash, student.value(), classId).update();
    }

    /** A removed student allowed back; false if the student is not a removed one of the class. */
    boolean allowBack(long classId, StudentId student) {
        return db.sql("update student set status = 'ALLOWED_BACK' where id = ? and class_id = ? and status = 'REMOVED'")
                .params(student.value(), classId).update() > 0;
    }

    /** Every student's nickname by student id, whichever class. */
    Map<String, String> nicknames() {
        return db.sql("select id, nickname from student").query((rs, n) -> Map.entry(rs.getString(1), rs.getString(2)))
                .list().stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a));
    }
}
