package org.cnnlab.classroom.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.server.streams.DownloadHandler;
import java.util.List;
import org.cnnlab.base.ui.GlyphButton;
import org.cnnlab.base.ui.Messages;
import org.cnnlab.classroom.SavedWorkAdmin;
import org.cnnlab.classroom.Member;
import org.cnnlab.models.ModelStore;

/**
 * What the session's students saved (removed students and archived sessions too): nothing of it is
 * deleted by archiving or removing; the instructor downloads it all as a ZIP and deletes a student's
 * work explicitly. Read when the session is chosen and on "refresh", not on every dashboard event.
 */
class SavedWorkPanel extends Div {
    private final SavedWorkAdmin savedWork;
    private final H2 heading = new H2();
    private final Paragraph none = new Paragraph();
    private final Grid<SavedWorkAdmin.StudentWork> grid = new Grid<>();
    private final Anchor zip = new Anchor();
    private long classId;

    SavedWorkPanel(SavedWorkAdmin savedWork) {
        this.savedWork = savedWork;
        addClassName("dashboard-panel");
        setId("saved-work-panel");
        grid.addColumn(w -> w.nickname() + (w.status() == Member.Status.REMOVED || w.status() == Member.Status.ALLOWED_BACK
                ? " (" + getTranslation("class.removed.status") + ")" : "")).setHeader(getTranslation("class.work.student")).setAutoWidth(true);
        grid.addColumn(w -> names(w.models().stream().map(ModelStore.Saved::name).toList())).setHeader(getTranslation("class.work.models"));
        grid.addColumn(w -> names(w.designs())).setHeader(getTranslation("class.work.designs"));
        grid.addColumn(w -> names(w.kernels())).setHeader(getTranslation("class.work.kernels"));
        grid.addComponentColumn(w -> {
            Button delete = GlyphButton.of("🗑", getTranslation("class.work.delete", w.nickname()), () -> confirmDelete(w));
            delete.addThemeVariants(ButtonVariant.ERROR);
            delete.addClassName("saved-work-delete");
            return delete;
        }).setAutoWidth(true);
        grid.setAllRowsVisible(true);
        grid.setId("saved-work-grid");
        zip.setText(getTranslation("class.work.zip"));
        zip.setId("saved-work-zip");
        Button refresh = new Button(getTranslation("class.work.refresh"), e -> show(classId));
        refresh.addThemeVariants(ButtonVariant.TERTIARY);
        refresh.setId("saved-work-refresh");
        add(heading, new Paragraph(getTranslation("class.work.intro")), none, grid, new HorizontalLayout(zip, refresh));
    }

    void show(long id) {
        classId = id;
        List<SavedWorkAdmin.StudentWork> work = savedWork.savedWork(id);
        heading.setText(getTranslation("class.work.heading", work.size()));
        none.setText(getTranslation("class.work.none"));
        none.setVisible(work.isEmpty());
        grid.setVisible(!work.isEmpty());
        grid.setItems(work);
        zip.setVisible(!work.isEmpty());
        zip.setHref((DownloadHandler) event -> {   // streamed: the model files are read one after another
            event.setFileName("saved-work-" + id + ".zip");
            event.setContentType("application/zip");
            savedWork.writeSavedWorkZip(id, event.getOutputStream());
        });
    }

    private static String names(List<String> names) {
        return names.isEmpty() ? "—" : String.join(", ", names);
    }

    private void confirmDelete(SavedWorkAdmin.StudentWork w) {
        ConfirmDialog dialog = new ConfirmDialog();
        dialog.setHeader(getTranslation("class.work.delete", w.nickname()));
        dialog.setText(getTranslation("class.work.deleteConfirm", w.nickname(), w.models().size(), w.designs().size() + w.kernels().size()));
        dialog.setCancelable(true);
        dialog.setCancelText(getTranslation("class.work.keep"));
        dialog.setConfirmText(getTranslation("class.work.deleteNow"));
        dialog.setConfirmButtonTheme("error primary");
        dialog.addConfirmListener(e -> Messages.attempt(this, () -> {
            savedWork.deleteSavedWork(classId, w.student());
            Notification.show(getTranslation("class.work.deleted", w.nickname()), 4000, Notification.Position.BOTTOM_START);
            show(classId);
        }));
        dialog.open();
    }
}
