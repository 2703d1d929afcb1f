package org.cnnlab.dataset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.Graphics2D;
import java.util.Arrays;
import java.util.function.Consumer;
import org.cnnlab.Drawings;
import org.cnnlab.base.InvalidInputException;
import org.cnnlab.base.StudentId;
import org.cnnlab.imaging.ImageDecoder;
import org.cnnlab.imaging.ImageLimits;
import org.junit.jupiter.api.Test;

/** The student's own classes on real PNGs drawn here, through the real decoder. */
class OwnClassesTest {

    private final OwnClasses own = new OwnClasses(3, 4, 10, new ImageDecoder(ImageLimits.defaults()));
    private final StudentId me = StudentId.random();

    static byte[] drawing(Consumer<Graphics2D> ink) throws Exception {
        return Drawings.pad(ink);
    }

    @Test
    void examples_become_light_on_black_28_by_28_and_a_run_gets_them_shifted_to_the_size_asked() throws Exception {
        own.addClass(me, " sol ");
        own.addClass(me, "raya");
        own.addExample(me, "sol", drawing(g -> g.fillOval(48, 48, 96, 96)));
        own.addExample(me, "raya", drawing(g -> g.fillRect(90, 20, 12, 152)));
        own.addExample(me, "raya", drawing(g -> g.fillRect(20, 90, 152, 12)));
        assertThat(own.list(me)).extracting(OwnClasses.OwnClass::name).containsExactly("sol", "raya");
        float[] sun = own.list(me).getFirst().examples().getFirst();
        assertThat(sun).hasSize(28 * 28);
        assertThat(sun[14 * 28 + 14]).isGreaterThan(0.9f);   // the disc's centre is ink, now bright
        assertThat(sun[0]).isZero();                           // the white paper is now black

        LabelledImages data = own.dataset(me, 10, 7);
        assertThat(data.classes()).containsExactly("sol", "raya");
        assertThat(data.classCounts()).containsExactly(10, 10);
        assertThat(own.dataset(me, 10, 7).pixels()).isEqualTo(data.pixels());
        // every image of "sol" is the disc moved by at most 2 pixels: its ink stays near the centre
        int copies = 0;
        for (int i = 0; i < data.size(); i++) {
            if (data.labels()[i] != 0) continue;
            float[] img = Arrays.copyOfRange(data.pixels(), i * 784, (i + 1) * 784);
            if (Arrays.equals(img, sun)) copies++;
            assertThat(img[14 * 28 + 14]).isGreaterThan(0.9f);
        }
        assertThat(copies).as("the original once, then shifted copies").isBetween(1, 3);
    }

    @Test
    void bad_classes_and_examples_get_reasons() throws Exception {
        assertThatThrownBy(() -> own.addClass(me, "  ")).isInstanceOf(InvalidInputException.class).hasMessageStartingWith("own.error.name");
        assertThatThrownBy(() -> own.addClass(me, "x".repeat(31))).hasMessageStartingWith("own.error.name");
        own.addClass(me, "a");
        assertThatThrownBy(() -> own.addClass(me, "a")).hasMessageStartingWith("own.error.duplicate");
        assertThatThrownBy(() -> own.dataset(me, 10, 1)).hasMessageStartingWith("own.error.tooFewClasses");
        own.addClass(me, "b");
        own.addClass(me, "c");
        assertThatThrownBy(() -> own.addClass(me, "d")).hasMessageStartingWith("own.error.tooManyClasses");
        assertThatThrownBy(() -> own.dataset(me, 10, 1)).hasMessageStartingWith("own.error.emptyClass");
        assertThatThrownBy(() -> own.addExample(me, "a", drawing(g -> { }))).hasMessageStartingWith("own.error.blank");
        assertThatThrownBy(() -> own.addExample(me, "zzz", drawing(g -> g.fillRect(0, 0, 50, 50)))).hasMessageStartingWith("own.error.noClass");
        assertThatThrownBy(() -> own.addExample(me, "a", new byte[] {1, 2, 3})).isInstanceOf(InvalidInputException.class);
        for (int i = 0; i < 4; i++) own.addExample(me, "a", drawing(g -> g.fillRect(0, 0, 50, 50)));
        assertThatThrownBy(() -> own.addExample(me, "a", drawing(g -> g.fillRect(0, 0, 50, 50)))).hasMessageStartingWith("own.error.tooManyExamples");
        // another student sees none of it, and a session's end forgets it
        assertThat(own.list(StudentId.random())).isEmpty();
        own.forget(me);
        assertThat(own.list(me)).isEmpty();
    }
}
