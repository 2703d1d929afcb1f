package org.cnnlab.models;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.cnnlab.base.ClassRoom;
import org.cnnlab.base.InvalidInputException;
import org.cnnlab.base.StudentId;
import org.cnnlab.base.StudentState;
import org.cnnlab.network.NetworkLimits;
import org.cnnlab.network.ShapeInference;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * Every saved model goes through here: one {@link ModelFile} per model under
 * {@code <cnnlab.data-dir>/models/<student>/}, written to a temporary file, forced to the disk and
 * moved into place, so a crash or a power cut never leaves half a model; temporary files a crash left
 * behind are deleted at start. The list of a student's models is kept in memory; the parameters stay
 * on disk until a model is used. An anonymous student's models go when their session ends; a class
 * member's stay (also when their class is archived or they are removed) until the instructor deletes them.
 */
@Service
public class ModelStore implements StudentState {

    /** A saved model as the list shows it; the parameters stay on disk. */
    public record Saved(String id, String name, Instant savedAt, List<String> classes, long trainable, TrainingRecord record) {
    }

    private final Path root;
    private final ModelLimits limits;
    private final ModelRunner runner;
    private final ShapeInference inference;
    private final Map<StudentId, List<Saved>> saved = new ConcurrentHashMap<>();
    private final ClassRoom classRoom;   // who may upload ("class members only"); null: everyone

    public ModelStore(Path dataDir, ModelLimits limits, ModelRunner runner, NetworkLimits networkLimits) {
        this(dataDir, limits, runner, networkLimits, (ClassRoom) null);
    }

    @Autowired
    public ModelStore(@Value("${cnnlab.data-dir}") Path dataDir, ModelLimits limits, ModelRunner runner, NetworkLimits networkLimits,
                      ObjectProvider<ClassRoom> classRoom) {
        this(dataDir, limits, runner, networkLimits, classRoom.getIfAvailable());
    }

    private ModelStore(Path dataDir, ModelLimits limits, ModelRunner runner, NetworkLimits networkLimits, ClassRoom classRoom) {
        this.classRoom = classRoom;
        this.root = dataDir.resolve("models");
        this.limits = limits;
        this.runner = runner;
        this.inference = new ShapeInference(networkLimits);
        AtomicFiles.removeOrphans(root, PART);
        AtomicFiles.removeOrphans(root.getParent().resolve("shared"), PART);
    }

    private static final String PART = ".part";

    public ModelLimits limits() {
        return limits;
    }

    /** Saves a model under a name the student chose (blank: the network's name). */
    public Saved save(StudentId student, TrainedModel model, String name) {
        String clean = name == null ? "" : name.strip();
        if (clean.length() > 60) clean = clean.substring(0, 60);
        if (clean.isEmpty()) clean = model.record().network().isEmpty() ? "model" : model.record().network();
        return store(student, new ModelFile.Contents(clean, Instant.now(), model));
    }

    /** Reads an uploaded file, checks it is a whole CNN Lab model that fits its network, and saves it. */
    public Saved upload(StudentId student, byte[] file) {
        if (classRoom != null) classRoom.admit(student, ClassRoom.Costly.UPLOAD);   // before the file is read
        ModelFile.Contents contents = ModelFile.read(file, limits.maxFileBytes());
        runner.check(contents.model());
        return store(student, contents);
    }

    /** The student's models, oldest first (read from their folder the first time: a class member's survive restarts). */
    public List<Saved> list(StudentId student) {
        return List.copyOf(saved.computeIfAbsent(student, this::scan));
    }

