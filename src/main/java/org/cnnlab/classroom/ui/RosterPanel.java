package org.cnnlab.classroom.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.textfield.TextField;
import java.util.List;
import java.util.Locale;
import org.cnnlab.base.ui.GlyphButton;
import org.cnnlab.base.ui.Messages;
import org.cnnlab.classroom.Member;
import org.cnnlab.classroom.Roster;

/**
 * Who joined: online or not, on which page, what their training does; approve, rename, remove. Below
 * it, who was removed, each with "allow back" (their nickname is refused at the join until then).
 */
class RosterPanel extends Div {
    private final Roster roster;
    private final Grid<Member> grid = new Grid<>();
    private final H2 heading = new H2();
    private final Grid<Member> removedGrid = new Grid<>();
    private final H3 removedHeading = new H3();
    private long classId;
    private List<Member> shown = List.of();
    private List<Member> removedShown = null;

    RosterPanel(Roster roster) {
        this.roster = roster;
        addClassName("dashboard-panel");
        setId("roster-panel");
        // the nickname with its actions (labelled glyph buttons): the other columns stay readable in a half-width panel
        grid.addComponentColumn(this::nickname).setHeader(getTranslation("class.roster.nickname")).setAutoWidth(true);
        grid.addColumn(m -> getTranslation(m.online() ? "class.roster.online" : "class.roster.offline")).setHeader(getTranslation("class.roster.here"))
                .setAutoWidth(true);
        grid.addColumn(m -> m.page().isEmpty() ? "—" : "/" + m.page()).setHeader(getTranslation("class.roster.page"));
        grid.addColumn(m -> m.status() == Member.Status.WAITING ? getTranslation("class.roster.waiting")
                : getTranslation("class.activity." + m.activity().name().toLowerCase(Locale.ROOT))).setHeader(getTranslation("class.roster.activity"))
                .setAutoWidth(true);
        grid.setAllRowsVisible(true);
        grid.setId("roster-grid");
        removedGrid.addComponentColumn(this::removedRow).setHeader(getTranslation("class.roster.nickname"));
        removedGrid.setAllRowsVisible(true);
        removedGrid.setId("removed-grid");
        add(heading, grid, removedHeading, removedGrid);
    }

    void show(long id) {
        classId = id;
        var members = roster.roster(id);
        heading.setText(getTranslation("class.roster.heading", members.size(), members.stream().filter(Member::online).count()));
        var removed = roster.removed(id);
        removedHeading.setText(getTranslation("class.removed.heading", removed.size()));
        removedHeading.setVisible(!removed.isEmpty());
        removedGrid.setVisible(!removed.isEmpty());
        if (!removed.equals(removedShown)) {
            removedShown = removed;
            removedGrid.setItems(removed);
        }
        if (members.equals(shown)) return;   // rows rebuilt every refresh would swallow a click landing as they are replaced
        shown = members;
        grid.setItems(members);
    }

    private HorizontalLayout removedRow(Member m) {
        HorizontalLayout row = new HorizontalLayout(new Span(m.nickname()));
        row.setAlignItems(FlexComponent.Alignment.CENTER);
        if (m.status() == Member.Status.REMOVED) {
            row.add(new Span("· " + getTranslation("class.removed.status")));
            Button allow = GlyphButton.of("↩", getTranslation("class.removed.allow"), () -> act(() -> roster.allowBack(classId, m.id())));
            allow.addClassName("removed-allow");
            row.add(allow);
        } else {
            row.add(new Span("· " + getTranslation("class.removed.allowed")));
        }
        return row;
    }

    private HorizontalLayout nickname(Member m) {
        HorizontalLayout row = new HorizontalLayout(new Span(m.nickname()));
        row.setAlignItems(FlexComponent.Alignment.CENTER);
        if (m.status() == Member.Status.WAITING) {
            Button approve = new Button(getTranslation("class.roster.approve"), e -> act(() -> roster.approve(classId, m.id())));
            approve.addClassName("roster-approve");
            row.add(approve);
        }
        Button rename = GlyphButton.of("✎", getTranslation("class.roster.rename"), () -> rename(m));
        Button remove = GlyphButton.of("✕", getTranslation("class.roster.remove"), () -> act(() -> roster.remove(classId, m.id())));
        remove.addThemeVariants(ButtonVariant.ERROR);
        remove.addClassName("roster-remove");
        row.add(rename, remove);
        row.setSpacing(false);
        return row;
    }

    /** In a dialog, so the roster's refresh every two seconds never takes the text being typed. */
    private void rename(Member m) {
        Dialog dialog = new Dialog(getTranslation("class.roster.rename"));
        TextField name = new TextField(getTranslation("class.roster.newName"), m.nickname(), "");
        Button ok = new Button(getTranslation("class.roster.rename"), e -> Messages.attempt(this, () -> {
            roster.rename(classId, m.id(), name.getValue());
            dialog.close();
            show(classId);
        }));
        dialog.add(name);
        dialog.getFooter().add(ok);
        dialog.open();
    }

    private void act(Runnable action) {
        Messages.attempt(this, () -> {
            action.run();
            show(classId);
        });
    }
}
