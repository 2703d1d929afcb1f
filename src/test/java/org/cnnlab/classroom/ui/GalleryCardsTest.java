package org.cnnlab.classroom.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Image;
import java.time.Instant;
import java.util.List;
import org.cnnlab.base.ClassRoom;
import org.cnnlab.base.StudentId;
import org.cnnlab.classroom.Gallery;
import org.cnnlab.imaging.PixelImage;
import org.cnnlab.imaging.PngEncoder;
import org.junit.jupiter.api.Test;

/** A gallery refresh keeps the cards it has by entry id: pictures already shown are not made (and sent) again. */
class GalleryCardsTest {

    private static Gallery.GalleryEntry entry(long id, String nickname) {
        byte[] png = PngEncoder.encode(PixelImage.fromUnit(1, 2, 2, new float[] {0, 1, 0, 1}));
        return new Gallery.GalleryEntry(id, StudentId.random(), nickname, ClassRoom.Submission.Kind.MODEL, "mnist", "detail", png, 0.9,
                Instant.now());
    }

    @Test
    void a_new_entry_adds_one_card_at_the_top_and_the_others_keep_their_pictures() {
        Div container = new Div();
        GalleryCards cards = new GalleryCards(container);
        var ana = entry(1, "Ana");
        var beto = entry(2, "Beto");
        cards.show(List.of(beto, ana), false);
        Image anaPicture = cards.picture(1);
        Image betoPicture = cards.picture(2);
        assertThat(container.getComponentCount()).isEqualTo(2);

        var caro = entry(3, "Caro");
        cards.show(List.of(caro, beto, ana), true);
        assertThat(container.getComponentCount()).isEqualTo(3);
        assertThat(cards.picture(1)).isSameAs(anaPicture);
        assertThat(cards.picture(2)).isSameAs(betoPicture);
        assertThat(container.getComponentAt(0).getChildren().findFirst().orElseThrow()).isSameAs(cards.picture(3));
        assertThat(container.getElement().getTextRecursively()).contains("#3 · mnist").contains("#1 · mnist").doesNotContain("Ana");

        cards.show(List.of(caro, ana), false);
        assertThat(container.getComponentCount()).isEqualTo(2);
        assertThat(cards.picture(2)).isNull();
        assertThat(cards.picture(1)).isSameAs(anaPicture);
        assertThat(container.getElement().getTextRecursively()).contains("Ana · mnist · 90.0 %");
    }
}
