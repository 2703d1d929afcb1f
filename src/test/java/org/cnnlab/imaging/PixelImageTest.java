package org.cnnlab.imaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class PixelImageTest {

    @Test
    void converts_to_grey_by_bt601_and_validates_its_shape() {
        PixelImage rgb = new PixelImage(3, 1, 2, new float[] {255, 0, 0, 255, 0, 100});

        PixelImage grey = rgb.toGrey();

        assertThat(grey.channels()).isEqualTo(1);
        assertThat(grey.data()).containsExactly(new float[] {0.299f * 255, 0.587f * 255 + 0.114f * 100}, within(1e-3f));
        assertThat(grey.toGrey()).isSameAs(grey);
        assertThat(rgb.plane(1)).containsExactly(0f, 255f);
        assertThatThrownBy(() -> new PixelImage(1, 0, 3, new float[0])).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PixelImage(3, 2, 2, new float[4])).isInstanceOf(IllegalArgumentException.class);
    }
}
