package org.cnnlab.classroom.ui;

import org.cnnlab.base.ui.Numbers;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.function.LongFunction;
import org.cnnlab.classroom.ClassExports;
import org.cnnlab.classroom.Gallery;

/**
 * What students shared (a kernel and its map, a model's accuracy, a saliency map), named or
 * anonymised for projection; the leaderboard of test accuracy; the session's records as CSV.
 */
class GalleryPanel extends Div {
    private final Gallery gallery;
    private final ClassExports classExports;
    private final Checkbox anonymous = new Checkbox();
    private final Div entries = new Div();
    private final GalleryCards cards = new GalleryCards(entries);
    private final Grid<Gallery.Score> leaderboard = new Grid<>();
    private final HorizontalLayout exports = new HorizontalLayout();
    private long classId;

    GalleryPanel(Gallery gallery, ClassExports classExports) {
        this.gallery = gallery;
        this.classExports = classExports;
        addClassName("dashboard-panel");
        addClassName("dashboard-wide");
        setId("gallery-panel");
        anonymous.setLabel(getTranslation("class.gallery.anonymous"));
        anonymous.setId("gallery-anonymous");
        anonymous.addValueChangeListener(e -> show(classId));
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

    void show(long id) {
        classId = id;
        cards.show(gallery.gallery(id), anonymous.getValue());
        leaderboard.setItems(gallery.leaderboard(id));
        exports.removeAll();
        exports.add(csv("roster.csv", "class.export.roster", classExports::rosterCsv), csv("answers.csv", "class.export.answers", classExports::answersCsv),
                csv("leaderboard.csv", "class.export.leaderboard", classExports::leaderboardCsv));
    }

    private Anchor csv(String file, String key, LongFunction<String> export) {
        long id = classId;
        Anchor a = new Anchor(DownloadHandler.fromInputStream(event -> {
            byte[] bytes = export.apply(id).getBytes(StandardCharsets.UTF_8);
            return new DownloadResponse(new ByteArrayInputStream(bytes), file, "text/csv; charset=utf-8", bytes.length);
        }), getTranslation(key));
        a.addClassName("export-" + file.replace(".csv", ""));
        return a;
    }
}
