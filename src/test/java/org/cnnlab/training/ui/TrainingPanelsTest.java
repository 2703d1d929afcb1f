package org.cnnlab.training.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.server.streams.DownloadHandler;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.cnnlab.models.ModelStore;
import org.cnnlab.models.OptimizerSpec;
import org.cnnlab.models.TrainingRecord;
import org.cnnlab.testing.Components;
import org.cnnlab.training.TrainingLab;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The training page's panels hold no service: a student's click fires an event with what the action needs, and nothing else. */
class TrainingPanelsTest {

    /** Held here: Vaadin keeps the current UI by a weak reference, and a collected one is "no active UI". */
    private final UI ui = new UI();

    @BeforeEach
    void aPage() {
        UI.setCurrent(ui);
    }

    @AfterEach
    void noPage() {
        UI.setCurrent(null);
    }

    private static Stream<Component> all(Component c) {
        return Stream.concat(Stream.of(c), c.getChildren().flatMap(TrainingPanelsTest::all));
    }

    private static Button byClass(Component root, String cls, int index) {
        return all(root).filter(c -> c instanceof Button && c.getClassNames().contains(cls)).map(Button.class::cast).toList().get(index);
    }

    private static ModelStore.Saved saved(String id, String name) {
        TrainingRecord r = new TrainingRecord("shapes-easy", "SMALL_CNN", OptimizerSpec.adam(0.01), 32, 2, 1, List.of(), 0.9, false, 1);
        return new ModelStore.Saved(id, name, Instant.parse("2026-12-03T10:00:00Z"), List.of("circle", "cross"), 100, r);
    }

    @Test
    void the_models_panel_saves_the_finished_run_under_the_typed_name_and_deletes_and_uses_the_row_clicked() {
        ModelsPanel panel = new ModelsPanel(1_000_000);
        List<ModelsPanel.SaveEvent> saves = new ArrayList<>();
        List<String> deleted = new ArrayList<>();
        List<String> used = new ArrayList<>();
        panel.addSaveListener(saves::add);
        panel.addDeleteListener(e -> deleted.add(e.savedId));
        panel.addUseListener(e -> used.add(e.saved.name()));
        panel.show(List.of(saved("a1", "primero"), saved("b2", "segundo")), id -> DownloadHandler.fromInputStream(e -> null));

        Button save = Components.byId(panel, "models-save", Button.class);
        assertThat(save.isEnabled()).as("nothing to save before a run ends").isFalse();
        panel.finishedRun(17);
        Components.byId(panel, "models-name", TextField.class).setValue("mi red");
        save.click();
        assertThat(saves).singleElement().satisfies(e -> {
            assertThat(e.jobId).isEqualTo(17);
            assertThat(e.name).isEqualTo("mi red");
        });
        byClass(panel, "models-delete", 1).click();
        byClass(panel, "models-use", 0).click();
        assertThat(deleted).containsExactly("b2");
        assertThat(used).containsExactly("primero");
    }

    @Test
    void the_own_classes_panel_adds_the_named_class_and_refuses_a_blank_drawing_without_firing() {
        OwnClassesPanel panel = new OwnClassesPanel(1_000_000);
        List<String> added = new ArrayList<>();
        List<OwnClassesPanel.AddExampleEvent> examples = new ArrayList<>();
        List<String> removed = new ArrayList<>();
        panel.addAddClassListener(e -> added.add(e.name));
        panel.addAddExampleListener(examples::add);
        panel.addRemoveClassListener(e -> removed.add(e.name));
        Components.byId(panel, "own-class-name", TextField.class).setValue("gato");
        Components.byId(panel, "own-class-add", Button.class).click();
        assertThat(added).containsExactly("gato");

        panel.show(List.of(new TrainingLab.OwnClassSummary("gato", 0, List.of()), new TrainingLab.OwnClassSummary("perro", 2, List.of())));
        assertThat(Components.byId(panel, "own-target", Select.class).getValue()).as("the last class is the target").isEqualTo("perro");
        Components.byId(panel, "own-add-drawing", Button.class).click();
        assertThat(examples).as("nothing drawn yet").isEmpty();
        byClass(panel, "own-remove", 0).click();
        assertThat(removed).containsExactly("gato");
    }

    @Test
    void the_setup_starts_and_compares_with_the_form_as_it_is_and_pauses_then_goes_on() {
        TrainingSetup setup = new TrainingSetup(List.of("shapes-easy", "mnist"),
                id -> new TrainingLab.DatasetClasses(List.of("a", "b", "c"), List.of("a", "b"), 1000));
        List<TrainingLab.Choice> started = new ArrayList<>();
        List<TrainingLab.Choice> compared = new ArrayList<>();
        List<Boolean> pauses = new ArrayList<>();
        setup.addStartListener(e -> started.add(e.choice));
        setup.addCompareListener(e -> compared.add(e.choice));
        setup.addPauseListener(e -> pauses.add(e.pause));
        Components.byId(setup, "train-epochs", IntegerField.class).setValue(7);
        Components.byId(setup, "train-start", Button.class).click();
        Components.byId(setup, "train-compare", Button.class).click();
        assertThat(started).singleElement().satisfies(c -> {
            assertThat(c.dataset()).isEqualTo("shapes-easy");
            assertThat(c.classes()).containsExactly("a", "b");
            assertThat(c.epochs()).isEqualTo(7);
            assertThat(c.network()).isEqualTo(TrainingLab.NetworkChoice.ALL.getFirst());
        });
        assertThat(compared).singleElement().extracting(TrainingLab.Choice::epochs).isEqualTo(7);

        setup.running(true, false);
        Components.byId(setup, "train-pause", Button.class).click();
        setup.running(true, true);
        Components.byId(setup, "train-pause", Button.class).click();
        assertThat(pauses).containsExactly(true, false);
    }
}
