package org.cnnlab.classroom;

import jakarta.annotation.security.RolesAllowed;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.cnnlab.base.ClassEvent;
import org.cnnlab.base.ClassEvents;
import org.cnnlab.base.ClassRoom;
import org.cnnlab.base.InvalidInputException;
import org.cnnlab.base.Lesson;
import org.cnnlab.base.StudentId;
import org.cnnlab.base.StudentState;
import org.cnnlab.training.ModelStore;
import org.cnnlab.training.TrainingProgress;
import org.cnnlab.training.ClassQueue;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Everything the instructor does to a class session. Every method needs the instructor role
 * (Spring method security), whichever page or thread calls it.
 */
@Service
@RolesAllowed(Instructors.ROLE)
public class ClassAdmin {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(ClassAdmin.class);
    private final JdbcClient db;
    private final ClassEvents events;
    private final ClassroomLimits limits;
    private final ClassroomService classroom;
    private final Presence presence;
    private final ClassQueue training;
    private final org.cnnlab.imaging.SampleImages samples;
    private final org.cnnlab.dataset.DatasetCatalog datasets;
    private final org.cnnlab.convolution.ConvolutionService convolution;
    private final ModelStore models;
    private final List<StudentState> states;

    public ClassAdmin(JdbcClient db, ClassEvents events, ClassroomLimits limits, ClassroomService classroom, Presence presence,
                      ClassQueue training, org.cnnlab.imaging.SampleImages samples, org.cnnlab.dataset.DatasetCatalog datasets,
                      org.cnnlab.convolution.ConvolutionService convolution, ModelStore models, List<StudentState> states) {
        this.convolution = convolution;
        this.models = models;
        this.states = states;
        this.samples = samples;
        this.datasets = datasets;
        this.db = db;
        this.events = events;
        this.limits = limits;
        this.classroom = classroom;
        this.presence = presence;
        this.training = training;
    }

    // --- sessions and codes ---

    @Transactional
    public ClassSession create(String name, boolean approveEach) {
        String clean = name == null ? "" : name.strip();
        if (clean.isEmpty() || clean.length() > 100) throw new InvalidInputException("class.session.name", 100);
        for (int attempt = 0; ; attempt++) {
            try {
                db.sql("insert into class_session (name, join_code, code_open, approve_each, paused, archived, created_at) values (?, ?, true, ?, false, false, ?)")
                        .params(clean, JoinCodes.next(limits.joinCodeLength()), approveEach, Timestamp.from(Instant.now())).update();
                break;
            } catch (DuplicateKeyException e) {
                if (attempt > 20) throw e;   // a code already taken: draw another
            }
        }
        return db.sql("select " + ClassRows.COLUMNS + " from class_session order by id desc").query(ClassRows::session).list().getFirst();
    }

    /** Sessions, the newest first; archived ones last. */
    public List<ClassSession> sessions() {
        return db.sql("select " + ClassRows.COLUMNS + " from class_session order by archived, id desc").query(ClassRows::session).list();
    }

    public ClassSession session(long classId) {
        return ClassRows.byId(db, classId).orElseThrow(() -> new InvalidInputException("class.session.unknown"));
    }

    /** A new code (the old one stops admitting anyone); students already in stay in. */
    public ClassSession renewCode(long classId) {
        for (int attempt = 0; ; attempt++) {
            try {
                db.sql("update class_session set join_code = ?, code_open = true where id = ?").params(JoinCodes.next(limits.joinCodeLength()), classId).update();
                return session(classId);
            } catch (DuplicateKeyException e) {
                if (attempt > 20) throw e;
            }
        }
    }

    public ClassSession openCode(long classId, boolean open) {
        db.sql("update class_session set code_open = ? where id = ?").params(open, classId).update();
        return session(classId);
    }

    public ClassSession approveEach(long classId, boolean approveEach) {
        db.sql("update class_session set approve_each = ? where id = ?").params(approveEach, classId).update();
        return session(classId);
    }

