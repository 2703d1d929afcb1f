package org.cnnlab.classroom;

import jakarta.annotation.security.RolesAllowed;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.cnnlab.base.ClassEvent;
import org.cnnlab.base.ClassEvents;
import org.cnnlab.base.InvalidInputException;
import org.cnnlab.base.StudentId;
import org.cnnlab.base.StudentState;
import org.cnnlab.models.ModelStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the students of a class session saved on the server (models, network designs, kernels): the
 * list, all of it as one ZIP, and deleting one student's. Archiving a session or removing a student
 * never deletes it; only {@link #deleteSavedWork} does, on purpose. Every method needs the instructor
 * role (Spring method security), whichever page or thread calls it.
 */
@Service
@RolesAllowed(Instructors.ROLE)
public class SavedWorkAdmin {
    private static final Logger LOG = LoggerFactory.getLogger(SavedWorkAdmin.class);
    private static final String DESIGNS = "network";
    private static final String KERNELS = "kernel";
    private final MemberTable members;
    private final SavedWorkTable saved;
    private final ModelStore models;
    private final List<StudentState> states;
    private final ClassEvents events;

    public SavedWorkAdmin(MemberTable members, SavedWorkTable saved, ModelStore models, List<StudentState> states, ClassEvents events) {
        this.members = members;
        this.saved = saved;
        this.models = models;
        this.states = states;
        this.events = events;
    }

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

    /**
     * Everything {@link #savedWork} lists, as one ZIP written to {@code out}: per student (a folder
     * named for the nickname) {@code models/<name>-<id>.cnnlab} (the file a student downloads and can
     * upload again), {@code designs/<name>.json} (the builder's import format) and {@code kernels/<name>.txt}.
     */
    public void writeSavedWorkZip(long classId, OutputStream out) throws IOException {
        Set<String> folders = new HashSet<>();
        ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8);   // out stays open: the caller's
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
            Set<String> names = new HashSet<>();   // two names may look alike as file names
            for (var d : contents.getOrDefault(DESIGNS, Map.of()).entrySet()) {
                entry(zip, unique(names, folder + "/designs/" + safe(d.getKey(), "design"), ".json"), d.getValue().getBytes(StandardCharsets.UTF_8));
            }
            for (var k : contents.getOrDefault(KERNELS, Map.of()).entrySet()) {
                entry(zip, unique(names, folder + "/kernels/" + safe(k.getKey(), "kernel"), ".txt"), k.getValue().getBytes(StandardCharsets.UTF_8));
            }
        }
        zip.finish();
        zip.flush();
    }

    private static String unique(Set<String> used, String stem, String extension) {
        String name = stem + extension;
        for (int i = 2; !used.add(name); i++) name = stem + "-" + i + extension;
        return name;
    }

    private static void entry(ZipOutputStream zip, String name, byte[] bytes) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
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
        if (!members.isMember(classId, student, false)) throw new InvalidInputException("class.notMember");   // removed students too
        models.forget(student);
        saved.delete(student);
        states.stream().filter(state -> state != models).forEach(state -> state.release(student));   // their lists in memory
        LOG.info("The instructor deleted the saved work of student {} of class {}", student.value(), classId);
        events.publish(new ClassEvent.DashboardChanged(classId));
    }
}
