package org.cnnlab.classroom.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.ComponentUtil;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import java.util.ArrayList;
import java.util.List;
import org.cnnlab.base.StudentId;
import org.cnnlab.classroom.Member;
import org.cnnlab.classroom.SavedWorkAdmin;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A row's delete asks first and, once confirmed, fires the work of that row; "refresh" fires its event; the panel deletes nothing. */
class SavedWorkPanelTest {
    private UI ui;
    private final SavedWorkPanel panel = newPanel();
    private final List<SavedWorkAdmin.StudentWork> deleted = new ArrayList<>();

    private SavedWorkPanel newPanel() {
        ui = Panels.start();
        return new SavedWorkPanel();
    }

    private static SavedWorkAdmin.StudentWork work(String nickname, Member.Status status) {
        return new SavedWorkAdmin.StudentWork(StudentId.random(), nickname, status, List.of(), List.of("red de " + nickname), List.of());
    }

    @AfterEach
    void stop() {
        Panels.stop();
    }

    @SuppressWarnings("unchecked")
    private Button deleteButton(SavedWorkAdmin.StudentWork w) {
        Grid<SavedWorkAdmin.StudentWork> grid = Panels.byId(panel, Grid.class, "saved-work-grid");
        return Panels.button(Panels.cell(grid, 4, w), "saved-work-delete");
    }

    private ConfirmDialog openDialog() {
        Panels.roundTrip(ui);
        List<ConfirmDialog> open = Panels.all(ui, ConfirmDialog.class, ConfirmDialog::isOpened);
        assertThat(open).hasSize(1);
        return open.getFirst();
    }

    @Test
    void delete_fires_the_work_of_its_row_only_once_confirmed() {
        panel.addDeleteListener(e -> deleted.add(e.work()));
        var ana = work("Ana", Member.Status.APPROVED);
        var caro = work("Caro", Member.Status.REMOVED);
        panel.show(3, List.of(ana, caro), out -> { });

        deleteButton(caro).click();
        ConfirmDialog dialog = openDialog();
        assertThat(deleted).as("asked, not yet confirmed").isEmpty();
        ComponentUtil.fireEvent(dialog, new ConfirmDialog.ConfirmEvent(dialog, true));

        assertThat(deleted).containsExactly(caro);
    }

    @Test
    void a_cancelled_delete_fires_nothing() {
        panel.addDeleteListener(e -> deleted.add(e.work()));
        var ana = work("Ana", Member.Status.APPROVED);
        panel.show(3, List.of(ana), out -> { });

        deleteButton(ana).click();
        ConfirmDialog dialog = openDialog();
        ComponentUtil.fireEvent(dialog, new ConfirmDialog.CancelEvent(dialog, true));

        assertThat(deleted).isEmpty();
    }

    @Test
    void refresh_fires_its_event_and_no_work_hides_the_table_and_the_zip() {
        List<SavedWorkPanel.RefreshEvent> refreshes = new ArrayList<>();
        panel.addRefreshListener(refreshes::add);
        panel.show(3, List.of(), out -> { });
        assertThat(Panels.byId(panel, Grid.class, "saved-work-grid").isVisible()).isFalse();
        assertThat(Panels.byId(panel, Anchor.class, "saved-work-zip").isVisible()).isFalse();

        Panels.byId(panel, Button.class, "saved-work-refresh").click();

        assertThat(refreshes).hasSize(1);
    }
}