    /**
     * "Class members only": while this session is open, a student who has not joined a class (or
     * waits for approval) cannot train, upload a model or run saliency; the lessons stay readable.
     * The switch is a column of the session, read at each such request, so every app node follows it
     * at once; the event refreshes every node's dashboards.
     */
    public ClassSession membersOnly(long classId, boolean membersOnly) {
        db.sql("update class_session set members_only = ? where id = ?").params(membersOnly, classId).update();
        LOG.info("Class {}: members only {}", classId, membersOnly ? "on" : "off");
        events.publish(new ClassEvent.DashboardChanged(classId));
        return session(classId);
    }

    /**
     * Archived: the code closes, students leave the class, the records stay for export. Their saved
     * work stays on the server, listed in {@link #savedWork}, until the instructor deletes it.
     */
    public void archive(long classId) {
        db.sql("update class_session set archived = true, code_open = false, paused = false where id = ?").param(classId).update();
        events.publish(new ClassEvent.Paused(classId, false, null));
        events.publish(new ClassEvent.Paced(classId, null));
    }

    // --- roster ---

    public List<Member> roster(long classId) {
        Map<StudentId, Member.Activity> activity = activities();
        java.util.Set<StudentId> done = training.finishedWell();
        return db.sql("select id, nickname, status, joined_at, last_seen from student where class_id = ? and status in ('WAITING', 'APPROVED') order by nickname")
                .param(classId).query((rs, n) -> {
                    StudentId id = new StudentId(rs.getString(1));
                    Member.Activity idle = done.contains(id) ? Member.Activity.DONE : Member.Activity.IDLE;   // DONE once the latest run finished well
                    return new Member(id, rs.getString(2), Member.Status.valueOf(rs.getString(3)), rs.getTimestamp(4).toInstant(),
                            rs.getTimestamp(5).toInstant(), presence.online(id), presence.page(id), activity.getOrDefault(id, idle));
                }).list();
    }

    private Map<StudentId, Member.Activity> activities() {
        Map<StudentId, Member.Activity> activity = new LinkedHashMap<>();
        for (ClassQueue.QueueEntry e : training.queue()) {
            activity.merge(e.student(), e.position() == 0 ? Member.Activity.TRAINING : Member.Activity.QUEUED,
                    (a, b) -> a == Member.Activity.TRAINING ? a : b);
        }
        return activity;
    }

    public void approve(long classId, StudentId student) {
        member(classId, student, true);
        db.sql("update student set status = 'APPROVED' where id = ? and class_id = ?").params(student.value(), classId).update();
        events.publish(new ClassEvent.MemberChanged(classId, student, null, false));
    }

    @Transactional
    public void rename(long classId, StudentId student, String nickname) {
        member(classId, student, true);
        String clean = nickname == null ? "" : nickname.strip();
        if (clean.isEmpty() || clean.length() > ClassroomService.MAX_NICKNAME) throw new InvalidInputException("class.join.nickname", ClassroomService.MAX_NICKNAME);
        try {
            db.sql("update student set nickname = ? where id = ? and class_id = ?").params(clean, student.value(), classId).update();
        } catch (DuplicateKeyException e) {
            throw new InvalidInputException("class.join.taken", clean);
        }
        events.publish(new ClassEvent.MemberChanged(classId, student, clean, false));
    }

    /**
     * Removed: the student's cookie stops working for good (a new secret nobody holds), their pages
     * leave the class and become an anonymous student's, their waiting and running training jobs are
     * cancelled, and their nickname stays reserved (refused at the join) until {@link #allowBack}.
     * Their saved work stays on the server (see {@link #savedWork}).
     */
    public void remove(long classId, StudentId student) {
        member(classId, student, true);
        db.sql("update student set status = 'REMOVED', rejoin_hash = ? where id = ? and class_id = ?")
                .params(ClassroomService.unusableHash(), student.value(), classId).update();
        training.forget(student);   // their queue place; every node does the same when it hears the event (RemovedStudents)
        states.forEach(state -> state.release(student));   // what is kept for their open pages; saved work stays
        events.publish(new ClassEvent.MemberChanged(classId, student, null, true));
    }

