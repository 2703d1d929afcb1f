package org.cnnlab.classroom.ui;

import com.vaadin.flow.component.Component;
import java.util.function.LongConsumer;
import org.cnnlab.base.ui.Messages;
import org.cnnlab.classroom.ClassExports;
import org.cnnlab.classroom.Gallery;
import org.cnnlab.classroom.Polls;
import org.cnnlab.classroom.Roster;

/**
 * The dashboard's panels of the class as it happens, read again on every class event: who is here
 * ({@link RosterPanel}), the polls' answers ({@link PollPanel}) and what was shared
 * ({@link GalleryPanel}), wired to {@link Roster}, {@link Polls}, {@link Gallery} and
 * {@link ClassExports}. Not a component: {@link DashboardView} owns it, places its panels and says
 * when to refresh.
 */
final class ActivitySection {
    private final Component owner;
    private final Roster members;
    private final Polls pollService;
    private final Gallery galleryService;
    private final ClassExports exports;
    private final RosterPanel roster = new RosterPanel();
    private final PollPanel polls = new PollPanel();
    private final GalleryPanel gallery = new GalleryPanel();
    private long classId;

    /** {@code owner}: the view, whose language a refusal is told in. */
    ActivitySection(Component owner, Roster members, Polls pollService, Gallery galleryService, ClassExports exports) {
        this.owner = owner;
        this.members = members;
        this.pollService = pollService;
        this.galleryService = galleryService;
        this.exports = exports;
        roster.addApproveListener(e -> act(id -> members.approve(id, e.member().id()), this::showRoster));
        roster.addRemoveListener(e -> act(id -> members.remove(id, e.member().id()), this::showRoster));
        roster.addAllowBackListener(e -> act(id -> members.allowBack(id, e.member().id()), this::showRoster));
        roster.addRenameListener(e -> act(id -> members.rename(id, e.member().id(), e.nickname()), () -> {
            roster.renamed();
            showRoster();
        }));
        polls.addOpenListener(e -> act(id -> pollService.openPoll(id, e.question(), e.options()), this::showPolls));
        polls.addCloseListener(e -> act(id -> pollService.closePoll(id, e.pollId()), this::showPolls));
    }

    RosterPanel roster() {
        return roster;
    }

    PollPanel polls() {
        return polls;
    }

    GalleryPanel gallery() {
        return gallery;
    }

    /** From now on shows session {@code id}: its CSV downloads at once, the rest on {@link #refresh()}. */
    void choose(long id) {
        classId = id;
        gallery.setExports(() -> exports.rosterCsv(id), () -> exports.answersCsv(id), () -> exports.leaderboardCsv(id));
    }

    void refresh() {
        showRoster();
        showPolls();
        gallery.show(galleryService.gallery(classId), galleryService.leaderboard(classId));
    }

    /** Who is here and what they do: also on the dashboard clock, as "online" and activities change without a class event. */
    void showRoster() {
        roster.show(members.roster(classId), members.removed(classId));
    }

    private void showPolls() {
        polls.show(pollService.polls(classId));
    }

    /** Runs a panel's action on the session shown, then {@code then}; a refusal becomes its translated message instead. */
    private void act(LongConsumer action, Runnable then) {
        Messages.attempt(owner, () -> {
            action.accept(classId);
            then.run();
        });
    }
}
