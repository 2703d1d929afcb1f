package org.cnnlab.classroom;

import jakarta.annotation.security.RolesAllowed;
import java.util.Locale;
import org.springframework.stereotype.Service;

/**
 * A class session's records as CSV for a spreadsheet: the roster, the poll answers, the leaderboard
 * (cells a spreadsheet would run as a formula are quoted, see {@link Csv}). Every method needs the
 * instructor role (Spring method security), whichever page or thread calls it.
 */
@Service
@RolesAllowed(Instructors.ROLE)
public class ClassExports {
    private final MemberTable members;
    private final PollTable polls;
    private final Gallery gallery;

    public ClassExports(MemberTable members, PollTable polls, Gallery gallery) {
        this.members = members;
        this.polls = polls;
        this.gallery = gallery;
    }

    /** Everyone who joined, removed students too, by nickname. */
    public String rosterCsv(long classId) {
        StringBuilder csv = new StringBuilder("nickname,status,joined_at,last_seen\n");
        members.all(classId).forEach(r -> csv.append(Csv.row(r.nickname(), r.status().name(), r.joinedAt(), r.lastSeen())));
        return csv.toString();
    }

    public String answersCsv(long classId) {
        StringBuilder csv = new StringBuilder("poll,question,nickname,option_number,option,answered_at\n");
        polls.answers(classId).forEach(a -> csv.append(Csv.row(a.poll(), a.question(), a.nickname(), a.optionNo() + 1, a.option(), a.answeredAt())));
        return csv.toString();
    }

    public String leaderboardCsv(long classId) {
        StringBuilder csv = new StringBuilder("rank,nickname,dataset,test_accuracy\n");
        gallery.leaderboard(classId).forEach(s -> csv.append(Csv.row(s.rank(), s.nickname(), s.dataset(), String.format(Locale.ROOT, "%.4f", s.accuracy()))));
        return csv.toString();
    }
}
