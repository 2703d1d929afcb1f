package org.cnnlab.classroom.ui;

import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
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
import com.vaadin.flow.shared.Registration;
import java.util.List;
import java.util.Locale;
import org.cnnlab.base.ui.GlyphButton;
import org.cnnlab.classroom.Member;

/**
 * Who joined: online or not, on which page, what their training does; approve, rename, remove. Below
 * it, who was removed, each with "allow back" (their nickname is refused at the join until then).
 * Each action is an event naming its member; the view calls the roster and shows it again.
 */
class RosterPanel extends Div {

    /** An action of the instructor's on one member of the roster. */
    public abstract static class MemberEvent extends ComponentEvent<RosterPanel> {
        private final Member member;

        protected MemberEvent(RosterPanel source, Member member) {
            super(source, false);
            this.member = member;
        }

        public Member member() {
            return member;
        }
    }

    /** Admit a waiting member. */
    public static class ApproveEvent extends MemberEvent {
        public ApproveEvent(RosterPanel source, Member member) {
            super(source, member);
        }
    }

    /** Remove a member: their page leaves the class and their nickname is refused until "allow back". */
    public static class RemoveEvent extends MemberEvent {
        public RemoveEvent(RosterPanel source, Member member) {
            super(source, member);
        }
    }

    /** Let a removed member's nickname join again. */
    public static class AllowBackEvent extends MemberEvent {
        public AllowBackEvent(RosterPanel source, Member member) {
            super(source, member);
        }
    }

    /** Give a member the nickname typed in the rename dialog; the dialog stays open until {@link #renamed()}. */
    public static class RenameEvent extends MemberEvent {
        private final String nickname;

        public RenameEvent(RosterPanel source, Member member, String nickname) {
            super(source, member);
            this.nickname = nickname;
        }

        public String nickname() {
            return nickname;
        }
    }

    private final Grid<Member> grid = new Grid<>();
    private final H2 heading = new H2();
    private final Grid<Member> removedGrid = new Grid<>();
    private final H3 removedHeading = new H3();
    private List<Member> shown = List.of();
    private List<Member> removedShown = null;
    private Dialog renaming;

    RosterPanel() {
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

    /** Shows the session's {@code members} and those {@code removed} from it. */
    void show(List<Member> members, List<Member> removed) {
        heading.setText(getTranslation("class.roster.heading", members.size(), members.stream().filter(Member::online).count()));
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

    /** The rename went through: closes its dialog (a refused name leaves it open for another try). */
    void renamed() {
        if (renaming != null) renaming.close();
        renaming = null;
    }

    private HorizontalLayout removedRow(Member m) {
        HorizontalLayout row = new HorizontalLayout(new Span(m.nickname()));
        row.setAlignItems(FlexComponent.Alignment.CENTER);
        if (m.status() == Member.Status.REMOVED) {
            row.add(new Span("· " + getTranslation("class.removed.status")));
            Button allow = GlyphButton.of("↩", getTranslation("class.removed.allow"), () -> fireEvent(new AllowBackEvent(this, m)));
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
            Button approve = new Button(getTranslation("class.roster.approve"), e -> fireEvent(new ApproveEvent(this, m)));
            approve.addClassName("roster-approve");
            row.add(approve);
        }
        Button rename = GlyphButton.of("✎", getTranslation("class.roster.rename"), () -> rename(m));
        Button remove = GlyphButton.of("✕", getTranslation("class.roster.remove"), () -> fireEvent(new RemoveEvent(this, m)));
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
        Button ok = new Button(getTranslation("class.roster.rename"), e -> fireEvent(new RenameEvent(this, m, name.getValue())));
        dialog.add(name);
        dialog.getFooter().add(ok);
        renaming = dialog;
        dialog.open();
    }

    public Registration addApproveListener(ComponentEventListener<ApproveEvent> listener) {
        return addListener(ApproveEvent.class, listener);
    }

    public Registration addRemoveListener(ComponentEventListener<RemoveEvent> listener) {
        return addListener(RemoveEvent.class, listener);
    }

    public Registration addAllowBackListener(ComponentEventListener<AllowBackEvent> listener) {
        return addListener(AllowBackEvent.class, listener);
    }

    public Registration addRenameListener(ComponentEventListener<RenameEvent> listener) {
        return addListener(RenameEvent.class, listener);
    }
}
