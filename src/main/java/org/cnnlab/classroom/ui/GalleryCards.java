package org.cnnlab.classroom.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.Paragraph;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.cnnlab.base.ui.ImageUrls;
import org.cnnlab.classroom.Gallery;

/**
 * The gallery's cards in a container, kept by entry id: a refresh adds the cards of new entries
 * where they belong, removes those of entries that are gone and updates captions that changed, so
 * a picture (a data URL of tens of kilobytes) goes to the browser once, not on every refresh.
 */
final class GalleryCards {

    private final Div container;
    private final Map<Long, Card> shown = new HashMap<>();

    private record Card(Div div, Paragraph caption) {
    }

    GalleryCards(Div container) {
        this.container = container;
    }

    /** Shows {@code entries} in their order (newest first); anonymised entries are numbered instead of named. */
    void show(List<Gallery.GalleryEntry> entries, boolean anonymous) {
        Set<Long> wanted = new HashSet<>();
        entries.forEach(e -> wanted.add(e.id()));
        shown.entrySet().removeIf(s -> {
            if (wanted.contains(s.getKey())) return false;
            container.remove(s.getValue().div());
            return true;
        });
        for (int i = 0; i < entries.size(); i++) {
            Gallery.GalleryEntry e = entries.get(i);
            Card card = shown.get(e.id());
            if (card == null) {
                card = card(e);
                shown.put(e.id(), card);
                container.addComponentAtIndex(i, card.div());
            }
            String caption = caption(e, entries.size() - i, anonymous);
            if (!caption.equals(card.caption().getText())) card.caption().setText(caption);
        }
    }

    /** The picture of the card for entry {@code id}, if shown (for tests). */
    Image picture(long id) {
        Card card = shown.get(id);
        return card == null ? null : (Image) card.div().getChildren().findFirst().orElseThrow();
    }

    private static Card card(Gallery.GalleryEntry e) {
        Div div = new Div();
        div.addClassName("gallery-entry");
        Image picture = new Image(ImageUrls.png(e.png()), e.title());
        Paragraph caption = new Paragraph();
        caption.addClassName("gallery-caption");
        Paragraph detail = new Paragraph(e.detail());
        detail.addClassName("help");
        div.add(picture, caption, detail);
        return new Card(div, caption);
    }

    private static String caption(Gallery.GalleryEntry e, int number, boolean anonymous) {
        String who = anonymous ? "#" + number : e.nickname();
        return who + " · " + e.title() + (e.accuracy() == null ? "" : String.format(Locale.ROOT, " · %.1f %%", e.accuracy() * 100));
    }
}
