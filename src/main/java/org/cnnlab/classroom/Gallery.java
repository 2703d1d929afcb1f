package org.cnnlab.classroom;

import jakarta.annotation.security.RolesAllowed;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cnnlab.base.ClassEvent;
import org.cnnlab.base.ClassEvents;
import org.cnnlab.base.ClassRoom;
import org.cnnlab.base.StudentId;
import org.springframework.stereotype.Service;

/**
 * What the students of a class session shared (kernels, saliency maps, trained models) as the
 * instructor sees it, deleting an entry, and the leaderboard of the models' test accuracy. Every
 * method needs the instructor role (Spring method security), whichever page or thread calls it.
 */
@Service
@RolesAllowed(Instructors.ROLE)
public class Gallery {
    private final GalleryTable entries;
    private final ClassEvents events;

    public Gallery(GalleryTable entries, ClassEvents events) {
        this.entries = entries;
        this.events = events;
    }

    public record GalleryEntry(long id, StudentId student, String nickname, ClassRoom.Submission.Kind kind, String title, String detail,
                               byte[] png, Double accuracy, Instant createdAt) {
    }

    public List<GalleryEntry> gallery(long classId) {
        return entries.entries(classId);
    }

    public void deleteEntry(long classId, long entryId) {
        entries.delete(classId, entryId);
        events.publish(new ClassEvent.DashboardChanged(classId));
    }

    /** One row per student and data set: their best test accuracy among the models they shared. */
    public record Score(int rank, String nickname, String dataset, double accuracy) {
    }

    public List<Score> leaderboard(long classId) {
        Map<String, GalleryEntry> best = new LinkedHashMap<>();
        for (GalleryEntry e : gallery(classId)) {
            if (e.kind() != ClassRoom.Submission.Kind.MODEL || e.accuracy() == null) continue;
            best.merge(e.nickname() + "\u0000" + e.title(), e, (a, b) -> a.accuracy() >= b.accuracy() ? a : b);
        }
        List<GalleryEntry> sorted = best.values().stream()
                .sorted(Comparator.comparing(GalleryEntry::title).thenComparing(GalleryEntry::accuracy, Comparator.reverseOrder())).toList();
        List<Score> scores = new ArrayList<>();
        String dataset = null;
        int rank = 0;
        for (GalleryEntry e : sorted) {
            rank = e.title().equals(dataset) ? rank + 1 : 1;
            dataset = e.title();
            scores.add(new Score(rank, e.nickname(), e.title(), e.accuracy()));
        }
        return scores;
    }
}
