package org.cnnlab.classroom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.zip.ZipInputStream;
import org.assertj.core.groups.Tuple;
import org.cnnlab.base.ClassEvent;
import org.cnnlab.base.ClassEvents;
import org.cnnlab.base.ClassRoom;
import org.cnnlab.base.ClientAddresses;
import org.cnnlab.base.InvalidInputException;
import org.cnnlab.base.Lesson;
import org.cnnlab.base.StudentId;
import org.cnnlab.base.ui.StudentStateCleanup;
import org.cnnlab.convolution.Kernel;
import org.cnnlab.convolution.KernelShelf;
import org.cnnlab.convolution.PlaygroundService;
import org.cnnlab.imaging.PngEncoder;
import org.cnnlab.models.ModelStore;
import org.cnnlab.network.NetworkDesignService;
import org.cnnlab.network.NetworkPresets;
import org.cnnlab.training.TrainingProgress;
import org.cnnlab.training.TrainingService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What the class server promises, on whichever database the subclass gives it (H2 by default,
 * PostgreSQL in {@link ClassroomPostgresIT}): the schema, joining and coming back, codes, approval,
 * removal, polls, the gallery and leaderboard, the CSV export, and the events every page hears.
 */
abstract class ClassroomContract {
    static final byte[] PNG = PngEncoder.indexed(2, 2, new byte[] {0, 1, 1, 0}, new int[] {0, 0xFFFFFF});

    @Autowired ClassSessions sessions;
    @Autowired Roster roster;
    @Autowired TeachingControls teaching;
    @Autowired Polls polls;
    @Autowired Gallery gallery;
    @Autowired SavedWorkAdmin savedWork;
    @Autowired ClassExports exports;
    @Autowired ClassroomService classroom;
    @Autowired ClassEvents events;
    @Autowired JdbcClient db;
    @Autowired PlatformTransactionManager transactions;

    final List<ClassEvent> heard = new ArrayList<>();
    private Runnable stopListening;
    private int address;