    /** The students removed from this session, by nickname (those allowed back, and not back yet, too). */
    public List<Member> removed(long classId) {
        return db.sql("select id, nickname, status, joined_at, last_seen from student where class_id = ? and status in ('REMOVED', 'ALLOWED_BACK') order by nickname")
                .param(classId).query((rs, n) -> new Member(new StudentId(rs.getString(1)), rs.getString(2), Member.Status.valueOf(rs.getString(3)),
                        rs.getTimestamp(4).toInstant(), rs.getTimestamp(5).toInstant(), false, "", Member.Activity.IDLE)).list();
    }

    /** A removed student may join again under their nickname, and is then their own identity (and saved work) again. */
    public void allowBack(long classId, StudentId student) {
        int n = db.sql("update student set status = 'ALLOWED_BACK' where id = ? and class_id = ? and status = 'REMOVED'")
                .params(student.value(), classId).update();
        if (n == 0) throw new InvalidInputException("class.notMember");
        events.publish(new ClassEvent.DashboardChanged(classId));
    }

    private void member(long classId, StudentId student, boolean active) {
        int n = db.sql("select count(*) from student where id = ? and class_id = ?" + (active ? " and status in ('WAITING', 'APPROVED')" : ""))
                .params(student.value(), classId).query(Integer.class).single();
        if (n == 0) throw new InvalidInputException("class.notMember");
    }

    // --- saved work (never deleted by archiving or removal; only here, on purpose) ---

    /** One student's saved work on the server: models (files in the data directory), network designs and kernels (database). */
    public record StudentWork(StudentId student, String nickname, Member.Status status, List<ModelStore.Saved> models, List<String> designs,
                              List<String> kernels) {
    }

    /** Everyone of the session (removed students too, an archived session too) who has saved something, by nickname. */
    public List<StudentWork> savedWork(long classId) {
        record Row(String id, String nickname, String status) {
        }
        List<Row> students = db.sql("select id, nickname, status from student where class_id = ? order by nickname").param(classId)
                .query((rs, n) -> new Row(rs.getString(1), rs.getString(2), rs.getString(3))).list();
        Map<String, Map<String, List<String>>> saved = new LinkedHashMap<>();
        db.sql("select w.student_id, w.kind, w.name from saved_work w join student s on s.id = w.student_id where s.class_id = ? order by w.saved_at, w.name")
                .param(classId).query((rs, n) -> saved.computeIfAbsent(rs.getString(1), k -> new LinkedHashMap<>())
                        .computeIfAbsent(rs.getString(2), k -> new ArrayList<>()).add(rs.getString(3))).list();
        List<StudentWork> work = new ArrayList<>();
        for (Row r : students) {
            StudentId id = new StudentId(r.id());
            Map<String, List<String>> rows = saved.getOrDefault(r.id(), Map.of());
            StudentWork w = new StudentWork(id, r.nickname(), Member.Status.valueOf(r.status()), models.list(id),
                    List.copyOf(rows.getOrDefault(DESIGNS, List.of())), List.copyOf(rows.getOrDefault(KERNELS, List.of())));
            if (!w.models().isEmpty() || !w.designs().isEmpty() || !w.kernels().isEmpty()) work.add(w);
        }
        return work;
    }

    private static final String DESIGNS = "network";
    private static final String KERNELS = "kernel";

