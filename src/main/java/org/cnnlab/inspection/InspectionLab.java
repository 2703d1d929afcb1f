package org.cnnlab.inspection;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.function.DoubleConsumer;
import org.cnnlab.base.ClassRoom;
import org.cnnlab.base.InvalidInputException;
import org.cnnlab.base.StudentId;
import org.cnnlab.convolution.Kernel;
import org.cnnlab.convolution.PlaygroundService;
import org.cnnlab.dataset.DatasetCatalog;
import org.cnnlab.dataset.LabelledImages;
import org.cnnlab.imaging.PngEncoder;
import org.cnnlab.imaging.SampleImages;
import org.cnnlab.inspection.saliency.GradCam;
import org.cnnlab.inspection.saliency.SaliencyRequest;
import org.cnnlab.models.ModelRef;
import org.cnnlab.models.ModelStore;
import org.cnnlab.models.TrainedModel;
import org.cnnlab.network.Budget;
import org.cnnlab.pretrained.PretrainedService;
import org.cnnlab.training.StudentModels;
import org.cnnlab.training.TrainingProgress;
import org.cnnlab.training.TrainingService;
import org.springframework.stereotype.Service;

/** What the inspection page asks for, in its words: which models the student can open, and what one does with a drawing. */
@Service
public class InspectionLab {

    /**
     * A model to open: where it is ({@link Source}), how the list names it (null for the reference and
     * the pretrained CNN: the page names them), its classes and the layer Grad-CAM looks at (−1: none).
     */
    public record ModelOption(Source source, Name name, List<String> classes, int camLayer) {
        public boolean reference() {
            return source instanceof Source.Reference;
        }

        /** Whether its layers are hidden from Grad-CAM: one opaque module or graph (TorchScript, the pretrained NanoDet). */
        public boolean wholeGraph() {
            return source instanceof Source.TorchScript || source instanceof Source.Pretrained;
        }

        /** Whether the student made or brought it (a run, a saved model, a TorchScript file), not one the server always has. */
        public boolean students() {
            return source instanceof Source.Trained || source instanceof Source.TorchScript;
        }

        /** The same model as {@code other} (another listing of the student's models has new records). */
        public boolean sameAs(ModelOption other) {
            return other != null && source.equals(other.source);
        }
    }

    /** Where a model to open lives. */
    public sealed interface Source {
        /** One of the student's runs or saved models. */
        record Trained(ModelRef ref) implements Source {
        }

        /** A TorchScript file the student uploaded (its id). */
        record TorchScript(String id) implements Source {
        }

        /** The server's reference digit CNN. */
        record Reference() implements Source {
        }

        /** The pretrained NanoDet. */
        record Pretrained() implements Source {
        }
    }

    /**
     * What the page calls a model, as parts it translates: {@code lead} as it is (a run's number, a
     * saved model's name, "TorchScript · file · input"), then the network's and the data set's ids
     * (null when there are none), which the page shows by their translated names, never as enum names.
     */
    public record Name(String lead, String network, String dataset) {
    }

    private final StudentModels models;
    private final TrainingService training;
    private final InspectionService inspection;
    private final SaliencyService saliency;
    private final ShortcutLab shortcut;
    private final DatasetCatalog catalog;
    private final ReferenceModel reference;
    private final PlaygroundService playground;
    private final TorchScriptModels torchScripts;
    private final SampleImages samples;
    private final ClassRoom classRoom;   // who may run saliency and upload ("class members only")
    private final PretrainedService pretrained;
    private final PretrainedSubject pretrainedSubject;

    public InspectionLab(StudentModels models, TrainingService training, InspectionService inspection, SaliencyService saliency, ShortcutLab shortcut,
                         DatasetCatalog catalog, ReferenceModel reference, PlaygroundService playground,
                        TorchScriptModels torchScripts, SampleImages samples, ClassRoom classRoom,
                        PretrainedService pretrained, Budget budget) {
        this.classRoom = classRoom;
        this.pretrained = pretrained;
        this.pretrainedSubject = new PretrainedSubject(pretrained, budget);
        this.torchScripts = torchScripts;
        this.samples = samples;
        this.reference = reference;
        this.playground = playground;
        this.shortcut = shortcut;
        this.catalog = catalog;
        this.models = models;
        this.training = training;
        this.inspection = inspection;
        this.saliency = saliency;
    }

    /** The student's finished runs (newest first), saved models, and the reference model last (null label: the page names it). */
    public List<ModelOption> models(StudentId student) {
        List<ModelOption> options = new ArrayList<>();
        List<TrainingProgress> runs = new ArrayList<>(models.finishedRuns(student));
        Collections.reverse(runs);
        for (TrainingProgress p : runs) {
            ModelRef ref = ModelRef.job(p.jobId());
            TrainedModel m = models.model(student, ref);
            if (!takesImages(m)) continue;   // the representation lesson's point and feature classifiers take no pictures
            options.add(new ModelOption(new Source.Trained(ref), new Name("#" + p.jobId(), p.name(), m.record().dataset()), m.classes(),
                    GradCam.defaultLayer(m.network())));
        }
        for (ModelStore.Saved s : models.saved(student)) {
            ModelRef ref = ModelRef.saved(s.id());
            options.add(new ModelOption(new Source.Trained(ref), new Name(s.name(), s.record().network(), s.record().dataset()), s.classes(),
                    GradCam.defaultLayer(models.model(student, ref).network())));
        }
        for (TorchScriptModel t : torchScripts.list(student)) {
            options.add(new ModelOption(new Source.TorchScript(t.id()), new Name("TorchScript · " + t.name() + " · " + t.input(), null, null), t.classes(),
                    t.camLayer()));
        }
        options.add(new ModelOption(new Source.Reference(), null, DatasetCatalog.DIGITS, GradCam.defaultLayer(ReferenceModel.NETWORK)));
        if (pretrained.available()) options.add(new ModelOption(new Source.Pretrained(), null, pretrainedSubject.classes(), -1));
        return options;
    }

