package org.cnnlab.imaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.cnnlab.base.InvalidInputException;
import org.junit.jupiter.api.Test;

class SampleImagesTest {

    private final SampleImages samples = new SampleImages(new ImageDecoder(ImageLimits.defaults()));

    @Test
    void the_lecture_matrix_is_the_7_by_9_grey_matrix_from_the_slides() {
        PixelImage matrix = samples.load(SampleImages.LECTURE_MATRIX_ID);

        assertThat(matrix.channels()).isEqualTo(1);
        assertThat(matrix.height()).isEqualTo(7);
        assertThat(matrix.width()).isEqualTo(9);
        assertThat(matrix.at(0, 0, 0)).isEqualTo(100f);
        assertThat(matrix.at(0, 4, 2)).isEqualTo(250f);
        assertThat(matrix.at(0, 6, 8)).isEqualTo(117f);
    }

    @Test
    void every_listed_sample_loads_with_values_in_0_255() {
        assertThat(samples.list()).extracting(SampleImages.Sample::id)
                .startsWith(SampleImages.LECTURE_MATRIX_ID, "shapes", "text", "gradient", "checkerboard");
        for (SampleImages.Sample sample : samples.list()) {
            PixelImage image = samples.load(sample.id());
            assertThat(image.channels()).as(sample.id()).isIn(1, 3);
            assertThat(Math.max(image.width(), image.height())).as(sample.id()).isLessThanOrEqualTo(512);
            for (float v : image.data()) {
                assertThat(v).as(sample.id()).isBetween(0f, 255f);
            }
        }
    }

    @Test
    void an_unknown_sample_is_refused_with_its_name() {
        assertThatThrownBy(() -> samples.load("../../etc/passwd"))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.messageKey()).isEqualTo("sample.error.unknown");
                    assertThat(e.args()).containsExactly("../../etc/passwd");
                });
    }
}
