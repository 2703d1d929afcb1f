package org.cnnlab.classroom;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.cnnlab.base.SavedWork;
import org.cnnlab.base.StudentId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Saved work in the database (table saved_work), for class members only. */
@Service
public class SavedWorkStore implements SavedWork {
    private static final int MAX_CONTENT = 200_000;
    private final JdbcClient db;
    private final ClassroomService classroom;

    public SavedWorkStore(JdbcClient db, ClassroomService classroom) {
        this.db = db;
        this.classroom = classroom;
    }

    @Override
    public Map<String, String> load(StudentId student, String kind) {
        if (classroom.membership(student).isEmpty()) return Map.of();
        Map<String, String> items = new LinkedHashMap<>();
        db.sql("select name, content from saved_work where student_id = ? and kind = ? order by saved_at, name")
                .params(student.value(), kind).query((rs, n) -> items.put(rs.getString(1), rs.getString(2))).list();
        return items;
    }

    @Override
    @Transactional
    public void store(StudentId student, String kind, String name, String content) {
        if (classroom.membership(student).isEmpty() || content.length() > MAX_CONTENT) return;
        Timestamp now = Timestamp.from(Instant.now());
        int updated = db.sql("update saved_work set content = ? where student_id = ? and kind = ? and name = ?")
                .params(content, student.value(), kind, name).update();
        if (updated == 0) {
            db.sql("insert into saved_work (student_id, kind, name, content, saved_at) values (?, ?, ?, ?, ?)")
                    .params(student.value(), kind, name, content, now).update();
        }
    }
}