    /**
     * Everything {@link #savedWork} lists, as one ZIP written to {@code out}: per student (a folder
     * named for the nickname) {@code models/<name>-<id>.cnnlab} (the file a student downloads and can
     * upload again), {@code designs/<name>.json} (the builder's import format) and {@code kernels/<name>.txt}.
     */
    public void writeSavedWorkZip(long classId, java.io.OutputStream out) throws java.io.IOException {
        java.util.Set<String> folders = new java.util.HashSet<>();
        java.util.zip.ZipOutputStream zip = new java.util.zip.ZipOutputStream(out, java.nio.charset.StandardCharsets.UTF_8);   // out stays open: the caller's
        for (StudentWork w : savedWork(classId)) {
            String folder = safe(w.nickname(), "student");
            for (int i = 2; !folders.add(folder); i++) folder = safe(w.nickname(), "student") + "-" + i;
            for (ModelStore.Saved m : w.models()) {
                byte[] file;
                try {
                    file = models.file(w.student(), m.id());
                } catch (RuntimeException gone) {
                    continue;   // deleted meanwhile
                }
                entry(zip, folder + "/models/" + safe(m.name(), "model") + "-" + m.id() + ".cnnlab", file);
            }
            Map<String, Map<String, String>> contents = new LinkedHashMap<>();
            db.sql("select kind, name, content from saved_work where student_id = ? order by saved_at, name").param(w.student().value())
                    .query((rs, n) -> contents.computeIfAbsent(rs.getString(1), k -> new LinkedHashMap<>()).put(rs.getString(2), rs.getString(3))).list();
            java.util.Set<String> names = new java.util.HashSet<>();   // two names may look alike as file names
            for (var d : contents.getOrDefault(DESIGNS, Map.of()).entrySet()) {
                entry(zip, unique(names, folder + "/designs/" + safe(d.getKey(), "design"), ".json"), d.getValue().getBytes(java.nio.charset.StandardCharsets.UTF_8));
            }
            for (var k : contents.getOrDefault(KERNELS, Map.of()).entrySet()) {
                entry(zip, unique(names, folder + "/kernels/" + safe(k.getKey(), "kernel"), ".txt"), k.getValue().getBytes(java.nio.charset.StandardCharsets.UTF_8));
            }
        }
        zip.finish();
        zip.flush();
    }

    private static String unique(java.util.Set<String> used, String stem, String extension) {
        String name = stem + extension;
        for (int i = 2; !used.add(name); i++) name = stem + "-" + i + extension;
        return name;
    }

    private static void entry(java.util.zip.ZipOutputStream zip, String name, byte[] bytes) throws java.io.IOException {
        zip.putNextEntry(new java.util.zip.ZipEntry(name));
        zip.write(bytes);
        zip.closeEntry();
    }

    /** A name as a file name: letters, digits, '.', '_' and '-', the rest one '-' (never a path). */
    private static String safe(String name, String otherwise) {
        String s = name == null ? "" : name.strip().replaceAll("[^\\p{L}\\p{N}._-]+", "-").replaceAll("^[.-]+", "");
        return s.isEmpty() ? otherwise : s.substring(0, Math.min(80, s.length()));
    }

    /** Deletes one student's saved models, designs and kernels from the server: the only way they go. */
    @Transactional
    public void deleteSavedWork(long classId, StudentId student) {
        member(classId, student, false);
        models.forget(student);
        db.sql("delete from saved_work where student_id = ?").param(student.value()).update();
        states.stream().filter(state -> state != models).forEach(state -> state.release(student));   // their lists in memory
        LOG.info("The instructor deleted the saved work of student {} of class {}", student.value(), classId);
        events.publish(new ClassEvent.DashboardChanged(classId));
    }

    // --- teaching controls (pushed to every student at once) ---

    public void pause(long classId, boolean paused, String message) {
        String clean = message == null || message.isBlank() ? null : message.strip().substring(0, Math.min(300, message.strip().length()));
        db.sql("update class_session set paused = ?, pause_message = ? where id = ?").params(paused, clean, classId).update();
        events.publish(new ClassEvent.Paused(classId, paused, clean));
    }

    /** Pacing: students may open only these lessons ({@code null}: all). */
    public void pace(long classId, Set<Lesson> lessons) {
        db.sql("update class_session set lessons = ? where id = ?").params(ClassRows.lessons(lessons), classId).update();
        events.publish(new ClassEvent.Paced(classId, lessons));
    }

