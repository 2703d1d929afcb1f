package org.cnnlab.training.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.NumberField;
import com.vaadin.flow.function.SerializableConsumer;
import com.vaadin.flow.function.SerializableFunction;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import org.cnnlab.base.ui.ClassNames;
import org.cnnlab.base.ui.Fields;
import org.cnnlab.models.OptimizerSpec;
import org.cnnlab.training.TrainingLab;

/** The run's settings; empty fields become values the service refuses with a reason. */
class TrainingSetup extends VerticalLayout {

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

    TrainingSetup(List<String> datasets, SerializableFunction<String, TrainingLab.DatasetClasses> classesOf,
                  SerializableConsumer<TrainingLab.Choice> onData,
                  SerializableConsumer<TrainingLab.Choice> onStart, SerializableConsumer<TrainingLab.Choice> onCompare, Runnable onStop,
                  SerializableConsumer<Boolean> onPause) {
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
            onData.accept(choice());
        });
        classes.addValueChangeListener(e -> {
            if (!updating) onData.accept(choice());
        });
        perClass.addValueChangeListener(e -> onData.accept(choice()));
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
        start.addClickListener(e -> onStart.accept(choice()));
        compare.setText(getTranslation("training.compareAll"));
        compare.setId("train-compare");
        compare.addClickListener(e -> onCompare.accept(choice()));
        compare.setTooltipText(getTranslation("training.compareAll.help"));
        stop.setText(getTranslation("training.stop"));
        stop.setId("train-stop");
        stop.addClickListener(e -> onStop.run());
        stop.setEnabled(false);
        pause.setId("train-pause");
        pause.setText(getTranslation("training.pause"));
        pause.addClickListener(e -> onPause.accept(!paused));
        pause.setEnabled(false);
        HorizontalLayout numbers = new HorizontalLayout(learningRate, momentum, sigma, batch, epochs, validation, seed);
        numbers.setWrap(true);
        add(new H3(getTranslation("training.setup")), dataset, classes, perClass, network, optimizer, numbers, new HorizontalLayout(start, pause, stop), compare);
        showOptimizerFields();
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
