package org.cnnlab.training.ui;

import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.NumberField;
import com.vaadin.flow.function.SerializableFunction;
import com.vaadin.flow.shared.Registration;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import org.cnnlab.base.ui.ClassNames;
import org.cnnlab.base.ui.Fields;
import org.cnnlab.models.OptimizerSpec;
import org.cnnlab.training.TrainingLab;

/**
 * The run's settings; empty fields become values the service refuses with a reason. It holds no
 * service: it fires {@link ChangeEvent} (data set, classes or size changed: preview again),
 * {@link StartEvent}, {@link CompareEvent}, {@link StopEvent} and {@link PauseEvent}.
 */
class TrainingSetup extends VerticalLayout {

    /** An event carrying the form's choices as they are. */
    abstract static class ChoiceEvent extends ComponentEvent<TrainingSetup> {
        final TrainingLab.Choice choice;

        ChoiceEvent(TrainingSetup source) {
            super(source, false);
            this.choice = source.choice();
        }
    }

    /** The data set, its classes or the images per class changed. */
    static class ChangeEvent extends ChoiceEvent {
        ChangeEvent(TrainingSetup source) {
            super(source);
        }
    }

    /** Train the chosen network. */
    static class StartEvent extends ChoiceEvent {
        StartEvent(TrainingSetup source) {
            super(source);
        }
    }

    /** Train the MLP, the Flatten CNN and the GAP CNN on the same data, one after the other. */
    static class CompareEvent extends ChoiceEvent {
        CompareEvent(TrainingSetup source) {
            super(source);
        }
    }

    /** Stop the run. */
    static class StopEvent extends ComponentEvent<TrainingSetup> {
        StopEvent(TrainingSetup source) {
            super(source, false);
        }
    }

    /** Pause the run ({@code pause}), or go on. */
    static class PauseEvent extends ComponentEvent<TrainingSetup> {
        final boolean pause;

        PauseEvent(TrainingSetup source, boolean pause) {
            super(source, false);
            this.pause = pause;
        }
    }

    private final Select<String> dataset = new Select<>();
    private final MultiSelectComboBox<String> classes = new MultiSelectComboBox<>();
    private final SerializableFunction<String, TrainingLab.DatasetClasses> classesOf;
    private boolean updating;
    private List<String> allClasses = List.of();
    private final IntegerField perClass = integer("train-per-class", "training.perClass", 200);
    private final Select<TrainingLab.NetworkChoice> network = new Select<>();
    private final Select<OptimizerSpec.Kind> optimizer = new Select<>();
    private final NumberField learningRate = number("train-lr", "training.lr", 0.01);
    private final NumberField momentum = number("train-momentum", "training.momentum", 0.9);
    private final NumberField sigma = number("train-sigma", "training.sigma", 0.001);
    private final IntegerField batch = integer("train-batch", "training.batch", 32);
    private final IntegerField epochs = integer("train-epochs", "training.epochs", 3);
    private final NumberField validation = number("train-validation", "training.validation", 0.2);
    private final IntegerField seed = integer("train-seed", "training.seed", 42);
    private final Button start = new Button();
    private final Button stop = new Button();
    private final Button compare = new Button();
    private final Button pause = new Button();
    private boolean paused;

