package org.cnnlab.training.ui;

import com.vaadin.flow.component.Component;
import java.io.Serializable;
import org.cnnlab.base.StudentId;
import org.cnnlab.base.ui.Downloads;
import org.cnnlab.base.ui.Messages;
import org.cnnlab.models.ModelRef;
import org.cnnlab.training.StudentModels;

/**
 * The training page's second service, {@link StudentModels}, wired to its two panels: the saved models
 * ({@link ModelsPanel}) and the drawing pad that tries one ({@link TryModelPanel}). Not a component:
 * the panels hold no service, {@link TrainingView} places them, and this is the one caller of
 * StudentModels on the page (the view is the one caller of TrainingLab).
 */
final class SavedModelsSection implements Serializable {
    private final StudentModels service;
    private final StudentId student;
    private final Component page;
    final ModelsPanel models;
    final TryModelPanel tryModel = new TryModelPanel();
    private ModelRef trying;

    SavedModelsSection(StudentModels service, StudentId student, Component page) {
        this.service = service;
        this.student = student;
        this.page = page;
        models = new ModelsPanel(service.maxFileBytes());
        tryModel.addClassifyListener(e -> Messages.attempt(page, () -> tryModel.show(service.predict(student, trying, e.png))));
        models.addSaveListener(e -> act(() -> {
            service.save(student, e.jobId, e.name);
            models.saved();
        }));
        models.addUploadListener(e -> act(() -> service.upload(student, e.bytes)));
        models.addDeleteListener(e -> act(() -> service.delete(student, e.savedId)));
        models.addUseListener(e -> tryOn(ModelRef.saved(e.saved.id()), page.getTranslation("training.try.saved", e.saved.name())));
        act(() -> { });
    }

    /** A run ended: a finished one ({@code done}) may be saved and is the one the pad tries (unless it already is). */
    void runEnded(long jobId, boolean done) {
        models.finishedRun(done ? jobId : -1);
        if (done && !ModelRef.job(jobId).equals(trying)) tryOn(ModelRef.job(jobId), page.getTranslation("training.try.run", jobId));
    }

    private void tryOn(ModelRef model, String description) {
        trying = model;
        tryModel.trying(description);
    }

    /** An action on the saved models, then their list again. */
    private void act(Runnable action) {
        Messages.attempt(page, action);
        models.show(service.saved(student), id -> Downloads.of(() -> service.downloadName(student, id), "application/zip",
                () -> service.download(student, id)));
    }
}
