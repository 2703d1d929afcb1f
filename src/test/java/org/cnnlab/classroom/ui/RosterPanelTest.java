package org.cnnlab.classroom.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cnnlab.classroom.ui.Panels.translation;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.textfield.TextField;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.cnnlab.base.StudentId;
import org.cnnlab.classroom.Member;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The roster's buttons fire their event naming the member of their row; the panel itself acts on nothing. */
class RosterPanelTest {
    private UI ui;
    private final RosterPanel panel = newPanel();
    private final List<RosterPanel.MemberEvent> fired = new ArrayList<>();

    private RosterPanel newPanel() {
        ui = Panels.start();
        return new RosterPanel();
    }

    private static Member member(String nickname, Member.Status status) {
        return new Member(StudentId.random(), nickname, status, Instant.now(), Instant.now(), true, "convolucion", Member.Activity.IDLE);
    }

    @BeforeEach
    void listen() {
        panel.addApproveListener(fired::add);
        panel.addRemoveListener(fired::add);
        panel.addAllowBackListener(fired::add);
        panel.addRenameListener(fired::add);
    }

    @AfterEach
    void stop() {
        Panels.stop();
    }

    @SuppressWarnings("unchecked")
    private Grid<Member> grid(String id) {
        return Panels.byId(panel, Grid.class, id);
    }

    @Test
    void approve_and_remove_fire_their_event_with_the_member_of_their_row() {
        Member ana = member("Ana", Member.Status.APPROVED);
        Member beto = member("Beto", Member.Status.WAITING);
        Member caro = member("Caro", Member.Status.APPROVED);
        panel.show(List.of(ana, beto, caro), List.of());
        assertThat(Panels.all(Panels.cell(grid("roster-grid"), 0, ana), Button.class,
                b -> b.hasClassName("roster-approve"))).as("only a waiting member has approve").isEmpty();

        Panels.button(Panels.cell(grid("roster-grid"), 0, beto), "roster-approve").click();
        Panels.button(Panels.cell(grid("roster-grid"), 0, caro), "roster-remove").click();

        assertThat(fired).hasSize(2);
        assertThat(fired.get(0)).isInstanceOf(RosterPanel.ApproveEvent.class);
        assertThat(fired.get(0).member()).isEqualTo(beto);
        assertThat(fired.get(1)).isInstanceOf(RosterPanel.RemoveEvent.class);
        assertThat(fired.get(1).member()).isEqualTo(caro);
    }

    @Test
    void rename_fires_the_typed_nickname_and_its_dialog_closes_only_when_the_view_says_it_went_through() {
        Member ana = member("Ana", Member.Status.APPROVED);
        Member beto = member("Beto", Member.Status.APPROVED);
        panel.show(List.of(ana, beto), List.of());

        Panels.labelled(Panels.cell(grid("roster-grid"), 0, beto), translation("class.roster.rename")).click();
        Panels.roundTrip(ui);
        Dialog dialog = Panels.all(ui, Dialog.class, d -> true).getFirst();
        assertThat(dialog.isOpened()).isTrue();
        TextField name = Panels.all(dialog, TextField.class, f -> true).getFirst();
        assertThat(name.getValue()).isEqualTo("Beto");
        name.setValue("Bea");
        Panels.labelled(dialog, translation("class.roster.rename")).click();

        assertThat(fired).singleElement().isInstanceOfSatisfying(RosterPanel.RenameEvent.class, e -> {
            assertThat(e.member()).isEqualTo(beto);
            assertThat(e.nickname()).isEqualTo("Bea");
        });
        assertThat(dialog.isOpened()).as("a refused name leaves the dialog open").isTrue();
        panel.renamed();
        assertThat(dialog.isOpened()).isFalse();
    }

    @Test
    void allow_back_fires_with_the_removed_member_and_only_for_one_not_yet_allowed() {
        Member caro = member("Caro", Member.Status.REMOVED);
        Member dani = member("Dani", Member.Status.ALLOWED_BACK);
        panel.show(List.of(), List.of(caro, dani));
        Grid<Member> removed = grid("removed-grid");
        assertThat(removed.isVisible()).isTrue();
        assertThat(Panels.all(Panels.cell(removed, 0, dani), Button.class, b -> true)).isEmpty();

        Panels.button(Panels.cell(removed, 0, caro), "removed-allow").click();

        assertThat(fired).singleElement().isInstanceOf(RosterPanel.AllowBackEvent.class)
                .extracting(RosterPanel.MemberEvent::member).isEqualTo(caro);
    }
}
