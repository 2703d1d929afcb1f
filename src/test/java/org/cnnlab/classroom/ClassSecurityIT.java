package org.cnnlab.classroom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.annotation.security.RolesAllowed;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.cnnlab.base.StudentId;
import org.cnnlab.models.ModelStore;
import org.cnnlab.training.TrainingProgress;
import org.cnnlab.training.TrainingService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.aop.support.AopUtils;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Who may do what: every instructor page and every instructor action refused anonymously and to a
 * student; health open, metrics closed; passwords hashed and changed only with the current one; and
 * a student's ids (jobs, saved models) useless in another student's hands.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"vaadin.productionMode=true", "cnnlab.classroom.instructor-password=correct-horse-battery"})
class ClassSecurityIT {

    @LocalServerPort int port;
    @Autowired ApplicationContext context;
    @Autowired JdbcClient db;
    @Autowired PasswordEncoder encoder;
    @Autowired TrainingService training;
    @Autowired ModelStore models;

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @AfterEach
    void clear() {
        SecurityContextHolder.clearContext();
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void instructor_pages_send_an_anonymous_visitor_to_the_login() throws Exception {
        for (String page : List.of("/clase", "/clase/galeria", "/clase/contrasena")) {
            HttpResponse<String> r = get(page);
            assertThat(r.statusCode()).as(page).isEqualTo(302);
            assertThat(r.headers().firstValue("Location").orElse("")).as(page).endsWith("/login");
        }
        assertThat(get("/convolucion").statusCode()).isEqualTo(200);
        assertThat(get("/unirse").statusCode()).isEqualTo(200);
    }

    @Test
    void actuator_shows_health_to_everyone_and_metrics_only_to_the_instructor() throws Exception {
        assertThat(get("/actuator/health").body()).contains("\"status\":\"UP\"");
        HttpResponse<String> metrics = get("/actuator/metrics");
        assertThat(metrics.statusCode()).isIn(302, 401, 403);
        assertThat(metrics.body()).doesNotContain("jvm.memory");
    }

    /** The instructor's services, one per part of the dashboard; every public method of each is an instructor action. */
    private static final List<Class<?>> INSTRUCTOR_SERVICES = List.of(ClassSessions.class, Roster.class, SavedWorkAdmin.class,
            TeachingControls.class, Polls.class, Gallery.class, QueueAdmin.class, ClassExports.class);

    /** The list above is every bean of the class server that asks for a role: a new instructor service is tested here too. */
    @Test
    void the_instructor_services_are_the_class_servers_beans_that_ask_for_the_instructor_role() {
        List<Class<?>> guarded = context.getBeansWithAnnotation(RolesAllowed.class).values().stream()
                .<Class<?>>map(AopUtils::getTargetClass).filter(c -> c.getPackageName().equals(ClassSessions.class.getPackageName())).toList();
        assertThat(guarded).containsExactlyInAnyOrderElementsOf(INSTRUCTOR_SERVICES);
        for (Class<?> service : INSTRUCTOR_SERVICES) {
            assertThat(service.getAnnotation(RolesAllowed.class).value()).as(service.getSimpleName()).containsExactly(Instructors.ROLE);
        }
    }

    /** Every public instructor action of every instructor service, with whatever arguments: refused before it runs. */
    @Test
    void every_instructor_action_is_refused_anonymously_and_to_a_student() throws Exception {
        int all = 0;
        for (Class<?> service : INSTRUCTOR_SERVICES) {
            Object bean = context.getBean(service);
            Method[] actions = Arrays.stream(service.getDeclaredMethods())
                    .filter(m -> Modifier.isPublic(m.getModifiers()) && !m.isSynthetic()).toArray(Method[]::new);
            assertThat(actions).as(service.getSimpleName()).isNotEmpty();
            for (Method action : actions) {
                String name = service.getSimpleName() + "." + action.getName();
                SecurityContextHolder.clearContext();
                assertThat(call(bean, action)).as(name + " anonymously").isInstanceOf(AuthenticationCredentialsNotFoundException.class);
                SecurityContextHolder.getContext().setAuthentication(new AnonymousAuthenticationToken("student", "anonymousUser",
                        AuthorityUtils.createAuthorityList("ROLE_ANONYMOUS")));
                assertThat(call(bean, action)).as(name + " as a student").isInstanceOf(AccessDeniedException.class);
            }
            all += actions.length;
        }
        assertThat(all).isGreaterThan(25);
    }

    private Throwable call(Object service, Method action) {
        Object[] args = Arrays.stream(action.getParameterTypes()).map(t -> t == long.class ? 1L : t == int.class ? 1 : t == float.class ? 0f
                : t == boolean.class ? Boolean.TRUE : null).toArray();
        try {
            action.invoke(service, args);
            return null;
        } catch (InvocationTargetException e) {
            return e.getCause();
        } catch (IllegalAccessException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void the_password_is_stored_as_a_bcrypt_hash_and_changed_only_with_the_current_one() {
        String name = "it-" + UUID.randomUUID().toString().substring(0, 8);
        ClassroomLimits limits = limits(name, "first-password-1", false);
        Instructors instructors = new Instructors(db, encoder, limits);
        String hash = instructors.loadUserByUsername(name).getPassword();
        assertThat(hash).startsWith("$2").doesNotContain("first-password-1");
        assertThat(instructors.mustChangePassword(name)).isFalse();
        assertThatThrownBy(() -> instructors.changePassword(name, "wrong", "second-password-2", "second-password-2")).hasMessageContaining("class.password.wrong");
        assertThatThrownBy(() -> instructors.changePassword(name, "first-password-1", "short", "short")).hasMessageContaining("class.password.short");
        assertThatThrownBy(() -> instructors.changePassword(name, "first-password-1", "second-password-2", "second-password-3")).hasMessageContaining("class.password.mismatch");
        instructors.changePassword(name, "first-password-1", "second-password-2", "second-password-2");
        assertThat(encoder.matches("second-password-2", instructors.loadUserByUsername(name).getPassword())).isTrue();
        assertThatThrownBy(() -> new Instructors(db, encoder, limits(name, "short", false))).isInstanceOf(IllegalStateException.class);
    }

    /** An account's settings as configuration gives them; every limit at its default. */
    static ClassroomLimits limits(String name, String password, boolean reset) {
        return new ClassroomLimits(name, password, reset, 0, 0, 0, 0, 0, 0, 0, 0, 0, null);
    }

    /**
     * The configured password sets the account; once the instructor changes it on the password page,
     * that one wins over the configuration at every start (a warning says so), until the operator
     * asks for the configured one with cnnlab.classroom.instructor-password-reset.
     */
    @Test
    void a_password_changed_on_the_password_page_survives_a_restart_with_the_configured_one() {
        String name = "it-" + UUID.randomUUID().toString().substring(0, 8);
        Instructors instructors = new Instructors(db, encoder, limits(name, "configured-password-1", false));
        instructors.changePassword(name, "configured-password-1", "changed-on-the-page-2", "changed-on-the-page-2");
        new Instructors(db, encoder, limits(name, "configured-password-1", false));   // a restart with the same configuration
        assertThat(encoder.matches("changed-on-the-page-2", instructors.loadUserByUsername(name).getPassword())).isTrue();
        new Instructors(db, encoder, limits(name, "configured-password-3", false));   // nor does another configured one undo it
        assertThat(encoder.matches("changed-on-the-page-2", instructors.loadUserByUsername(name).getPassword())).isTrue();
        new Instructors(db, encoder, limits(name, "configured-password-3", true));    // the operator resets it on purpose
        assertThat(encoder.matches("configured-password-3", instructors.loadUserByUsername(name).getPassword())).isTrue();
        new Instructors(db, encoder, limits(name, "configured-password-4", false));   // never changed on the page since: configuration rules
        assertThat(encoder.matches("configured-password-4", instructors.loadUserByUsername(name).getPassword())).isTrue();
    }

    @Test
    void without_a_configured_password_a_new_account_gets_a_one_time_password_that_must_be_replaced() {
        String name = "it-" + UUID.randomUUID().toString().substring(0, 8);
        Instructors instructors = new Instructors(db, encoder, limits(name, "", false));
        assertThat(instructors.mustChangePassword(name)).isTrue();
        String hash = instructors.loadUserByUsername(name).getPassword();
        new Instructors(db, encoder, limits(name, "", false));   // a restart keeps it: no second password
        assertThat(instructors.loadUserByUsername(name).getPassword()).isEqualTo(hash);
    }

    @Test
    void a_students_job_and_saved_model_ids_are_useless_to_another_student() throws Exception {
        StudentId owner = StudentId.random();
        StudentId guesser = StudentId.random();
        TrainingProgress job = TinyRuns.train(training, owner);
        assertThat(job.state()).isEqualTo(TrainingProgress.State.DONE);
        assertThat(training.trained(guesser, job.jobId())).isEmpty();
        training.cancel(guesser, job.jobId());
        training.pause(guesser, job.jobId(), true);
        assertThat(training.progress(job.jobId()).state()).isEqualTo(TrainingProgress.State.DONE);
        ModelStore.Saved saved = models.save(owner, training.trained(owner, job.jobId()).orElseThrow(), "mío");
        assertThatThrownBy(() -> models.load(guesser, saved.id())).isInstanceOf(RuntimeException.class);
        assertThatThrownBy(() -> models.file(guesser, saved.id())).isInstanceOf(RuntimeException.class);
        assertThatThrownBy(() -> models.delete(guesser, saved.id())).hasMessageContaining("models.error.unknown");
        assertThat(models.list(owner)).extracting(ModelStore.Saved::id).contains(saved.id());
        assertThat(models.list(guesser)).isEmpty();
        models.forget(owner);
    }
}