    private static boolean takesImages(TrainedModel m) {
        return m.network().input().height() > 1 && m.network().input().width() > 1;
    }

    /** Whether the reference model is trained; if not, {@link #trainReference} starts it (once for the whole server). */
    public boolean referenceReady() {
        return reference.ready().isPresent();
    }

    public Runnable trainReference(Consumer<TrainingProgress> progress) {
        return reference.train(progress);
    }

    /** Checks a TorchScript file a student uploaded and offers it to that student; the option to select. */
    public ModelOption uploadTorchScript(StudentId student, String fileName, byte[] bytes) {
        classRoom.admit(student, ClassRoom.Costly.UPLOAD);
        TorchScriptModel t = torchScripts.upload(student, fileName, bytes);
        return models(student).stream().filter(o -> o.source().equals(new Source.TorchScript(t.id()))).findFirst().orElseThrow();
    }

    /** Whether students may upload TorchScript files here (cnnlab.torchscript.student-uploads). */
    public boolean torchScriptUploads() {
        return torchScripts.limits().studentUploads();
    }

    public long maxTorchScriptBytes() {
        return torchScripts.limits().maxFileBytes();
    }

    private Subject subject(StudentId student, ModelOption option) {
        return switch (option.source()) {
            case Source.Pretrained p -> pretrainedSubject;
            case Source.TorchScript t -> torchScripts.find(student, t.id());
            case Source.Trained t -> inspection.subject(models.model(student, t.ref()));
            case Source.Reference r -> inspection.subject(referenceModel());
        };
    }

    private TrainedModel referenceModel() {
        return reference.ready().orElseThrow(() -> new InvalidInputException("inspect.error.referenceNotReady"));
    }

    /** The network a run, a saved model or the reference model was trained as (the models one opens layer by layer). */
    private TrainedModel model(StudentId student, ModelOption option) {
        return switch (option.source()) {
            case Source.Trained t -> models.model(student, t.ref());
            case Source.Reference r -> referenceModel();
            case Source.TorchScript t -> throw new IllegalArgumentException("a TorchScript file is not a trained network");
            case Source.Pretrained p -> throw new IllegalArgumentException("the pretrained CNN is not a trained network");
        };
    }

    /**
     * A held-out image of the model's own data set, as a PNG, chosen by {@code seed}: from the test
     * files or fresh shapes, from the counterfactual test for the husky-or-wolf models; none for a
     * student's own classes (their examples are theirs to draw).
     */
    public byte[] example(StudentId student, ModelOption option, long seed) {
        if (option.wholeGraph()) {   // photos for a model trained elsewhere on photos (the pretrained NanoDet, often an ImageNet CNN)
            List<SampleImages.Sample> photos = samples.list().stream().filter(SampleImages.Sample::photo).toList();
            if (photos.isEmpty()) throw new InvalidInputException("inspect.error.noExamples");
            return PngEncoder.encode(samples.load(photos.get((int) Math.floorMod(seed, photos.size())).id()));
        }
        TrainedModel model = model(student, option);
        String dataset = model.record().dataset();
        if (dataset.startsWith("shortcut-")) return shortcut.counterfactualExample(seed);
        if (!catalog.ids().contains(dataset)) throw new InvalidInputException("inspect.error.noExamples");
        LabelledImages one = catalog.test(dataset, model.classes(), 2, seed)
                .orElseGet(() -> catalog.load(dataset, model.classes(), 2, seed));
        return one.png((int) Math.floorMod(seed, one.size()));
    }

    /** Puts a learned filter (its first input channel) into the student's convolution playground. */
    public void openInPlayground(StudentId student, Inspection.Filter filter) {
        playground.useKernel(student, new Kernel(filter.kernel(), filter.weights().clone()), filter.bias());
    }

    public Inspection inspect(StudentId student, ModelOption option, byte[] image) {
        return inspection.inspect(subject(student, option), image);
    }

    /**
     * Starts a saliency map of the student's drawing as a job ({@link SaliencyService#start}): refused at
     * once when its settings or price are out of bounds; {@code progress} hears the fraction done.
     */
    public CompletableFuture<Saliency> saliency(StudentId student, ModelOption option, byte[] image,
                                                                     SaliencyRequest request,
                                                                     DoubleConsumer progress) {
        classRoom.admit(student, ClassRoom.Costly.SALIENCY);   // "class members only"; anonymous requests counted per address
        Subject model = subject(student, option);
        return saliency.start(student, model, inspection.input(model, image), request, progress);
    }

    public List<byte[]> shortcutExamples(int each) {
        return shortcut.examples(each);
    }

    public TrainingProgress trainShortcut(StudentId student, ShortcutLab.Variant variant) {
        return shortcut.train(student, variant);
    }

    public CompletableFuture<ShortcutLab.Result> evaluateShortcut(StudentId student, long jobId, ShortcutLab.Variant variant) {
        return shortcut.evaluateLater(student, jobId, variant);
    }

    public Runnable watch(long jobId, Consumer<TrainingProgress> watcher) {
        return training.watch(jobId, watcher);
    }

    public SaliencyLimits limits() {
        return saliency.limits();
    }
}