    @BeforeEach
    void asInstructor() {
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated("profesor", null,
                List.of(new SimpleGrantedAuthority("ROLE_" + Instructors.ROLE))));
        stopListening = events.subscribe(heard::add);
    }

    @AfterEach
    void clear() {
        SecurityContextHolder.clearContext();
        stopListening.run();
    }

    ClassSession newClass(boolean approveEach) {
        return sessions.create("IT " + UUID.randomUUID().toString().substring(0, 8), approveEach);
    }

    /** Each join from its own address, so the per-address limit is tested on its own. */
    ClassroomService.Joined join(ClassSession s, String nickname) {
        return classroom.join(s.joinCode(), nickname, "10.0.0." + (address++ % 250));
    }

    @Test
    void migrations_create_every_table_of_the_schema() {
        List<String> tables = db.sql("select lower(table_name) from information_schema.tables where lower(table_schema) = 'public'")
                .query(String.class).list();
        assertThat(tables).contains("instructor", "class_session", "student", "poll", "poll_answer", "gallery_entry", "saved_work");
        assertThat(db.sql("select count(*) from information_schema.columns where lower(table_name) = 'student' and lower(column_name) = 'rejoin_hash'")
                .query(Integer.class).single()).isEqualTo(1);
        assertThat(db.sql("select count(*) from flyway_schema_history where success = true and version = '1'").query(Integer.class).single()).isEqualTo(1);
    }

    @Test
    void a_student_joins_with_code_and_nickname_and_comes_back_by_the_cookie_only() {
        ClassSession s = newClass(false);
        var ana = join(s, "  Ana   María ");
        assertThat(ana.nickname()).isEqualTo("Ana María");
        assertThat(ana.waiting()).isFalse();
        assertThat(classroom.rejoin(ana.rejoinToken())).contains(ana.student());
        assertThat(classroom.rejoin(ana.rejoinToken() + "x")).isEmpty();
        assertThat(classroom.membership(ana.student())).get().extracting(ClassRoom.Membership::nickname, ClassRoom.Membership::approved)
                .containsExactly("Ana María", true);
        // the nickname stays hers: typing it again does not make anyone else her
        assertThatThrownBy(() -> join(s, "Ana María")).isInstanceOf(InvalidInputException.class).hasMessageContaining("class.join.taken");
        // codes are typed loosely: lower case, spaces and a dash are fine
        String loose = s.joinCode().toLowerCase().substring(0, 3) + " - " + s.joinCode().toLowerCase().substring(3);
        assertThat(classroom.join(loose, "Beto", "10.1.1.1").classId()).isEqualTo(s.id());
        // the same nickname in another class is another student
        assertThat(join(newClass(false), "Ana María").student()).isNotEqualTo(ana.student());
        assertThat(heard).anyMatch(e -> e instanceof ClassEvent.DashboardChanged d && d.classId() == s.id());
    }

    @Test
    void an_event_published_in_a_transaction_is_heard_after_the_commit_and_not_at_all_after_a_rollback() throws Exception {
        ClassSession s = newClass(false);
        var ana = join(s, "Ana");
        // a page hears "a poll opened" and, on its own thread (its UI's), reads the poll: it must be there
        List<Optional<ClassRoom.Poll>> read = new CopyOnWriteArrayList<>();
        Runnable stop = events.subscribe(e -> {
            if (!(e instanceof ClassEvent.PollChanged p) || !p.open()) return;
            Thread page = Thread.ofPlatform().start(() -> read.add(classroom.membership(ana.student()).flatMap(ClassRoom.Membership::poll)));
            try {
                page.join();
            } catch (InterruptedException ex) {
                throw new IllegalStateException(ex);
            }
        });
        try {
            long poll = polls.openPoll(s.id(), "¿Cuántos mapas salen?", List.of("1", "4"));
            assertThat(read).hasSize(1).first().satisfies(p -> assertThat(p).get().extracting(ClassRoom.Poll::id).isEqualTo(poll));
        } finally {
            stop.run();
        }
        var tx = new TransactionTemplate(transactions);
        heard.clear();
        tx.executeWithoutResult(status -> {
            events.publish(new ClassEvent.DashboardChanged(s.id()));
            assertThat(heard).isEmpty();   // not yet: it is not committed
        });
        assertThat(heard).containsExactly(new ClassEvent.DashboardChanged(s.id()));
        heard.clear();
        tx.executeWithoutResult(status -> {
            events.publish(new ClassEvent.DashboardChanged(s.id()));
            status.setRollbackOnly();
        });
        assertThat(heard).isEmpty();
    }

    @Test
    void bad_codes_and_nicknames_are_refused_with_reasons() {
        ClassSession s = newClass(false);
        assertThatThrownBy(() -> classroom.join("ZZZZZZZZ", "Ana", "10.2.0.1")).hasMessageContaining("class.join.badCode");
        assertThatThrownBy(() -> join(s, "")).hasMessageContaining("class.join.nickname");
        assertThatThrownBy(() -> join(s, "x".repeat(ClassroomService.MAX_NICKNAME + 1))).hasMessageContaining("class.join.nickname");
        assertThatThrownBy(() -> join(s, "a\u0007b")).hasMessageContaining("class.join.nickname");
    }

    @Test
    void a_closed_code_admits_nobody_and_a_renewed_code_replaces_the_old_one() {
        ClassSession s = newClass(false);
        var first = join(s, "Primera");
        sessions.openCode(s.id(), false);
        assertThatThrownBy(() -> join(s, "Tarde")).hasMessageContaining("class.join.badCode");
        ClassSession renewed = sessions.renewCode(s.id());
        assertThat(renewed.joinCode()).isNotEqualTo(s.joinCode());
        assertThatThrownBy(() -> join(s, "Tarde")).hasMessageContaining("class.join.badCode");
        assertThat(classroom.join(renewed.joinCode(), "Tarde", "10.3.0.1").classId()).isEqualTo(s.id());
        assertThat(classroom.membership(first.student())).isPresent();   // those already in stay in
    }

    @Test
    void in_approve_each_mode_a_student_waits_until_approved() {
        ClassSession s = newClass(true);
        var carla = join(s, "Carla");
        assertThat(carla.waiting()).isTrue();
        assertThat(classroom.membership(carla.student()).orElseThrow().approved()).isFalse();
        assertThat(roster.roster(s.id())).singleElement().extracting(Member::status).isEqualTo(Member.Status.WAITING);
        assertThatThrownBy(() -> classroom.submit(carla.student(), kernelEntry())).hasMessageContaining("class.notMember");
        roster.approve(s.id(), carla.student());
        assertThat(classroom.membership(carla.student()).orElseThrow().approved()).isTrue();
    }

    @Test
    void renaming_keeps_the_student_and_removing_stops_the_cookie() {
        ClassSession s = newClass(false);
        var dani = join(s, "Dani");
        var eva = join(s, "Eva");
        assertThatThrownBy(() -> roster.rename(s.id(), dani.student(), "Eva")).hasMessageContaining("class.join.taken");
        roster.rename(s.id(), dani.student(), "Daniel");
        assertThat(classroom.membership(dani.student()).orElseThrow().nickname()).isEqualTo("Daniel");
        roster.remove(s.id(), eva.student());
        assertThat(classroom.membership(eva.student())).isEmpty();
        assertThat(classroom.rejoin(eva.rejoinToken())).isEmpty();
        assertThat(heard).anyMatch(e -> e instanceof ClassEvent.MemberChanged m && m.student().equals(eva.student()) && m.removed());
        // an id of another class's student is refused, not acted on
        var other = join(newClass(false), "Otro");
        assertThatThrownBy(() -> roster.remove(s.id(), other.student())).hasMessageContaining("class.notMember");
        assertThat(classroom.membership(other.student())).isPresent();
    }

    @Test
    void a_poll_counts_one_answer_per_student_that_may_change_and_nothing_after_it_closes() {
        ClassSession s = newClass(false);
        var a = join(s, "A");
        var b = join(s, "B");
        var c = join(s, "C");
        long poll = polls.openPoll(s.id(), "¿Cuántas imágenes obtenemos?", List.of("1", "2", " ", "3"));
        assertThat(classroom.membership(a.student()).orElseThrow().poll()).get().extracting(ClassRoom.Poll::options)
                .isEqualTo(List.of("1", "2", "3"));
        classroom.answer(a.student(), poll, 0);
        classroom.answer(b.student(), poll, 0);
        classroom.answer(b.student(), poll, 2);   // B changes their mind
        classroom.answer(c.student(), poll, 1);
        assertThatThrownBy(() -> classroom.answer(c.student(), poll, 7)).hasMessageContaining("class.poll.badOption");
        Polls.PollResult result = polls.polls(s.id()).getFirst();
        assertThat(result.counts()).containsExactly(1, 1, 1);
        assertThat(classroom.membership(b.student()).orElseThrow().poll().orElseThrow().myAnswer()).isEqualTo(2);
        // a student of another class cannot answer this poll
        var outsider = join(newClass(false), "Fuera");
        assertThatThrownBy(() -> classroom.answer(outsider.student(), poll, 0)).hasMessageContaining("class.poll.closed");
        polls.closePoll(s.id(), poll);
        assertThatThrownBy(() -> classroom.answer(a.student(), poll, 1)).hasMessageContaining("class.poll.closed");
        assertThat(polls.polls(s.id()).getFirst().open()).isFalse();
        assertThat(heard).anyMatch(e -> e instanceof ClassEvent.PollChanged p && p.pollId() == poll && p.open());
        assertThat(exports.answersCsv(s.id())).contains("B,3,3,").contains("¿Cuántas imágenes obtenemos?");
        assertThatThrownBy(() -> polls.openPoll(s.id(), "?", List.of("solo una"))).hasMessageContaining("class.poll.options");
    }

    /** Every poll counts its own answers, whatever other polls of the class, or of another class, were answered. */
    @Test
    void each_poll_of_a_class_counts_only_its_own_answers() {
        ClassSession s = newClass(false);
        var a = join(s, "A");
        var b = join(s, "B");
        long first = polls.openPoll(s.id(), "¿Primera?", List.of("sí", "no"));
        classroom.answer(a.student(), first, 1);
        classroom.answer(b.student(), first, 1);
        long second = polls.openPoll(s.id(), "¿Segunda?", List.of("uno", "dos", "tres"));   // closes the first
        classroom.answer(a.student(), second, 2);
        ClassSession other = newClass(false);
        long elsewhere = polls.openPoll(other.id(), "¿Otra clase?", List.of("x", "y"));
        classroom.answer(join(other, "C").student(), elsewhere, 0);
        List<Polls.PollResult> results = polls.polls(s.id());
        assertThat(results).extracting(Polls.PollResult::id).containsExactly(second, first);
        assertThat(results).extracting(Polls.PollResult::open).containsExactly(true, false);
        assertThat(results.get(0).counts()).containsExactly(0, 0, 1);
        assertThat(results.get(1).counts()).containsExactly(0, 2);
        assertThat(polls.polls(other.id())).singleElement().satisfies(p -> {
            assertThat(p.id()).isEqualTo(elsewhere);
            assertThat(p.counts()).containsExactly(1, 0);
        });
    }

    @Test
    void the_gallery_keeps_members_results_and_the_leaderboard_ranks_each_students_best_model() {
        ClassSession s = newClass(false);
        var a = join(s, "Alba");
        var b = join(s, "=Bruno");   // a nickname that a spreadsheet would run as a formula
        classroom.submit(a.student(), kernelEntry());
        classroom.submit(a.student(), new ClassRoom.Submission(ClassRoom.Submission.Kind.MODEL, "MNIST", "CNN", PNG, 0.91));
        classroom.submit(a.student(), new ClassRoom.Submission(ClassRoom.Submission.Kind.MODEL, "MNIST", "CNN", PNG, 0.95));
        classroom.submit(b.student(), new ClassRoom.Submission(ClassRoom.Submission.Kind.MODEL, "MNIST", "MLP", PNG, 0.93));
        assertThat(gallery.gallery(s.id())).hasSize(4).first().extracting(Gallery.GalleryEntry::accuracy).isEqualTo(0.93);
        assertThat(gallery.leaderboard(s.id())).extracting(Gallery.Score::nickname, Gallery.Score::accuracy, Gallery.Score::rank)
                .containsExactly(Tuple.tuple("Alba", 0.95, 1), Tuple.tuple("=Bruno", 0.93, 2));
        assertThat(exports.leaderboardCsv(s.id())).contains("1,Alba,MNIST,0.9500").contains("2,'=Bruno,MNIST,0.9300");
        assertThat(exports.rosterCsv(s.id())).contains("'=Bruno,APPROVED");
        assertThatThrownBy(() -> classroom.submit(a.student(), new ClassRoom.Submission(ClassRoom.Submission.Kind.MODEL, "x", "", PNG, 1.5)))
                .hasMessageContaining("class.gallery.badImage");
        assertThatThrownBy(() -> classroom.submit(StudentId.random(), kernelEntry())).hasMessageContaining("class.notMember");
    }

    @Test
    void pause_pacing_and_a_pushed_kernel_reach_the_class_as_events() {
        ClassSession s = newClass(false);
        var a = join(s, "Ana");
        teaching.pause(s.id(), true, "Mirá al frente");
        assertThat(classroom.membership(a.student()).orElseThrow()).extracting(ClassRoom.Membership::paused, ClassRoom.Membership::pauseMessage)
                .containsExactly(true, "Mirá al frente");
        teaching.pace(s.id(), EnumSet.of(Lesson.CONVOLUTION));
        ClassRoom.Membership m = classroom.membership(a.student()).orElseThrow();
        assertThat(m.allows(Lesson.CONVOLUTION)).isTrue();
        assertThat(m.allows(Lesson.TRAINING)).isFalse();
        teaching.pushKernel(s.id(), 3, List.of(-1f, 0f, 1f, -2f, 0f, 2f, -1f, 0f, 1f), 0f, "Sobel");
        assertThat(heard).anyMatch(e -> e instanceof ClassEvent.Paused p && p.classId() == s.id() && p.paused());
        assertThat(heard).anyMatch(e -> e instanceof ClassEvent.KernelPushed k && k.students().equals(List.of(a.student())));
        assertThatThrownBy(() -> teaching.pushKernel(s.id(), 3, List.of(Float.NaN, 0f, 0f, 0f, 0f, 0f, 0f, 0f, 0f), 0f, "NaN"))
                .hasMessageContaining("kernel.error.notFinite");   // the playground's own check and reason
        assertThatThrownBy(() -> teaching.pushKernel(s.id(), 3, List.of(1f, 2f), 0f, "short")).hasMessageContaining("class.push.kernel");
        assertThatThrownBy(() -> teaching.pushKernel(s.id(), 17, Collections.nCopies(17 * 17, 1f), 0f, "huge"))
                .hasMessageContaining("conv.error.kernelSize");
        sessions.archive(s.id());
        assertThat(classroom.membership(a.student())).isEmpty();
        assertThat(classroom.rejoin(a.rejoinToken())).isEmpty();
    }

    @Autowired PlaygroundService playground;
    @Autowired NetworkDesignService designs;

    @Test
    void a_pushed_image_and_network_land_in_each_students_state_and_unknown_ones_are_refused() {
        ClassSession s = newClass(false);
        var a = join(s, "Ana");
        var b = join(s, "Beto");
        var outsider = join(newClass(false), "Fuera");
        teaching.push(s.id(), ClassEvent.Pushed.What.IMAGE, "checkerboard", "Tablero");
        teaching.push(s.id(), ClassEvent.Pushed.What.NETWORK, "LENET5", "LeNet-5");
        teaching.push(s.id(), ClassEvent.Pushed.What.DATASET, "mnist", "MNIST");
        for (var student : List.of(a, b)) {
            assertThat(playground.current(student.student()).state().input().name()).isEqualTo("checkerboard");
            assertThat(designs.current(student.student()).spec()).isEqualTo(NetworkPresets.LENET5.spec());
        }
        assertThat(playground.current(outsider.student()).state().input().name()).isNotEqualTo("checkerboard");
        assertThat(heard).anyMatch(e -> e instanceof ClassEvent.Pushed p && p.what() == ClassEvent.Pushed.What.DATASET
                && p.value().equals("mnist") && p.students().containsAll(List.of(a.student(), b.student())));
        assertThatThrownBy(() -> teaching.push(s.id(), ClassEvent.Pushed.What.IMAGE, "../etc/passwd", "x")).hasMessageContaining("class.push.unknown");
        assertThatThrownBy(() -> teaching.push(s.id(), ClassEvent.Pushed.What.NETWORK, "RESNET", "x")).hasMessageContaining("class.push.unknown");
        assertThatThrownBy(() -> teaching.push(s.id(), ClassEvent.Pushed.What.DATASET, "imagenet", "x")).hasMessageContaining("class.push.unknown");
    }

    @Test
    void a_class_members_saved_designs_are_kept_in_the_database_and_an_anonymous_students_are_not() {
        ClassSession s = newClass(false);
        var a = join(s, "Ana");
        designs.usePreset(a.student(), NetworkPresets.TINY_VGG);
        designs.save(a.student(), "mi vgg");
        designs.forget(a.student());   // the session ended: the workbench in memory is gone
        assertThat(designs.current(a.student()).saved()).containsExactly("mi vgg");
        assertThat(designs.loadSaved(a.student(), "mi vgg").spec()).isEqualTo(NetworkPresets.TINY_VGG.spec());
        StudentId anonymous = StudentId.random();
        designs.save(anonymous, "mío");
        designs.forget(anonymous);
        assertThat(designs.current(anonymous).saved()).isEmpty();
    }

    @Autowired KernelShelf shelf;

    @Test
    void a_class_members_saved_kernels_come_back_after_their_session_and_an_anonymous_students_do_not() {
        ClassSession s = newClass(false);
        var a = join(s, "Ana");
        playground.receiveKernel(a.student(), new Kernel(3, new float[] {0, 1, 0, 1, -4, 1, 0, 1, 0}), 2.5f);
        assertThat(shelf.save(a.student(), "laplaciano")).containsExactly("laplaciano");
        playground.receiveKernel(a.student(), Kernel.identity(5), 0f);
        shelf.forget(a.student());
        playground.forget(a.student());
        assertThat(shelf.names(a.student())).containsExactly("laplaciano");
        var back = shelf.load(a.student(), "laplaciano").state();
        assertThat(back.kernel(0).weights()).containsExactly(0, 1, 0, 1, -4, 1, 0, 1, 0);
        assertThat(back.settings().bias()).isEqualTo(2.5f);
        StudentId anonymous = StudentId.random();
        shelf.save(anonymous, "mío");
        shelf.forget(anonymous);
        assertThat(shelf.names(anonymous)).isEmpty();
        assertThatThrownBy(() -> shelf.save(a.student(), " ")).hasMessageContaining("kernel.save.name");
    }

    @Autowired TrainingService training;

    /**
     * A removed student loses their place in the queue at once, and cannot come back under that
     * nickname (by cookie or by typing it) until the instructor allows it; then they get their own
     * identity back, with a new cookie.
     */
    @Test
    void a_removed_student_loses_their_queue_place_and_cannot_rejoin_under_that_nickname_until_allowed_back() {
        ClassSession s = newClass(false);
        var eva = join(s, "Eva");
        training.holdQueue(true);   // the job waits in the queue: removal must take its place
        try {
            training.submit(TinyRuns.request(eva.student()));
            assertThat(training.queue()).anyMatch(e -> e.student().equals(eva.student()));
            roster.remove(s.id(), eva.student());
            assertThat(training.queue()).noneMatch(e -> e.student().equals(eva.student()));
        } finally {
            training.holdQueue(false);
        }
        assertThat(classroom.rejoin(eva.rejoinToken())).isEmpty();
        assertThat(classroom.membership(eva.student())).isEmpty();
        assertThatThrownBy(() -> join(s, "Eva")).hasMessageContaining("class.join.removed");
        assertThat(roster.roster(s.id())).isEmpty();
        assertThat(roster.removed(s.id())).singleElement().extracting(Member::nickname).isEqualTo("Eva");
        assertThat(join(s, "Otra Eva").student()).isNotEqualTo(eva.student());   // other nicknames are free

        roster.allowBack(s.id(), eva.student());
        var back = join(s, "Eva");
        assertThat(back.student()).isEqualTo(eva.student());   // her own work again
        assertThat(classroom.rejoin(eva.rejoinToken())).isEmpty();   // the old cookie stays dead
        assertThat(classroom.rejoin(back.rejoinToken())).contains(eva.student());
        assertThat(roster.removed(s.id())).isEmpty();
        assertThat(roster.roster(s.id())).extracting(Member::nickname).contains("Eva");
    }

    /**
     * A lecture hall behind one NAT address all gets in, while wrong codes from that address are
     * throttled (a wrong code costs more than a right one); another address is not held up.
     */
    @Test
    void twenty_five_students_behind_one_address_all_join_and_thirty_wrong_codes_from_it_are_throttled() {
        ClassSession s = newClass(false);
        String hall = "10.77." + (System.nanoTime() % 200) + ".1";
        for (int i = 0; i < 25; i++) classroom.join(s.joinCode(), "Aula " + i, hall);
        assertThat(roster.roster(s.id())).hasSize(25);
        List<String> refusals = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            try {
                classroom.join("ZZZZZZ", "Bot " + i, hall);
            } catch (InvalidInputException e) {
                refusals.add(e.messageKey());
            }
        }
        assertThat(refusals).hasSize(30).contains("class.join.badCode").contains("class.join.wait");
        assertThat(refusals.getLast()).isEqualTo("class.join.wait");
        assertThat(classroom.join(s.joinCode(), "Otra red", "10.78.0.1").classId()).isEqualTo(s.id());
    }

    @Autowired StudentStateCleanup cleanup;
    @Autowired ModelStore models;
    @Value("${cnnlab.data-dir}") Path dataDir;

    /**
     * Archiving the session and removing a student never delete saved work: after their browser
     * sessions ended and the cleanup ran, the models are still files in the data directory and the
     * instructor lists them (and their designs) and downloads them, until deleting them explicitly.
     */
    @Test
    void archiving_or_removing_keeps_saved_models_and_designs_on_disk_and_listed_for_the_instructor() throws Exception {
        ClassSession s = newClass(false);
        var ana = join(s, "Ana");
        var beto = join(s, "Beto");
        var run = TinyRuns.train(training, ana.student());
        var model = training.trained(ana.student(), run.jobId()).orElseThrow();
        String anas = models.save(ana.student(), model, "de Ana").id();
        String betos = models.save(beto.student(), model, "de Beto").id();
        designs.usePreset(ana.student(), NetworkPresets.LENET5);
        designs.save(ana.student(), "LeNet de Ana");
        roster.remove(s.id(), beto.student());
        sessions.archive(s.id());
        cleanup.ended(ana.student());   // their browser sessions end (idle timeout): the real cleanup runs
        cleanup.ended(beto.student());
        Path anaFile = dataDir.resolve("models").resolve(ana.student().folderName()).resolve(anas + ".cnnlab");
        Path betoFile = dataDir.resolve("models").resolve(beto.student().folderName()).resolve(betos + ".cnnlab");
        assertThat(anaFile).exists();
        assertThat(betoFile).exists();

        List<SavedWorkAdmin.StudentWork> work = savedWork.savedWork(s.id());
        assertThat(work).extracting(SavedWorkAdmin.StudentWork::nickname).containsExactly("Ana", "Beto");
        assertThat(work.get(0).models()).extracting(ModelStore.Saved::name).containsExactly("de Ana");
        assertThat(work.get(0).designs()).containsExactly("LeNet de Ana");
        assertThat(work.get(1).models()).extracting(ModelStore.Saved::name).containsExactly("de Beto");
        Map<String, byte[]> zipped = new TreeMap<>();
        var bytes = new ByteArrayOutputStream();
        savedWork.writeSavedWorkZip(s.id(), bytes);
        try (var zip = new ZipInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            for (var e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) zipped.put(e.getName(), zip.readAllBytes());
        }
        assertThat(zipped.keySet()).containsExactly("Ana/designs/LeNet-de-Ana.json", "Ana/models/de-Ana-" + anas + ".cnnlab",
                "Beto/models/de-Beto-" + betos + ".cnnlab");
        assertThat(zipped.get("Ana/models/de-Ana-" + anas + ".cnnlab")).isEqualTo(Files.readAllBytes(anaFile));
        assertThat(new String(zipped.get("Ana/designs/LeNet-de-Ana.json"), StandardCharsets.UTF_8)).contains("conv2d");

        savedWork.deleteSavedWork(s.id(), beto.student());   // only when the instructor says so
        assertThat(betoFile).doesNotExist();
        assertThat(anaFile).exists();
        assertThat(savedWork.savedWork(s.id())).extracting(SavedWorkAdmin.StudentWork::nickname).containsExactly("Ana");
    }

    static ClassRoom.Submission kernelEntry() {
        return new ClassRoom.Submission(ClassRoom.Submission.Kind.KERNEL, "Kernel 3×3", "-1 0 1; -2 0 2; -1 0 1", PNG, null);
    }

    // --- "class members only" and the anonymous caps per address ---

    @Autowired ClientAddresses addresses;

    /** What a refused request says, or "" when it was let through (and any other refusal's key otherwise). */
    private static String refusal(Runnable request) {
        try {
            request.run();
            return "";
        } catch (InvalidInputException e) {
            return e.messageKey();
        }
    }

    @Test
    void with_class_members_only_on_only_approved_members_train_or_upload_until_it_is_off_or_the_session_archived() throws Exception {
        ClassSession s = newClass(false);
        ClassSession approving = newClass(true);
        var ana = join(s, "Ana");
        var waiting = join(approving, "Wanda");
        StudentId stranger = StudentId.random();
        addresses.record(stranger, "192.0.2.40");
        try {
            assertThat(sessions.membersOnly(s.id(), true).membersOnly()).isTrue();
            assertThat(sessions.session(s.id()).membersOnly()).isTrue();   // kept in the database, where every node reads it
            assertThat(heard).anyMatch(e -> e instanceof ClassEvent.DashboardChanged d && d.classId() == s.id());
            assertThat(refusal(() -> training.submit(TinyRuns.request(stranger)))).isEqualTo("class.membersOnly.join");
            assertThat(refusal(() -> models.upload(stranger, new byte[] {1, 2, 3}))).isEqualTo("class.membersOnly.join");
            assertThat(refusal(() -> training.submit(TinyRuns.request(waiting.student())))).isEqualTo("class.membersOnly.waiting");
            assertThat(TinyRuns.train(training, ana.student()).state()).isEqualTo(TrainingProgress.State.DONE);
            roster.approve(approving.id(), waiting.student());
            assertThat(TinyRuns.train(training, waiting.student()).state()).isEqualTo(TrainingProgress.State.DONE);

            sessions.membersOnly(s.id(), false);
            assertThat(TinyRuns.train(training, stranger).state()).isEqualTo(TrainingProgress.State.DONE);
            sessions.membersOnly(s.id(), true);
            sessions.archive(s.id());   // a closed class no longer keeps anyone out
            assertThat(TinyRuns.train(training, stranger).state()).isEqualTo(TrainingProgress.State.DONE);
        } finally {
            sessions.archive(s.id());
        }
    }

    @Test
    void anonymous_students_share_their_addresss_training_jobs_while_a_member_behind_it_has_their_own() {
        ClassSession s = newClass(false);
        var member = join(s, "Memo");
        List<StudentId> hall = new ArrayList<>();
        for (int i = 0; i < 3; i++) hall.add(StudentId.random());
        StudentId elsewhere = StudentId.random();
        hall.forEach(a -> addresses.record(a, "198.51.100.7"));
        addresses.record(member.student(), "198.51.100.7");
        addresses.record(elsewhere, "198.51.100.8");
        List<Runnable> cancel = new ArrayList<>();
        training.holdQueue(true);   // the jobs wait, so they count
        try {
            for (StudentId a : hall.subList(0, 2)) {
                long id = training.submit(TinyRuns.request(a)).jobId();
                cancel.add(() -> training.cancel(a, id));
            }
            assertThat(refusal(() -> training.submit(TinyRuns.request(hall.get(2))))).isEqualTo("training.error.busyAddress");
            for (StudentId other : List.of(elsewhere, member.student())) {
                long id = training.submit(TinyRuns.request(other)).jobId();
                cancel.add(() -> training.cancel(other, id));
            }
            cancel.getFirst().run();   // one of the address's jobs is stopped: its place is free again
            long id = training.submit(TinyRuns.request(hall.get(2))).jobId();
            cancel.add(() -> training.cancel(hall.get(2), id));
        } finally {
            cancel.forEach(Runnable::run);
            training.holdQueue(false);
        }
    }

    @Test
    void anonymous_uploads_from_one_address_are_counted_a_minute_and_a_members_are_not() {
        var member = join(newClass(false), "Uli");
        StudentId one = StudentId.random();
        StudentId two = StudentId.random();
        addresses.record(one, "203.0.113.77");
        addresses.record(two, "203.0.113.77");
        addresses.record(member.student(), "203.0.113.77");
        byte[] notAModel = {1, 2, 3};
        int refusedNotAModel = 0;
        String last = "";
        for (int i = 0; i < 40 && !last.equals("class.anonymous.wait"); i++) {
            last = refusal(() -> models.upload(one, notAModel));
            if (!last.equals("class.anonymous.wait")) refusedNotAModel++;
        }
        assertThat(last).isEqualTo("class.anonymous.wait");
        assertThat(refusedNotAModel).isEqualTo(30);   // cnnlab.anonymous.requests-per-minute
        assertThat(refusal(() -> models.upload(two, notAModel))).isEqualTo("class.anonymous.wait");   // another session, the same address
        assertThat(refusal(() -> models.upload(member.student(), notAModel))).isNotEqualTo("class.anonymous.wait").isNotEmpty();
    }
}