    private List<Saved> scan(StudentId student) {
        List<Saved> found = new ArrayList<>();
        if (!Files.isDirectory(folder(student))) return found;
        try (var files = Files.list(folder(student))) {
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith(ModelFile.EXTENSION)).toList()) {
                String name = file.getFileName().toString();
                try {
                    ModelFile.Contents c = ModelFile.read(Files.readAllBytes(file), limits.maxFileBytes());
                    TrainedModel m = c.model();
                    found.add(new Saved(name.substring(0, name.length() - ModelFile.EXTENSION.length()), c.name(), c.savedAt(), m.classes(),
                            inference.analyse(m.network()).trainable(), m.record()));
                } catch (IOException | RuntimeException e) {
                    // a file this version cannot read is left alone, not listed
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        found.sort(Comparator.comparing(Saved::savedAt));
        return found;
    }

    public TrainedModel load(StudentId student, String id) {
        return ModelFile.read(file(student, id), limits.maxFileBytes()).model();
    }

    /** The model as the one file a student downloads. */
    public byte[] file(StudentId student, String id) {
        find(student, id);
        try {
            return Files.readAllBytes(path(student, id));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A file name for the download: the model's name in safe characters, with our extension. */
    public String fileName(StudentId student, String id) {
        String name = find(student, id).name().replaceAll("[^\\p{L}\\p{N}._-]+", "-");
        return (name.isEmpty() ? "model" : name) + ModelFile.EXTENSION;
    }

    public void delete(StudentId student, String id) {
        Saved s = find(student, id);
        saved.computeIfPresent(student, (k, list) -> {
            List<Saved> copy = new ArrayList<>(list);
            copy.remove(s);
            return copy.isEmpty() ? null : copy;
        });
        try {
            Files.deleteIfExists(path(student, id));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A model the app itself owns (not a student's): written atomically under {@code <data-dir>/shared/}. */
    public void writeShared(String name, TrainedModel model) {
        Path target = root.getParent().resolve("shared").resolve(name + ModelFile.EXTENSION);
        try {
            AtomicFiles.write(target, ModelFile.write(new ModelFile.Contents(name, Instant.now(), model)), PART);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The app's own model of that name, if it was written before (a damaged file counts as none). */
    public Optional<TrainedModel> readShared(String name) {
        Path file = root.getParent().resolve("shared").resolve(name + ModelFile.EXTENSION);
        if (!Files.isRegularFile(file)) return Optional.empty();
        try {
            TrainedModel model = ModelFile.read(Files.readAllBytes(file), limits.maxFileBytes()).model();
            runner.check(model);
            return Optional.of(model);
        } catch (IOException | InvalidInputException e) {
            return Optional.empty();
        }
    }

    @Override
    public void forget(StudentId student) {
        for (Saved s : list(student)) delete(student, s.id());
        try {
            Files.deleteIfExists(folder(student));
        } catch (IOException e) {
            // not empty (a save in flight) or already gone: the next forget tidies it
        }
    }

    /** A class member's saved models stay on disk for when they come back; only the list in memory goes. */
    @Override
    public void release(StudentId student) {
        saved.remove(student);
    }

    private Saved store(StudentId student, ModelFile.Contents contents) {
        if (list(student).size() >= limits.maxPerStudent()) {
            throw new InvalidInputException("models.error.tooMany", limits.maxPerStudent());
        }
        byte[] bytes = ModelFile.write(contents);
        if (bytes.length > limits.maxFileBytes()) {
            throw new InvalidInputException("models.error.tooLarge", bytes.length / (1024 * 1024), limits.maxFileBytes() / (1024 * 1024));
        }
        String id = UUID.randomUUID().toString().substring(0, 8);
        Path target = path(student, id);
        try {
            AtomicFiles.write(target, bytes, PART);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        TrainedModel m = contents.model();
        Saved s = new Saved(id, contents.name(), contents.savedAt(), m.classes(), inference.analyse(m.network()).trainable(), m.record());
        saved.compute(student, (k, list) -> {
            List<Saved> copy = new ArrayList<>(list == null ? scan(student) : list);
            if (copy.stream().noneMatch(x -> x.id().equals(s.id()))) copy.add(s);
            return copy;
        });
        return s;
    }

    private Saved find(StudentId student, String id) {
        return list(student).stream().filter(s -> s.id().equals(id)).findFirst()
                .orElseThrow(() -> new InvalidInputException("models.error.unknown"));
    }

    private Path folder(StudentId student) {
        return root.resolve(student.folderName());
    }

    private Path path(StudentId student, String id) {
        return folder(student).resolve(id + ModelFile.EXTENSION);
    }
}
