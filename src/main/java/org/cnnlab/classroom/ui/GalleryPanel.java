package org.cnnlab.classroom.ui;

import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Supplier;
import org.cnnlab.base.ui.Numbers;
import org.cnnlab.classroom.Gallery;

/**
 * What students shared (a kernel and its map, a model's accuracy, a saliency map), named or
 * anonymised for projection; the leaderboard of test accuracy; the session's records as CSV. It
 * shows what it is given and fires nothing: "anonymous" only changes how it is shown.
 */
class GalleryPanel extends Div {
    private final Checkbox anonymous = new Checkbox();
    private final Div entries = new Div();
    private final GalleryCards cards = new GalleryCards(entries);
    private final Grid<Gallery.Score> leaderboard = new Grid<>();
    private final HorizontalLayout exports = new HorizontalLayout();
    private List<Gallery.GalleryEntry> shown = List.of();

    GalleryPanel() {
        addClassName("dashboard-panel");
        addClassName("dashboard-wide");
        setId("gallery-panel");
        anonymous.setLabel(getTranslation("class.gallery.anonymous"));
        anonymous.setId("gallery-anonymous");
        anonymous.addValueChangeListener(e -> {
            cards.show(shown, anonymous.getValue());
            leaderboard.getDataProvider().refreshAll();   // its nickname column reads the box
        });
        entries.addClassName("gallery");
        entries.setId("gallery-entries");
        leaderboard.addColumn(Gallery.Score::dataset).setHeader(getTranslation("class.leaderboard.dataset"));
        leaderboard.addColumn(Gallery.Score::rank).setHeader("#");
        leaderboard.addColumn(s -> anonymous.getValue() ? "—" : s.nickname()).setHeader(getTranslation("class.roster.nickname"));
        leaderboard.addColumn(s -> Numbers.of(this).percent(s.accuracy(), 1)).setHeader(getTranslation("class.leaderboard.accuracy"));
        leaderboard.setAllRowsVisible(true);
        leaderboard.setId("leaderboard");
        add(new H2(getTranslation("class.gallery.heading")), anonymous, entries, new H3(getTranslation("class.leaderboard.heading")), leaderboard, exports);
    }

    /** Shows the session's gallery {@code entries} (newest first) and its {@code leaderboard}. */
    void show(List<Gallery.GalleryEntry> entries, List<Gallery.Score> leaderboard) {
        shown = entries;
        cards.show(entries, anonymous.getValue());
        this.leaderboard.setItems(leaderboard);
    }

    /** The session's CSV downloads: each supplier makes its file's text when it is downloaded. */
    void setExports(Supplier<String> roster, Supplier<String> answers, Supplier<String> leaderboard) {
        exports.removeAll();
        exports.add(csv("roster.csv", "class.export.roster", roster), csv("answers.csv", "class.export.answers", answers),
                csv("leaderboard.csv", "class.export.leaderboard", leaderboard));
    }

    private Anchor csv(String file, String key, Supplier<String> export) {
        Anchor a = new Anchor(DownloadHandler.fromInputStream(event -> {
            byte[] bytes = export.get().getBytes(StandardCharsets.UTF_8);
            return new DownloadResponse(new ByteArrayInputStream(bytes), file, "text/csv; charset=utf-8", bytes.length);
        }), getTranslation(key));
        a.addClassName("export-" + file.replace(".csv", ""));
        return a;
    }
}
