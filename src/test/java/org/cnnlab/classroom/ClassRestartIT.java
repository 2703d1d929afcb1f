package org.cnnlab.classroom;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import org.cnnlab.CnnLabApplication;
import org.cnnlab.base.ClassRoom;
import org.cnnlab.base.StudentId;
import org.cnnlab.base.StudentState;
import org.cnnlab.models.ModelStore;
import org.cnnlab.network.NetworkDesignService;
import org.cnnlab.network.NetworkPresets;
import org.cnnlab.training.TrainingProgress;
import org.cnnlab.training.TrainingService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Work survives a server restart: the application is started, used, its student's session ended and
 * the application stopped; a second application on the same data directory (a fresh H2 file) knows
 * the class, takes the student back by their cookie, and has their poll answer, gallery entry,
 * saved model and saved network design.
 */
class ClassRestartIT {
    private final Path dataDir = Path.of("target", "test-data-restart", UUID.randomUUID().toString()).toAbsolutePath();

    private ConfigurableApplicationContext start() {
        // as arguments: they outrank the build's cnnlab.data-dir system property, so this test has its own database file
        return new SpringApplicationBuilder(CnnLabApplication.class).run("--server.port=0", "--vaadin.productionMode=true",
                "--cnnlab.data-dir=" + dataDir, "--cnnlab.classroom.instructor-password=restart-password-1");
    }

    @AfterEach
    void clear() {
        SecurityContextHolder.clearContext();
    }

    private static void asInstructor() {
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated("profesor", null,
                List.of(new SimpleGrantedAuthority("ROLE_" + Instructors.ROLE))));
    }

    @Test
    void classes_students_answers_gallery_and_saved_models_survive_a_restart() throws Exception {
        long classId;
        long pollId;
        String token;
        StudentId student;
        String modelId;
        try (ConfigurableApplicationContext first = start()) {
            asInstructor();
            assertThat(dataDir.resolve("db/cnnlab.mv.db")).exists();
            ClassroomService classroom = first.getBean(ClassroomService.class);
            ClassSession s = first.getBean(ClassSessions.class).create("Reinicio", false);
            classId = s.id();
            ClassroomService.Joined joined = classroom.join(s.joinCode(), "Lola", "10.9.9.9");
            token = joined.rejoinToken();
            student = joined.student();
            pollId = first.getBean(Polls.class).openPoll(classId, "¿Cuántos parámetros tiene esta red?", List.of("10", "100"));
            classroom.answer(student, pollId, 1);
            classroom.submit(student, ClassroomContract.kernelEntry());
            modelId = saveTinyModel(first, student);
            NetworkDesignService designs = first.getBean(NetworkDesignService.class);
            designs.usePreset(student, NetworkPresets.LENET5);
            designs.save(student, "LeNet de Lola");
            first.getBeansOfType(StudentState.class).values().forEach(state -> state.release(student));   // the session ended
        }
        try (ConfigurableApplicationContext second = start()) {
            asInstructor();
            ClassroomService classroom = second.getBean(ClassroomService.class);
            assertThat(classroom.rejoin(token)).contains(student);
            assertThat(classroom.membership(student)).get().extracting(ClassRoom.Membership::nickname).isEqualTo("Lola");
            assertThat(second.getBean(Polls.class).polls(classId).getFirst().counts()).containsExactly(0, 1);
            assertThat(second.getBean(Gallery.class).gallery(classId)).singleElement().extracting(Gallery.GalleryEntry::nickname).isEqualTo("Lola");
            ModelStore models = second.getBean(ModelStore.class);
            assertThat(models.list(student)).extracting(ModelStore.Saved::id).containsExactly(modelId);
            assertThat(models.load(student, modelId).classes()).hasSize(5);
            NetworkDesignService designs = second.getBean(NetworkDesignService.class);
            assertThat(designs.loadSaved(student, "LeNet de Lola").spec()).isEqualTo(NetworkPresets.LENET5.spec());
        }
    }

    private static String saveTinyModel(ConfigurableApplicationContext app, StudentId student) throws Exception {
        TrainingProgress job = TinyRuns.train(app.getBean(TrainingService.class), student);
        return app.getBean(ModelStore.class).save(student, app.getBean(TrainingService.class).trained(student, job.jobId()).orElseThrow(), "antes").id();
    }
}
