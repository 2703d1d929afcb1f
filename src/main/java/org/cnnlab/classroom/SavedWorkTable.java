package org.cnnlab.classroom;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cnnlab.base.StudentId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The saved_work rows (designs, kernels) as the instructor's services read and delete them; students
 * save and load theirs through {@link SavedWorkStore}.
 */
@Repository
class SavedWorkTable {
    private final JdbcClient db;

    SavedWorkTable(JdbcClient db) {
        this.db = db;
    }

    /** The names of the class's saved items: by student id, then by kind, in the order they were saved. */
    Map<String, Map<String, List<String>>> names(long classId) {
        Map<String, Map<String, List<String>>> saved = new LinkedHashMap<>();
        db.sql("select w.student_id, w.kind, w.name from saved_work w join student s on s.id = w.student_id where s.class_id = ? order by w.saved_at, w.name")
                .param(classId).query((rs, n) -> saved.computeIfAbsent(rs.getString(1), k -> new LinkedHashMap<>())
                        .computeIfAbsent(rs.getString(2), k -> new ArrayList<>()).add(rs.getString(3))).list();
        return saved;
    }

    /** One student's saved items: by kind, then name to content, in the order they were saved. */
    Map<String, Map<String, String>> contents(StudentId student) {
        Map<String, Map<String, String>> contents = new LinkedHashMap<>();
        db.sql("select kind, name, content from saved_work where student_id = ? order by saved_at, name").param(student.value())
                .query((rs, n) -> contents.computeIfAbsent(rs.getString(1), k -> new LinkedHashMap<>()).put(rs.getString(2), rs.getString(3))).list();
        return contents;
    }

    void delete(StudentId student) {
        db.sql("delete from saved_work where student_id = ?").param(student.value()).update();
    }
}
