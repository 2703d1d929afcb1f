package org.cnnlab.classroom;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.cnnlab.base.Lesson;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Reading and writing the class_session rows: one place for the columns and the lesson list format. */
final class ClassRows {
    static final String COLUMNS = "id, name, join_code, code_open, approve_each, paused, pause_message, lessons, archived, created_at, members_only";

    private ClassRows() {
    }

    static ClassSession session(ResultSet rs, int row) throws SQLException {
        return new ClassSession(rs.getLong("id"), rs.getString("name"), rs.getString("join_code"), rs.getBoolean("code_open"),
                rs.getBoolean("approve_each"), rs.getBoolean("paused"), rs.getString("pause_message"),
                lessons(rs.getString("lessons")), rs.getBoolean("archived"), rs.getTimestamp("created_at").toInstant(),
                rs.getBoolean("members_only"));
    }

    static Optional<ClassSession> byId(JdbcClient db, long id) {
        return db.sql("select " + COLUMNS + " from class_session where id = ?").param(id).query(ClassRows::session).optional();
    }

    /** {@code null} (every lesson) or the named lessons. */
    static Set<Lesson> lessons(String stored) {
        if (stored == null) return null;
        Set<Lesson> lessons = EnumSet.noneOf(Lesson.class);
        Arrays.stream(stored.split(",")).map(String::strip).filter(s -> !s.isEmpty()).forEach(s -> lessons.add(Lesson.valueOf(s)));
        return lessons;
    }

    static String lessons(Set<Lesson> lessons) {
        return lessons == null ? null : lessons.stream().map(Lesson::name).sorted().collect(Collectors.joining(","));
    }
}
