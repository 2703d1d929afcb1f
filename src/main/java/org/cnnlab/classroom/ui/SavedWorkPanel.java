package org.cnnlab.classroom.ui;

import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
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
import com.vaadin.flow.shared.Registration;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import org.cnnlab.base.ui.GlyphButton;
import org.cnnlab.classroom.Member;
import org.cnnlab.classroom.SavedWorkAdmin;
import org.cnnlab.models.ModelStore;

/**
 * What the session's students saved (removed students and archived sessions too): nothing of it is
 * deleted by archiving or removing; the instructor downloads it all as a ZIP and deletes a student's
 * work explicitly. Read when the session is chosen and on "refresh", not on every dashboard event:
 * "refresh" and a confirmed delete are events for the view.
 */
class SavedWorkPanel extends Div {

    /** Delete everything one student saved (confirmed in a dialog first). */
    public static class DeleteEvent extends ComponentEvent<SavedWorkPanel> {
        private final SavedWorkAdmin.StudentWork work;

        public DeleteEvent(SavedWorkPanel source, SavedWorkAdmin.StudentWork work) {
            super(source, false);
            this.work = work;
        }

        public SavedWorkAdmin.StudentWork work() {
            return work;
        }
    }

    /** Read the saved work again. */
    public static class RefreshEvent extends ComponentEvent<SavedWorkPanel> {
        public RefreshEvent(SavedWorkPanel source) {
            super(source, false);
        }
    }

    /** Writes the session's saved work as a ZIP when it is downloaded (streamed: model files are read one after another). */
    @FunctionalInterface
    interface Zip {
        void writeTo(OutputStream out) throws IOException;
    }

    private final H2 heading = new H2();
    private final Paragraph none = new Paragraph();
    private final Grid<SavedWorkAdmin.StudentWork> grid = new Grid<>();
    private final Anchor zip = new Anchor();

    SavedWorkPanel() {
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
        Button refresh = new Button(getTranslation("class.work.refresh"), e -> fireEvent(new RefreshEvent(this)));
        refresh.addThemeVariants(ButtonVariant.TERTIARY);
        refresh.setId("saved-work-refresh");
        add(heading, new Paragraph(getTranslation("class.work.intro")), none, grid, new HorizontalLayout(zip, refresh));
    }

    /** Shows session {@code classId}'s saved {@code work}; {@code contents} writes the ZIP of it all. */
    void show(long classId, List<SavedWorkAdmin.StudentWork> work, Zip contents) {
        heading.setText(getTranslation("class.work.heading", work.size()));
        none.setText(getTranslation("class.work.none"));
        none.setVisible(work.isEmpty());
        grid.setVisible(!work.isEmpty());
        grid.setItems(work);
        zip.setVisible(!work.isEmpty());
        zip.setHref((DownloadHandler) event -> {
            event.setFileName("saved-work-" + classId + ".zip");
            event.setContentType("application/zip");
            contents.writeTo(event.getOutputStream());
        });
    }

    /** Says that {@code w} is deleted. */
    void deleted(SavedWorkAdmin.StudentWork w) {
        Notification.show(getTranslation("class.work.deleted", w.nickname()), 4000, Notification.Position.BOTTOM_START);
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
        dialog.addConfirmListener(e -> fireEvent(new DeleteEvent(this, w)));
        dialog.open();
    }

    public Registration addDeleteListener(ComponentEventListener<DeleteEvent> listener) {
        return addListener(DeleteEvent.class, listener);
    }

    public Registration addRefreshListener(ComponentEventListener<RefreshEvent> listener) {
        return addListener(RefreshEvent.class, listener);
    }
}
