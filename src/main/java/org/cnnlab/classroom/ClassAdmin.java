package org.cnnlab.classroom;

import jakarta.annotation.security.RolesAllowed;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
    private final ClassSessionTable classes;
    private final MemberTable members;
    private final SavedWorkTable saved;
    private final PollTable pollRows;
    private final GalleryTable galleryRows;
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

    public ClassAdmin(ClassSessionTable classes, MemberTable members, SavedWorkTable saved, PollTable pollRows, GalleryTable galleryRows,
                      ClassEvents events, ClassroomLimits limits, ClassroomService classroom, Presence presence,
                      ClassQueue training, org.cnnlab.imaging.SampleImages samples, org.cnnlab.dataset.DatasetCatalog datasets,
                      org.cnnlab.convolution.ConvolutionService convolution, ModelStore models, List<StudentState> states) {
        this.convolution = convolution;
        this.models = models;
        this.states = states;
        this.samples = samples;
        this.datasets = datasets;
        this.classes = classes;
        this.members = members;
        this.saved = saved;
        this.pollRows = pollRows;
        this.galleryRows = galleryRows;
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
                classes.insert(clean, JoinCodes.next(limits.joinCodeLength()), approveEach, Instant.now());
                break;
            } catch (DuplicateKeyException e) {
                if (attempt > 20) throw e;   // a code already taken: draw another
            }
        }
        return classes.newest();
    }

    /** Sessions, the newest first; archived ones last. */
    public List<ClassSession> sessions() {
        return classes.all();
    }

    public ClassSession session(long classId) {
        return classes.byId(classId).orElseThrow(() -> new InvalidInputException("class.session.unknown"));
    }

    /** A new code (the old one stops admitting anyone); students already in stay in. */
    public ClassSession renewCode(long classId) {
        for (int attempt = 0; ; attempt++) {
            try {
                classes.newCode(classId, JoinCodes.next(limits.joinCodeLength()));
                return session(classId);
            } catch (DuplicateKeyException e) {
                if (attempt > 20) throw e;
            }
        }
    }

    public ClassSession openCode(long classId, boolean open) {
        classes.codeOpen(classId, open);
        return session(classId);
    }

    public ClassSession approveEach(long classId, boolean approveEach) {
        classes.approveEach(classId, approveEach);
        return session(classId);
    }

    /**
     * "Class members only": while this session is open, a student who has not joined a class (or
     * waits for approval) cannot train, upload a model or run saliency; the lessons stay readable.
     * The switch is a column of the session, read at each such request, so every app node follows it
     * at once; the event refreshes every node's dashboards.
     */
    public ClassSession membersOnly(long classId, boolean membersOnly) {
        classes.membersOnly(classId, membersOnly);
        LOG.info("Class {}: members only {}", classId, membersOnly ? "on" : "off");
        events.publish(new ClassEvent.DashboardChanged(classId));
        return session(classId);
    }

    /**
     * Archived: the code closes, students leave the class, the records stay for export. Their saved
     * work stays on the server, listed in {@link #savedWork}, until the instructor deletes it.
     */
    public void archive(long classId) {
        classes.archive(classId);
        events.publish(new ClassEvent.Paused(classId, false, null));
        events.publish(new ClassEvent.Paced(classId, null));
    }

    // --- roster ---

    public List<Member> roster(long classId) {
        Map<StudentId, Member.Activity> activity = activities();
        java.util.Set<StudentId> done = training.finishedWell();
        return members.active(classId).stream().map(r -> {
            Member.Activity idle = done.contains(r.id()) ? Member.Activity.DONE : Member.Activity.IDLE;   // DONE once the latest run finished well
            return new Member(r.id(), r.nickname(), r.status(), r.joinedAt(), r.lastSeen(), presence.online(r.id()), presence.page(r.id()),
                    activity.getOrDefault(r.id(), idle));
        }).toList();
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
        members.approve(classId, student);
        events.publish(new ClassEvent.MemberChanged(classId, student, null, false));
    }

    @Transactional
    public void rename(long classId, StudentId student, String nickname) {
        member(classId, student, true);
        String clean = nickname == null ? "" : nickname.strip();
        if (clean.isEmpty() || clean.length() > ClassroomService.MAX_NICKNAME) throw new InvalidInputException("class.join.nickname", ClassroomService.MAX_NICKNAME);
        try {
            members.rename(classId, student, clean);
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
        members.remove(classId, student, ClassroomService.unusableHash());
        training.forget(student);   // their queue place; every node does the same when it hears the event (RemovedStudents)
        states.forEach(state -> state.release(student));   // what is kept for their open pages; saved work stays
        events.publish(new ClassEvent.MemberChanged(classId, student, null, true));
    }

    /** The students removed from this session, by nickname (those allowed back, and not back yet, too). */
    public List<Member> removed(long classId) {
        return members.removed(classId).stream()
                .map(r -> new Member(r.id(), r.nickname(), r.status(), r.joinedAt(), r.lastSeen(), false, "", Member.Activity.IDLE)).toList();
    }

    /** A removed student may join again under their nickname, and is then their own identity (and saved work) again. */
    public void allowBack(long classId, StudentId student) {
        if (!members.allowBack(classId, student)) throw new InvalidInputException("class.notMember");
        events.publish(new ClassEvent.DashboardChanged(classId));
    }

    private void member(long classId, StudentId student, boolean active) {
        if (!members.isMember(classId, student, active)) throw new InvalidInputException("class.notMember");
    }

    // --- saved work (never deleted by archiving or removal; only here, on purpose) ---

    /** One student's saved work on the server: models (files in the data directory), network designs and kernels (database). */
    public record StudentWork(StudentId student, String nickname, Member.Status status, List<ModelStore.Saved> models, List<String> designs,
                              List<String> kernels) {
    }

    /** Everyone of the session (removed students too, an archived session too) who has saved something, by nickname. */
    public List<StudentWork> savedWork(long classId) {
        Map<String, Map<String, List<String>>> names = saved.names(classId);
        List<StudentWork> work = new ArrayList<>();
        for (MemberTable.Row r : members.all(classId)) {
            Map<String, List<String>> rows = names.getOrDefault(r.id().value(), Map.of());
            StudentWork w = new StudentWork(r.id(), r.nickname(), r.status(), models.list(r.id()),
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
            Map<String, Map<String, String>> contents = saved.contents(w.student());
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
        saved.delete(student);
        states.stream().filter(state -> state != models).forEach(state -> state.release(student));   // their lists in memory
        LOG.info("The instructor deleted the saved work of student {} of class {}", student.value(), classId);
        events.publish(new ClassEvent.DashboardChanged(classId));
    }

    // --- teaching controls (pushed to every student at once) ---

    public void pause(long classId, boolean paused, String message) {
        String clean = message == null || message.isBlank() ? null : message.strip().substring(0, Math.min(300, message.strip().length()));
        classes.pause(classId, paused, clean);
        events.publish(new ClassEvent.Paused(classId, paused, clean));
    }

    /** Pacing: students may open only these lessons ({@code null}: all). */
    public void pace(long classId, Set<Lesson> lessons) {
        classes.pace(classId, lessons);
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
        pollRows.closeAll(classId);
        long id = pollRows.insert(classId, question.strip(), clean, Instant.now());
        events.publish(new ClassEvent.PollChanged(classId, id, question.strip(), clean, true));
        return id;
    }

    public void closePoll(long classId, long pollId) {
        pollRows.close(classId, pollId);
        events.publish(new ClassEvent.PollChanged(classId, pollId, null, List.of(), false));
    }

    /** Every poll of the session, the newest first, with its answer counts. */
    public List<PollResult> polls(long classId) {
        return pollRows.results(classId);
    }

    // --- gallery and leaderboard ---

    public record GalleryEntry(long id, StudentId student, String nickname, ClassRoom.Submission.Kind kind, String title, String detail,
                               byte[] png, Double accuracy, Instant createdAt) {
    }

    public List<GalleryEntry> gallery(long classId) {
        return galleryRows.entries(classId);
    }

    public void deleteEntry(long classId, long entryId) {
        galleryRows.delete(classId, entryId);
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
        Map<String, String> names = members.nicknames();
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
        members.all(classId).forEach(r -> csv.append(Csv.row(r.nickname(), r.status().name(), r.joinedAt(), r.lastSeen())));
        return csv.toString();
    }

    public String answersCsv(long classId) {
        StringBuilder csv = new StringBuilder("poll,question,nickname,option_number,option,answered_at\n");
        pollRows.answers(classId).forEach(a -> csv.append(Csv.row(a.poll(), a.question(), a.nickname(), a.optionNo() + 1, a.option(), a.answeredAt())));
        return csv.toString();
    }

    public String leaderboardCsv(long classId) {
        StringBuilder csv = new StringBuilder("rank,nickname,dataset,test_accuracy\n");
        leaderboard(classId).forEach(s -> csv.append(Csv.row(s.rank(), s.nickname(), s.dataset(), String.format(java.util.Locale.ROOT, "%.4f", s.accuracy()))));
        return csv.toString();
    }

}
