package org.cnnlab.classroom;

import java.util.List;
import org.cnnlab.base.ClassRoom;
import org.cnnlab.base.StudentId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The gallery_entry rows the instructor sees and deletes (students add them through {@link ClassroomService#submit}). */
@Repository
class GalleryTable {
    private final JdbcClient db;

    GalleryTable(JdbcClient db) {
        this.db = db;
    }

    /** The class's entries with their student's nickname, the newest first. */
    List<Gallery.GalleryEntry> entries(long classId) {
        return db.sql("""
                        select g.id, g.student_id, s.nickname, g.kind, g.title, g.detail, g.png, g.accuracy, g.created_at
                        from gallery_entry g join student s on s.id = g.student_id where g.class_id = ? order by g.id desc""")
                .param(classId).query((rs, n) -> new Gallery.GalleryEntry(rs.getLong(1), new StudentId(rs.getString(2)), rs.getString(3),
                        ClassRoom.Submission.Kind.valueOf(rs.getString(4)), rs.getString(5), rs.getString(6), rs.getBytes(7),
                        (Double) rs.getObject(8, Double.class), rs.getTimestamp(9).toInstant())).list();
    }

    void delete(long classId, long entryId) {
        db.sql("delete from gallery_entry where id = ? and class_id = ?").params(entryId, classId).update();
    }
}
