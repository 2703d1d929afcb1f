package org.cnnlab.classroom;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** The poll and poll_answer rows the instructor's services read and change: opening and closing polls, their counts, the answers. */
@Repository
class PollTable {
    private final JdbcClient db;

    /** One student's answer to a poll of the class, for the export; {@code option} is the option's text. */
    record Answer(long poll, String question, String nickname, int optionNo, String option, Instant answeredAt) {
    }

    PollTable(JdbcClient db) {
        this.db = db;
    }

    void closeAll(long classId) {
        db.sql("update poll set is_open = false where class_id = ?").param(classId).update();
    }

    /**
     * A new open poll; returns its id, the key the database generated for this insert (the key column
     * named: PostgreSQL would otherwise return every column of the row).
     */
    long insert(long classId, String question, List<String> options, Instant createdAt) {
        KeyHolder key = new GeneratedKeyHolder();
        db.sql("insert into poll (class_id, question, options, is_open, created_at) values (?, ?, ?, true, ?)")
                .params(classId, question, String.join("\n", options), Timestamp.from(createdAt)).update(key, "id");
        return Objects.requireNonNull(key.getKey(), "no generated poll id").longValue();
    }

    void close(long classId, long pollId) {
        db.sql("update poll set is_open = false where id = ? and class_id = ?").params(pollId, classId).update();
    }

    /** Every poll of the class, the newest first, with its answers counted per option (two queries, whatever the number of polls). */
    List<Polls.PollResult> results(long classId) {
        List<Polls.PollResult> polls = db.sql("select id, question, options, is_open from poll where class_id = ? order by id desc").param(classId)
                .query((rs, n) -> {
                    List<String> options = List.of(rs.getString(3).split("\n"));
                    return new Polls.PollResult(rs.getLong(1), rs.getString(2), options, new int[options.size()], rs.getBoolean(4));
                }).list();
        Map<Long, int[]> counts = polls.stream().collect(Collectors.toMap(Polls.PollResult::id, Polls.PollResult::counts));
        db.sql("""
                        select a.poll_id, a.option_no, count(*) from poll_answer a join poll p on p.id = a.poll_id
                        where p.class_id = ? group by a.poll_id, a.option_no""").param(classId)
                .query(rs -> {
                    int[] poll = counts.get(rs.getLong(1));
                    if (poll != null) poll[rs.getInt(2)] = rs.getInt(3);   // null: a poll opened since the first query
                });
        return polls;
    }

    /** Every answer to the class's polls, by poll and nickname. */
    List<Answer> answers(long classId) {
        return db.sql("""
                        select p.id, p.question, s.nickname, a.option_no, p.options, a.answered_at
                        from poll p join poll_answer a on a.poll_id = p.id join student s on s.id = a.student_id
                        where p.class_id = ? order by p.id, s.nickname""").param(classId)
                .query((rs, n) -> new Answer(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getInt(4),
                        rs.getString(5).split("\n")[rs.getInt(4)], rs.getTimestamp(6).toInstant())).list();
    }
}
