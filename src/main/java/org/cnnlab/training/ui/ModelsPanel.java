package org.cnnlab.training.ui;

import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.shared.Registration;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.function.Function;
import org.cnnlab.base.ui.BoundedUpload;
import org.cnnlab.base.ui.FriendlyNames;
import org.cnnlab.base.ui.Messages;
import org.cnnlab.base.ui.Numbers;
import org.cnnlab.models.ModelStore;

/**
 * Save the model a run learned, download it as one file, upload one back, and pick one to try. It holds
 * no service: it shows the saved models it is given and fires {@link SaveEvent}, {@link UploadEvent},
 * {@link DeleteEvent} and {@link UseEvent}.
 */
class ModelsPanel extends VerticalLayout {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm").withZone(ZoneId.systemDefault());

    /** Save the finished run {@code jobId}'s model as {@code name}. */
    static class SaveEvent extends ComponentEvent<ModelsPanel> {
        final long jobId;
        final String name;

        SaveEvent(ModelsPanel source, long jobId, String name) {
            super(source, false);
            this.jobId = jobId;
            this.name = name;
        }
    }

    /** A {@code .cnnlab} file the student uploaded (within the size the panel was given). */
    static class UploadEvent extends ComponentEvent<ModelsPanel> {
        final byte[] bytes;

        UploadEvent(ModelsPanel source, byte[] bytes) {
            super(source, false);
            this.bytes = bytes;
        }
    }

    /** Delete the saved model {@code savedId}. */
    static class DeleteEvent extends ComponentEvent<ModelsPanel> {
        final String savedId;

        DeleteEvent(ModelsPanel source, String savedId) {
            super(source, false);
            this.savedId = savedId;
        }
    }

    /** Try the saved model {@code saved} on a drawing. */
    static class UseEvent extends ComponentEvent<ModelsPanel> {
        final ModelStore.Saved saved;

        UseEvent(ModelsPanel source, ModelStore.Saved saved) {
            super(source, false);
            this.saved = saved;
        }
    }

    private final TextField name = new TextField();
    private final Button save = new Button();
    private final Div list = new Div();
    private long jobId = -1;

    ModelsPanel(long maxFileBytes) {
        setPadding(false);
        setId("models");
        name.setId("models-name");
        name.setLabel(getTranslation("models.name"));
        name.setMaxLength(60);
        save.setId("models-save");
        save.setText(getTranslation("models.save"));
        save.addThemeVariants(ButtonVariant.PRIMARY);
        save.setEnabled(false);
        save.addClickListener(e -> fireEvent(new SaveEvent(this, jobId, name.getValue())));
        HorizontalLayout saveRow = new HorizontalLayout(name, save);
        saveRow.setAlignItems(Alignment.BASELINE);
        Upload upload = BoundedUpload.create("models-upload", maxFileBytes, "models.upload", "models.error.rejectedByBrowser",
                (file, bytes) -> fireEvent(new UploadEvent(this, bytes)), e -> Messages.error(this, e), ".cnnlab", "application/zip");
        Span help = new Span(getTranslation("models.help", BoundedUpload.mb(maxFileBytes)));
        help.addClassName("help");
        list.setId("models-list");
        add(new H3(getTranslation("models.title")), saveRow, list, upload, help);
    }

    Registration addSaveListener(ComponentEventListener<SaveEvent> listener) {
        return addListener(SaveEvent.class, listener);
    }

    Registration addUploadListener(ComponentEventListener<UploadEvent> listener) {
        return addListener(UploadEvent.class, listener);
    }

    Registration addDeleteListener(ComponentEventListener<DeleteEvent> listener) {
        return addListener(DeleteEvent.class, listener);
    }

    Registration addUseListener(ComponentEventListener<UseEvent> listener) {
        return addListener(UseEvent.class, listener);
    }

    /** The run whose model "save" keeps, or −1 while there is none. */
    void finishedRun(long jobId) {
        this.jobId = jobId;
        save.setEnabled(jobId >= 0);
    }

    /** The model was saved: the name field is free for the next one. */
    void saved() {
        name.clear();
    }

    /** The student's saved models, each with its download ({@code downloads} makes one for a saved model's id). */
    void show(List<ModelStore.Saved> saved, Function<String, DownloadHandler> downloads) {
        list.removeAll();
        for (ModelStore.Saved s : saved) {
            Span title = new Span(s.name());
            title.addClassName("model-name");
            Span details = new Span(getTranslation("models.details", FriendlyNames.network(this, s.record().network()),
                    getTranslation("dataset." + s.record().dataset()), s.classes().size(),
                    getTranslation(s.record().onTestSet() ? "training.accuracy.test" : "training.accuracy.validation",
                            Numbers.of(this).percent(s.record().heldOutAccuracy(), 1)),
                    s.record().epochs(), TIME.format(s.savedAt())));
            details.addClassName("help");
            Button use = new Button(getTranslation("models.use"), e -> fireEvent(new UseEvent(this, s)));
            use.addClassName("models-use");
            Anchor download = new Anchor(downloads.apply(s.id()), getTranslation("models.download"));
            download.addClassName("models-download");
            Button delete = new Button(getTranslation("models.delete"), e -> fireEvent(new DeleteEvent(this, s.id())));
            delete.addThemeVariants(ButtonVariant.TERTIARY);
            delete.addClassName("models-delete");
            HorizontalLayout actions = new HorizontalLayout(use, download, delete);
            actions.setAlignItems(Alignment.BASELINE);
            Div row = new Div(title, details, actions);
            row.addClassName("saved-model");
            list.add(row);
        }
    }
}