    /** @param classesOf a data set's classes, looked up when the student picks it */
    TrainingSetup(List<String> datasets, SerializableFunction<String, TrainingLab.DatasetClasses> classesOf) {
        setPadding(false);
        setWidth("22rem");
        dataset.setId("train-dataset");
        dataset.setLabel(getTranslation("training.dataset"));
        dataset.setItems(datasets);
        dataset.setItemLabelGenerator(id -> getTranslation("dataset." + id));
        this.classesOf = classesOf;
        classes.setId("train-classes");
        classes.setLabel(getTranslation("training.classes"));
        classes.setItemLabelGenerator(c -> ClassNames.label(this, c));
        classes.setWidthFull();
        dataset.setValue(datasets.getFirst());
        showClasses();
        dataset.addValueChangeListener(e -> {
            showClasses();
            fireEvent(new ChangeEvent(this));
        });
        classes.addValueChangeListener(e -> {
            if (!updating) fireEvent(new ChangeEvent(this));
        });
        perClass.addValueChangeListener(e -> fireEvent(new ChangeEvent(this)));
        network.setId("train-network");
        network.setLabel(getTranslation("training.network"));
        network.setItems(TrainingLab.NetworkChoice.ALL);
        network.setItemLabelGenerator(n -> getTranslation("training.network." + n.id().toLowerCase(Locale.ROOT)));
        network.setValue(TrainingLab.NetworkChoice.ALL.getFirst());
        optimizer.setId("train-optimizer");
        optimizer.setLabel(getTranslation("training.optimizer"));
        optimizer.setItems(OptimizerSpec.Kind.values());
        optimizer.setItemLabelGenerator(k -> getTranslation("training.optimizer." + k.name().toLowerCase(Locale.ROOT)));
        optimizer.setValue(OptimizerSpec.Kind.ADAM);
        optimizer.addValueChangeListener(e -> showOptimizerFields());
        start.setText(getTranslation("training.start"));
        start.setId("train-start");
        start.addThemeVariants(ButtonVariant.PRIMARY);
        start.addClickListener(e -> fireEvent(new StartEvent(this)));
        compare.setText(getTranslation("training.compareAll"));
        compare.setId("train-compare");
        compare.addClickListener(e -> fireEvent(new CompareEvent(this)));
        compare.setTooltipText(getTranslation("training.compareAll.help"));
        stop.setText(getTranslation("training.stop"));
        stop.setId("train-stop");
        stop.addClickListener(e -> fireEvent(new StopEvent(this)));
        stop.setEnabled(false);
        pause.setId("train-pause");
        pause.setText(getTranslation("training.pause"));
        pause.addClickListener(e -> fireEvent(new PauseEvent(this, !paused)));
        pause.setEnabled(false);
        HorizontalLayout numbers = new HorizontalLayout(learningRate, momentum, sigma, batch, epochs, validation, seed);
        numbers.setWrap(true);
        add(new H3(getTranslation("training.setup")), dataset, classes, perClass, network, optimizer, numbers, new HorizontalLayout(start, pause, stop), compare);
        showOptimizerFields();
    }

    Registration addChangeListener(ComponentEventListener<ChangeEvent> listener) {
        return addListener(ChangeEvent.class, listener);
    }

    Registration addStartListener(ComponentEventListener<StartEvent> listener) {
        return addListener(StartEvent.class, listener);
    }

    Registration addCompareListener(ComponentEventListener<CompareEvent> listener) {
        return addListener(CompareEvent.class, listener);
    }

    Registration addStopListener(ComponentEventListener<StopEvent> listener) {
        return addListener(StopEvent.class, listener);
    }

    Registration addPauseListener(ComponentEventListener<PauseEvent> listener) {
        return addListener(PauseEvent.class, listener);
    }

    /** Chooses a data set as if the student had (the instructor's push, or a link with ?dataset=). */
    void chooseDataset(String id) {
        if (dataset.getListDataView().getItems().anyMatch(id::equals)) dataset.setValue(id);
    }

    TrainingLab.Choice choice() {
        OptimizerSpec o = new OptimizerSpec(optimizer.getValue(), Fields.valueOr(learningRate, -1), Fields.valueOr(momentum, 0), Fields.valueOr(sigma, 0));
        return new TrainingLab.Choice(dataset.getValue(), classes.getSelectedItems().stream().sorted(
                Comparator.comparingInt(allClasses::indexOf)).toList(), Fields.valueOr(perClass, 0), network.getValue(), o, Fields.valueOr(batch, 0), Fields.valueOr(epochs, 0),
                Fields.valueOr(validation, -1), Fields.valueOr(seed, 0));
    }

    /** The chosen data set's classes, its default ones selected (QuickDraw offers 345). */
    private void showClasses() {
        TrainingLab.DatasetClasses c = classesOf.apply(dataset.getValue());
        updating = true;
        allClasses = c.all();
        classes.setItems(c.all());
        classes.setValue(new LinkedHashSet<>(c.defaults()));
        classes.setVisible(!c.all().isEmpty());
        updating = false;
    }

    void running(boolean running, boolean paused) {
        this.paused = paused;
        start.setEnabled(!running);
        compare.setEnabled(!running);
        stop.setEnabled(running);
        pause.setEnabled(running);
        pause.setText(getTranslation(paused ? "training.resume" : "training.pause"));
    }

    private void showOptimizerFields() {
        momentum.setVisible(optimizer.getValue() == OptimizerSpec.Kind.MOMENTUM);
        sigma.setVisible(optimizer.getValue() == OptimizerSpec.Kind.NOISY_SGD);
    }

    private IntegerField integer(String id, String labelKey, int value) {
        return Fields.integer(id, getTranslation(labelKey), value, "9em");
    }

    private NumberField number(String id, String labelKey, double value) {
        return Fields.number(id, getTranslation(labelKey), value, "9em");
    }
}
