package org.cnnlab.inspection;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.pytorch.jni.IValueUtils;
import ai.djl.pytorch.jni.JniUtils;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.cnnlab.base.InvalidInputException;
import org.cnnlab.base.StudentId;
import org.cnnlab.base.StudentState;
import org.cnnlab.network.TensorShape;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * TorchScript models for the inspection page. An instructor puts {@code .pt} files in
 * {@code <data-dir>/shared/torchscript/} and every student gets them; a student may also upload one
 * for themselves (kept under the data directory until their session ends). Each file is checked
 * before it is offered: it must be a TorchScript archive, load, and turn an all-zero input of its
 * shape into one finite row of class scores.
 *
 * <p>What a file does not say is read from a {@code cnnlab.json} inside it (saved with
 * {@code torch.jit.save(m, f, _extra_files={"cnnlab.json": ...})}) or beside it
 * ({@code <name>.pt.json}): {@code {"input": [C, H, W], "classes": [...]}}. Without it the input is
 * 3×224×224 (ImageNet) and the classes are numbered.
 */
@Service
public class TorchScriptModels implements StudentState {
    private static final Logger LOG = LoggerFactory.getLogger(TorchScriptModels.class);
    public static final String EXTENSION = ".pt";
    public static final TensorShape DEFAULT_INPUT = TensorShape.image(3, 224, 224);

    private final Path shared;
    private final Path students;
    private final TorchScriptLimits limits;
    private final OpenNetworks kept;
    private final Map<String, Checked> checked = new ConcurrentHashMap<>();   // by file path; a changed file is checked again
    private final Map<StudentId, List<TorchScriptModel>> own = new ConcurrentHashMap<>();

    /** The outcome of checking a shared file: its model, or the key of its refusal (logged once). */
    private record Checked(long modified, long size, TorchScriptModel model, String refusal) {
    }

    public TorchScriptModels(Path dataDir, TorchScriptLimits limits) {
        this(dataDir, limits, null);
    }

    @Autowired
    public TorchScriptModels(@Value("${cnnlab.data-dir}") Path dataDir, TorchScriptLimits limits, OpenNetworks kept) {
        this.kept = kept;
        this.shared = dataDir.resolve("shared").resolve("torchscript");
        this.students = dataDir.resolve("torchscript");
        this.limits = limits;
        deleteTree(students);   // uploads last for a session; a restart ends every session
    }

    public TorchScriptLimits limits() {
        return limits;
    }

    /** The instructor's files (those that pass the check) and then the student's own uploads. */
    public List<TorchScriptModel> list(StudentId student) {
        List<TorchScriptModel> out = new ArrayList<>();
        if (Files.isDirectory(shared)) {
            try (var files = Files.list(shared)) {
                for (Path f : files.filter(p -> p.getFileName().toString().endsWith(EXTENSION)).sorted().toList()) {
                    TorchScriptModel m = sharedModel(f);
                    if (m != null) out.add(m);
                }
            } catch (IOException e) {
                LOG.warn("cannot list {}: {}", shared, e.toString());
            }
        }
        out.addAll(own.getOrDefault(student, List.of()));
        return out;
    }

    public TorchScriptModel find(StudentId student, String id) {
        return list(student).stream().filter(m -> m.id().equals(id)).findFirst().orElseThrow(() -> new InvalidInputException("models.error.unknown"));
    }

    /** A file in the shared folder, checked once per version of it; null (and a log line) when it does not pass. */
    private TorchScriptModel sharedModel(Path file) {
        long modified;
        long size;
        try {
            modified = Files.getLastModifiedTime(file).toMillis();
            size = Files.size(file);
        } catch (IOException e) {
            return null;
        }
        Checked c = checked.get(file.toString());
        if (c != null && c.modified == modified && c.size == size) return c.model;
        String name = file.getFileName().toString();
        try {
            if (size > limits.maxFileBytes()) throw new InvalidInputException("torchscript.error.tooLarge", size / (1024 * 1024), limits.maxFileBytes() / (1024 * 1024));
            Path sidecar = file.resolveSibling(name + ".json");
            byte[] meta = Files.isRegularFile(sidecar) ? Files.readAllBytes(sidecar) : null;
            TorchScriptModel m = check("shared:" + name, name.substring(0, name.length() - EXTENSION.length()), file, meta);
            checked.put(file.toString(), new Checked(modified, size, m, null));
            return m;
        } catch (InvalidInputException | IOException e) {
            String key = e instanceof InvalidInputException invalid ? invalid.messageKey() : e.toString();
            LOG.warn("TorchScript file {} is not offered: {}", file, key);
            checked.put(file.toString(), new Checked(modified, size, null, key));
            return null;
        }
    }