    /** A k×k kernel (row by row) and bias into every approved student's convolution playground. */
    public void pushKernel(long classId, int size, List<Float> weights, float bias, String label) {
        session(classId);
        if (size < 1 || weights.size() != size * size || weights.stream().anyMatch(java.util.Objects::isNull)) throw new InvalidInputException("class.push.kernel");
        float[] w = new float[weights.size()];
        for (int i = 0; i < w.length; i++) w[i] = weights.get(i);
        convolution.checkKernel(new org.cnnlab.convolution.Kernel(size, w), bias);   // the playground's own limits, with their reasons
        events.publish(new ClassEvent.KernelPushed(classId, classroom.approved(classId), size, List.copyOf(weights), bias, label));
    }

    /**
     * An input image (a sample's id), a network (a preset's name) or a data set (its id) onto every
     * approved student's page; anything else is refused before it is sent.
     */
    public void push(long classId, ClassEvent.Pushed.What what, String value, String label) {
        session(classId);
        boolean known = switch (what) {
            case IMAGE -> samples.list().stream().anyMatch(s -> s.id().equals(value));
            case NETWORK -> java.util.Arrays.stream(org.cnnlab.network.NetworkPresets.values()).anyMatch(p -> p.name().equals(value));
            case DATASET -> datasets.ids().contains(value);
        };
        if (!known) throw new InvalidInputException("class.push.unknown");
        events.publish(new ClassEvent.Pushed(classId, classroom.approved(classId), what, value, label));
    }

    // --- polls ---

    /** A poll with its answers counted per option. */
    public record PollResult(long id, String question, List<String> options, int[] counts, boolean open) {
        public int answers() {
            int sum = 0;
            for (int c : counts) sum += c;
            return sum;
        }
    }

    /** Opens a poll (closing any open one) and shows it on every student's page. */
    @Transactional
    public long openPoll(long classId, String question, List<String> options) {
        session(classId);
        List<String> clean = options.stream().map(o -> o == null ? "" : o.strip().replace("\n", " ")).filter(o -> !o.isEmpty()).toList();
        if (question == null || question.isBlank() || question.length() > 300) throw new InvalidInputException("class.poll.question");
        if (clean.size() < 2 || clean.size() > limits.maxPollOptions() || clean.stream().anyMatch(o -> o.length() > 100)) {
            throw new InvalidInputException("class.poll.options", 2, limits.maxPollOptions());
        }
        db.sql("update poll set is_open = false where class_id = ?").param(classId).update();
        db.sql("insert into poll (class_id, question, options, is_open, created_at) values (?, ?, ?, true, ?)")
                .params(classId, question.strip(), String.join("\n", clean), Timestamp.from(Instant.now())).update();
        long id = db.sql("select max(id) from poll where class_id = ?").param(classId).query(Long.class).single();
        events.publish(new ClassEvent.PollChanged(classId, id, question.strip(), clean, true));
        return id;
    }

    public void closePoll(long classId, long pollId) {
        db.sql("update poll set is_open = false where id = ? and class_id = ?").params(pollId, classId).update();
        events.publish(new ClassEvent.PollChanged(classId, pollId, null, List.of(), false));
    }

    /** Every poll of the session, the newest first, with its answer counts. */
    public List<PollResult> polls(long classId) {
        return db.sql("select id, question, options, is_open from poll where class_id = ? order by id desc").param(classId)
                .query((rs, n) -> new PollResult(rs.getLong(1), rs.getString(2), List.of(rs.getString(3).split("\n")), null, rs.getBoolean(4)))
                .list().stream().map(p -> {
                    int[] counts = new int[p.options().size()];
                    db.sql("select option_no, count(*) from poll_answer where poll_id = ? group by option_no").param(p.id())
                            .query((rs, n) -> counts[rs.getInt(1)] = rs.getInt(2)).list();
                    return new PollResult(p.id(), p.question(), p.options(), counts, p.open());
                }).toList();
    }

    // --- gallery and leaderboard ---

    public record GalleryEntry(long id, StudentId student, String nickname, ClassRoom.Submission.Kind kind, String title, String detail,
                               byte[] png, Double accuracy, Instant createdAt) {
    }

