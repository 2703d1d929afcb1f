package org.cnnlab.inspection;

import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.cnnlab.base.StudentId;
import org.cnnlab.dataset.DatasetCatalog;
import org.cnnlab.dataset.LabelledImages;
import org.cnnlab.models.ModelStore;
import org.cnnlab.models.OptimizerSpec;
import org.cnnlab.models.TrainedModel;
import org.cnnlab.network.NetworkSpec;
import org.cnnlab.network.TensorShape;
import org.cnnlab.training.StarterNetworks;
import org.cnnlab.training.TrainingProgress;
import org.cnnlab.training.TrainingRequest;
import org.cnnlab.training.TrainingService;
import org.springframework.stereotype.Service;

/**
 * The reference model every student can inspect without training their own: the starter CNN on
 * 500 MNIST digits per class, 3 epochs, seeded. The server trains it once, on first use, through
 * the class's training queue (so the page can show its progress), and keeps it in the data
 * directory; it is never downloaded.
 */
@Service
public class ReferenceModel {

    public static final String NAME = "reference-mnist-small-cnn";
    static final StudentId OWNER = new StudentId("cnnlab-reference-model");
    private static final long SEED = 2026;
    public static final NetworkSpec NETWORK = StarterNetworks.SMALL_CNN.spec(TensorShape.image(1, 28, 28), 10);

    private final TrainingService training;
    private final ModelStore store;
    private final DatasetCatalog catalog;
    private volatile TrainedModel model;
    private long job = -1;

    public ReferenceModel(TrainingService training, ModelStore store, DatasetCatalog catalog) {
        this.training = training;
        this.store = store;
        this.catalog = catalog;
    }

    /** The model, once trained (now or on an earlier start of the server). */
    public Optional<TrainedModel> ready() {
        TrainedModel m = model;
        if (m == null) {
            synchronized (this) {
                if (model == null) model = store.readShared(NAME).orElse(null);
                m = model;
            }
        }
        return Optional.ofNullable(m);
    }

    /** Starts the one training run if none is under way, and reports its progress; the model is kept when it finishes. */
    public synchronized Runnable train(Consumer<TrainingProgress> progress) {
        if (job < 0 || training.progress(job).finished() && ready().isEmpty()) {
            LabelledImages data = catalog.load("mnist", List.of(), 500, SEED);
            TrainingRequest r = new TrainingRequest(OWNER, NETWORK, data,
                    OptimizerSpec.adam(0.002), 32, 3, 0.1, SEED, "REFERENCE", catalog.test("mnist", List.of(), 100, SEED).orElse(null));
            job = training.submitShared(r).jobId();
            long id = job;
            training.watch(id, p -> {
                if (p.state() == TrainingProgress.State.DONE) keep(id);
            });
        }
        return training.watch(job, progress);
    }

    private void keep(long id) {
        training.trained(OWNER, id).ifPresent(m -> {
            store.writeShared(NAME, m);
            synchronized (this) {
                model = m;
            }
        });
    }
}