    /** A student's upload: checked, kept under the data directory, offered to that student only. */
    public TorchScriptModel upload(StudentId student, String fileName, byte[] bytes) {
        if (!limits.studentUploads()) throw new InvalidInputException("torchscript.error.uploadsOff");
        if (bytes.length > limits.maxFileBytes()) {
            throw new InvalidInputException("torchscript.error.tooLarge", bytes.length / (1024 * 1024), limits.maxFileBytes() / (1024 * 1024));
        }
        if (own.getOrDefault(student, List.of()).size() >= limits.maxPerStudent()) {
            throw new InvalidInputException("torchscript.error.tooMany", limits.maxPerStudent());
        }
        String name = fileName == null || fileName.isBlank() ? "model" : fileName.strip();
        if (name.endsWith(EXTENSION)) name = name.substring(0, name.length() - EXTENSION.length());
        if (name.length() > 60) name = name.substring(0, 60);
        String id = UUID.randomUUID().toString().substring(0, 8);
        Path target = folder(student).resolve(id + EXTENSION);
        Path partial = null;
        try {
            Files.createDirectories(target.getParent());
            partial = Files.createTempFile(target.getParent(), id, ".part");
            Files.write(partial, bytes);
            Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
            TorchScriptModel m = check("own:" + id, name, target, null);
            boolean[] kept = new boolean[1];
            own.compute(student, (k, list) -> {   // the quota, checked again where it is changed
                List<TorchScriptModel> both = new ArrayList<>(list == null ? List.of() : list);
                if (both.size() >= limits.maxPerStudent()) return list;
                both.add(m);
                kept[0] = true;
                return List.copyOf(both);
            });
            if (!kept[0]) throw new InvalidInputException("torchscript.error.tooMany", limits.maxPerStudent());
            return m;
        } catch (IOException e) {
            LOG.warn("cannot keep an uploaded TorchScript file: {}", e.toString());
            delete(target);
            if (partial != null) delete(partial);
            throw new InvalidInputException("torchscript.error.save");
        } catch (RuntimeException e) {
            delete(target);
            throw e;
        }
    }

    @Override
    public void forget(StudentId student) {
        List<TorchScriptModel> gone = own.remove(student);
        if (gone != null) for (TorchScriptModel m : gone) delete(m.file());
        delete(folder(student));
    }

    /**
     * Reads the file's description and opens it once: an archive that is not TorchScript, a file the
     * engine refuses, an input it cannot take, an output that is not one row of scores, or scores
     * that are not numbers are each refused with their own message.
     */
    TorchScriptModel check(String id, String name, Path file, byte[] sidecar) {
        TorchScriptFile.Meta meta = TorchScriptFile.meta(sidecar != null ? sidecar : TorchScriptFile.archiveEntry(file), limits.maxInputSide());
        TensorShape input = meta.input();
        List<String> classes = meta.classes();
        if ((input.channels() != 1 && input.channels() != 3) || input.height() < 1 || input.width() < 1 || input.height() > limits.maxInputSide() || input.width() > limits.maxInputSide()) {
            throw new InvalidInputException("torchscript.error.meta", limits.maxInputSide());
        }
        boolean featureMaps;
        long scores;
        try (TorchScriptModel.Loaded loaded = TorchScriptModel.load(file)) {
            featureMaps = Arrays.asList(JniUtils.getMethodNames(loaded.block())).contains(TorchScriptModel.FEATURE_MAPS);
            try (NDManager scope = loaded.manager().newSubManager()) {
                NDArray zero = scope.zeros(new Shape(1, input.channels(), input.height(), input.width()));
                NDList outputs;
                try {
                    outputs = IValueUtils.forward(loaded.block(), new NDList(zero), false);
                } catch (RuntimeException e) {
                    throw new InvalidInputException("torchscript.error.input", input.toString());
                }
                if (outputs.size() != 1) throw new InvalidInputException("torchscript.error.output");
                NDArray z = outputs.head();
                if (z.getShape().dimension() != 2 || z.getShape().get(0) != 1) throw new InvalidInputException("torchscript.error.output");
                for (float v : z.toFloatArray()) if (!Float.isFinite(v)) throw new InvalidInputException("torchscript.error.numeric");
                scores = z.getShape().get(1);
                if (featureMaps) {
                    try {
                        TorchScriptModel.featureMaps(loaded.block(), zero);
                    } catch (RuntimeException e) {
                        throw new InvalidInputException("torchscript.error.featureMaps");
                    }
                }
            }
        } catch (InvalidInputException e) {
            throw e;
        } catch (RuntimeException e) {   // the engine's refusal of the file
            throw new InvalidInputException("torchscript.error.file");
        }
        if (classes == null) {
            classes = new ArrayList<>();
            for (int i = 0; i < scores; i++) classes.add(Integer.toString(i));
        } else if (classes.size() != scores) {
            throw new InvalidInputException("torchscript.error.classes", scores, classes.size());
        }
        return new TorchScriptModel(id, name, file, List.copyOf(classes), input, featureMaps, kept);
    }

    private Path folder(StudentId student) {
        return students.resolve(student.folderName());
    }

    private static void deleteTree(Path root) {
        if (!Files.isDirectory(root)) return;
        try (var all = Files.walk(root)) {
            all.sorted(Comparator.reverseOrder()).forEach(TorchScriptModels::delete);
        } catch (IOException e) {
            LOG.debug("cannot clear {}: {}", root, e.toString());
        }
    }

    private static void delete(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException e) {
            LOG.debug("cannot delete {}: {}", p, e.toString());
        }
    }
}
