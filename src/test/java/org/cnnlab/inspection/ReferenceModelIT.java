package org.cnnlab.inspection;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.cnnlab.dataset.DatasetCatalog;
import org.cnnlab.models.ModelLimits;
import org.cnnlab.models.ModelRunner;
import org.cnnlab.models.ModelStore;
import org.cnnlab.network.NetworkFactory;
import org.cnnlab.network.NetworkLimits;
import org.cnnlab.training.TrainingLimits;
import org.cnnlab.training.TrainingProgress;
import org.cnnlab.training.TrainingService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The reference model: trained once on first use, through the queue, kept in the data directory, read back on the next start. */
class ReferenceModelIT {

    @TempDir
    Path dataDir;

    @Test
    void it_is_trained_once_and_a_restarted_server_reads_it_from_the_data_directory() throws Exception {
        NetworkFactory factory = new NetworkFactory(NetworkLimits.defaults());
        ModelRunner runner = new ModelRunner(factory);
        DatasetCatalog catalog = new DatasetCatalog();
        TrainingService training = new TrainingService(TrainingLimits.defaults(), factory, NetworkLimits.defaults());
        try {
            ModelStore store = new ModelStore(dataDir, new ModelLimits(0, 0), runner, NetworkLimits.defaults());
            ReferenceModel reference = new ReferenceModel(training, store, catalog);
            assertThat(reference.ready()).isEmpty();
            CompletableFuture<TrainingProgress> done = new CompletableFuture<>();
            reference.train(p -> {
                if (p.finished()) done.complete(p);
            });
            TrainingProgress p = done.get(300, TimeUnit.SECONDS);
            assertThat(p.state()).isEqualTo(TrainingProgress.State.DONE);
            assertThat(p.onTestSet()).isTrue();
            assertThat(p.heldOutAccuracy()).as("MNIST t10k digits").isGreaterThan(0.9);
            assertThat(reference.ready()).isPresent();
            assertThat(Files.exists(dataDir.resolve("shared").resolve(ReferenceModel.NAME + ".cnnlab"))).isTrue();
        } finally {
            training.close();
        }
        // a new server on the same data directory: no training, the same model
        TrainingService fresh = new TrainingService(TrainingLimits.defaults(), factory, NetworkLimits.defaults());
        try {
            ReferenceModel again = new ReferenceModel(fresh,
                    new ModelStore(dataDir, new ModelLimits(0, 0), runner, NetworkLimits.defaults()), catalog);
            assertThat(again.ready()).isPresent();
            assertThat(fresh.latest(ReferenceModel.OWNER)).isEmpty();
        } finally {
            fresh.close();
        }
    }
}
