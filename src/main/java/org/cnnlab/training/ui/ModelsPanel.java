package org.cnnlab.training.ui;

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
import com.vaadin.flow.function.SerializableConsumer;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import java.io.ByteArrayInputStream;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.cnnlab.base.InvalidInputException;
import org.cnnlab.base.StudentId;
import org.cnnlab.base.ui.BoundedUpload;
import org.cnnlab.base.ui.FriendlyNames;
import org.cnnlab.base.ui.Messages;
import org.cnnlab.base.ui.Numbers;
import org.cnnlab.models.ModelStore;
import org.cnnlab.training.StudentModels;

/** Save the model a run learned, download it as one file, upload one back, and pick one to try. */
class ModelsPanel extends VerticalLayout {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm").withZone(ZoneId.systemDefault());

    private final StudentModels lab;
    private final StudentId student;
    private final SerializableConsumer<ModelStore.Saved> onUse;
    private final TextField name = new TextField();
    private final Button save = new Button();
    private final Div list = new Div();
    private long jobId = -1;

    ModelsPanel(StudentModels lab, StudentId student, SerializableConsumer<ModelStore.Saved> onUse) {
        this.lab = lab;
        this.student = student;
        this.onUse = onUse;
        setPadding(false);
        setId("models");
        name.setId("models-name");
        name.setLabel(getTranslation("models.name"));
        name.setMaxLength(60);
        save.setId("models-save");
        save.setText(getTranslation("models.save"));
        save.addThemeVariants(ButtonVariant.PRIMARY);
        save.setEnabled(false);
        save.addClickListener(e -> run(() -> {
            lab.save(student, jobId, name.getValue());
            name.clear();
        }));
        HorizontalLayout saveRow = new HorizontalLayout(name, save);
        saveRow.setAlignItems(Alignment.BASELINE);
        Upload upload = BoundedUpload.create("models-upload", lab.maxFileBytes(), "models.upload", "models.error.rejectedByBrowser",
                (file, bytes) -> run(() -> lab.upload(student, bytes)), e -> Messages.error(this, e), ".cnnlab", "application/zip");
        Span help = new Span(getTranslation("models.help", BoundedUpload.mb(lab.maxFileBytes())));
        help.addClassName("help");
        list.setId("models-list");
        add(new H3(getTranslation("models.title")), saveRow, list, upload, help);
        refresh();
    }

    /** The run whose model "save" keeps, or −1 while there is none. */
    void finishedRun(long jobId) {
        this.jobId = jobId;
        save.setEnabled(jobId >= 0);
    }

    private void run(Runnable action) {
        Messages.attempt(this, action);
        refresh();
    }

    private void refresh() {
        list.removeAll();
        for (ModelStore.Saved s : lab.saved(student)) {
            Span title = new Span(s.name());
            title.addClassName("model-name");
            Span details = new Span(getTranslation("models.details", networkName(s.record().network()),
                    getTranslation("dataset." + s.record().dataset()), s.classes().size(),
                    getTranslation(s.record().onTestSet() ? "training.accuracy.test" : "training.accuracy.validation",
                            Numbers.of(this).percent(s.record().heldOutAccuracy(), 1)),
                    s.record().epochs(), TIME.format(s.savedAt())));
            details.addClassName("help");
            Button use = new Button(getTranslation("models.use"), e -> onUse.accept(s));
            use.addClassName("models-use");
            Anchor download = new Anchor(DownloadHandler.fromInputStream(event -> {
                byte[] bytes = lab.download(student, s.id());
                return new DownloadResponse(new ByteArrayInputStream(bytes), lab.downloadName(student, s.id()), "application/zip", bytes.length);
            }), getTranslation("models.download"));
            download.addClassName("models-download");
            Button delete = new Button(getTranslation("models.delete"), e -> run(() -> lab.delete(student, s.id())));
            delete.addThemeVariants(ButtonVariant.TERTIARY);
            delete.addClassName("models-delete");
            HorizontalLayout actions = new HorizontalLayout(use, download, delete);
            actions.setAlignItems(Alignment.BASELINE);
            Div row = new Div(title, details, actions);
            row.addClassName("saved-model");
            list.add(row);
        }
    }

    private String networkName(String network) {
        return FriendlyNames.network(this, network);
    }
}