    public List<GalleryEntry> gallery(long classId) {
        return db.sql("""
                        select g.id, g.student_id, s.nickname, g.kind, g.title, g.detail, g.png, g.accuracy, g.created_at
                        from gallery_entry g join student s on s.id = g.student_id where g.class_id = ? order by g.id desc""")
                .param(classId).query((rs, n) -> new GalleryEntry(rs.getLong(1), new StudentId(rs.getString(2)), rs.getString(3),
                        ClassRoom.Submission.Kind.valueOf(rs.getString(4)), rs.getString(5), rs.getString(6), rs.getBytes(7),
                        (Double) rs.getObject(8, Double.class), rs.getTimestamp(9).toInstant())).list();
    }

    public void deleteEntry(long classId, long entryId) {
        db.sql("delete from gallery_entry where id = ? and class_id = ?").params(entryId, classId).update();
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

    // --- the training queue and the server ---

    /** A job in the class queue with its student's nickname ("" for a student outside any class). */
    public record QueuedJob(long jobId, String nickname, String name, TrainingProgress.State state, int position, double seconds,
                            int epoch, int epochs, String where) {
    }

    public List<QueuedJob> queue() {
        Map<String, String> names = db.sql("select id, nickname from student").query((rs, n) -> Map.entry(rs.getString(1), rs.getString(2)))
                .list().stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a));
        return training.queue().stream().map(e -> new QueuedJob(e.jobId(), names.getOrDefault(e.student().value(), ""), e.name(), e.state(),
                e.position(), e.seconds(), e.epoch(), e.epochs(), e.where())).toList();
    }

    public void cancelJob(long jobId) {
        training.cancelAny(jobId);
    }

    public void cancelAllJobs() {
        training.cancelAll();
    }

    public void holdQueue(boolean hold) {
        training.holdQueue(hold);
    }

    public org.cnnlab.training.TrainingLimits trainingLimits() {
        return training.limits();
    }

    /** The class's training limits (see {@link ClassQueue#adjust}); returns the ones now in force. */
    public org.cnnlab.training.TrainingLimits setTrainingLimits(int jobsPerStudent, int maxEpochs, int maxSamples, long maxParameters,
                                                                int maxWallSeconds) {
        return training.adjust(jobsPerStudent, maxEpochs, maxSamples, maxParameters, maxWallSeconds);
    }

    public ServerLoad load() {
        List<ClassQueue.QueueEntry> q = training.queue();
        int running = (int) q.stream().filter(e -> e.position() == 0).count();
        return ServerLoad.now(presence.studentsOnline(), running, q.size() - running, training.queueHeld());
    }

    // --- export ---

    public String rosterCsv(long classId) {
        StringBuilder csv = new StringBuilder("nickname,status,joined_at,last_seen\n");
        db.sql("select nickname, status, joined_at, last_seen from student where class_id = ? order by nickname").param(classId)
                .query((rs, n) -> csv.append(Csv.row(rs.getString(1), rs.getString(2), rs.getTimestamp(3).toInstant(), rs.getTimestamp(4).toInstant())))
                .list();
        return csv.toString();
    }

    public String answersCsv(long classId) {
        StringBuilder csv = new StringBuilder("poll,question,nickname,option_number,option,answered_at\n");
        db.sql("""
                        select p.id, p.question, s.nickname, a.option_no, p.options, a.answered_at
                        from poll p join poll_answer a on a.poll_id = p.id join student s on s.id = a.student_id
                        where p.class_id = ? order by p.id, s.nickname""").param(classId)
                .query((rs, n) -> csv.append(Csv.row(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getInt(4) + 1,
                        rs.getString(5).split("\n")[rs.getInt(4)], rs.getTimestamp(6).toInstant()))).list();
        return csv.toString();
    }

    public String leaderboardCsv(long classId) {
        StringBuilder csv = new StringBuilder("rank,nickname,dataset,test_accuracy\n");
        leaderboard(classId).forEach(s -> csv.append(Csv.row(s.rank(), s.nickname(), s.dataset(), String.format(java.util.Locale.ROOT, "%.4f", s.accuracy()))));
        return csv.toString();
    }

    Optional<ClassSession> find(long classId) {
        return ClassRows.byId(db, classId);
    }
}
