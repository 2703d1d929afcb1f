package org.cnnlab.classroom.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.ItemLabelGenerator;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import org.cnnlab.base.ClassEvent;
import org.cnnlab.base.Lesson;
import org.cnnlab.base.ui.Messages;
import org.cnnlab.classroom.ClassSession;
import org.cnnlab.classroom.ClassSessions;
import org.cnnlab.classroom.TeachingControls;
import org.cnnlab.convolution.Kernel;
import org.cnnlab.convolution.KernelPreset;
import org.cnnlab.dataset.DatasetCatalog;
import org.cnnlab.imaging.SampleImages;
import org.cnnlab.network.NetworkPresets;

/** What reaches every student's page at once: a pause, pacing, a kernel or image for the playground, a network, a data set. */
class TeachingPanel extends Div {
    private final TeachingControls teaching;
    private final ClassSessions sessions;
    private final Button pause = new Button();
    private final TextField message = new TextField();
    private final MultiSelectComboBox<Lesson> lessons = new MultiSelectComboBox<>();
    private final Select<KernelPreset> preset = new Select<>();
    private ClassSession session;

    TeachingPanel(TeachingControls teaching, ClassSessions sessions, SampleImages samples, DatasetCatalog datasets) {
        this.teaching = teaching;
        this.sessions = sessions;
        addClassName("dashboard-panel");
        setId("teaching-panel");
        message.setLabel(getTranslation("class.pause.message"));
        message.setId("pause-message");
        pause.setId("pause-toggle");
        pause.addClickListener(e -> Messages.attempt(this, () -> {
            teaching.pause(session.id(), !session.paused(), message.getValue());
            show(sessions.session(session.id()));
        }));
        lessons.setLabel(getTranslation("class.pace.label"));
        lessons.setItems(Lesson.values());
        lessons.setItemLabelGenerator(l -> getTranslation(l.titleKey()));
        lessons.setPlaceholder(getTranslation("class.pace.all"));
        lessons.setId("pace-lessons");
        Button pace = new Button(getTranslation("class.pace.apply"), e -> Messages.attempt(this,
                () -> teaching.pace(session.id(), lessons.getValue().isEmpty() ? null : EnumSet.copyOf(lessons.getValue()))));
        pace.setId("pace-apply");
        preset.setLabel(getTranslation("class.push.kernel.label"));
        preset.setItems(KernelPreset.values());
        preset.setItemLabelGenerator(p -> getTranslation("preset." + p.name().toLowerCase(Locale.ROOT)));
        preset.setId("push-kernel-preset");
        Button push = new Button(getTranslation("class.push.kernel.send"), e -> Messages.attempt(this, this::pushKernel));
        push.setId("push-kernel");
        add(new H2(getTranslation("class.teaching.heading")), row(message, pause), row(lessons, pace), row(preset, push),
                pushRow(ClassEvent.Pushed.What.IMAGE, samples.list().stream().map(SampleImages.Sample::id).toList(),
                        id -> getTranslation(samples.list().stream().filter(x -> x.id().equals(id)).findFirst().orElseThrow().labelKey())),
                pushRow(ClassEvent.Pushed.What.NETWORK, Arrays.stream(NetworkPresets.values()).map(Enum::name).toList(),
                        name -> getTranslation("netpreset." + name.toLowerCase(Locale.ROOT))),
                pushRow(ClassEvent.Pushed.What.DATASET, datasets.ids(), id -> getTranslation("dataset." + id)));
    }

    /** A choice of images, networks or data sets and a button that sends the chosen one to everyone. */
    private HorizontalLayout pushRow(ClassEvent.Pushed.What what, List<String> values, ItemLabelGenerator<String> label) {
        String key = what.name().toLowerCase(Locale.ROOT);
        Select<String> choice = new Select<>();
        choice.setLabel(getTranslation("class.push." + key + ".label"));
        choice.setItems(values);
        choice.setItemLabelGenerator(label);
        choice.setId("push-" + key + "-choice");
        Button send = new Button(getTranslation("class.push.kernel.send"), e -> Messages.attempt(this, () -> {
            if (choice.getValue() != null) teaching.push(session.id(), what, choice.getValue(), label.apply(choice.getValue()));
        }));
        send.setId("push-" + key);
        return row(choice, send);
    }

    private static HorizontalLayout row(Component... parts) {
        HorizontalLayout row = new HorizontalLayout(parts);
        row.setAlignItems(HorizontalLayout.Alignment.BASELINE);
        row.setWrap(true);
        return row;
    }

    void show(ClassSession s) {
        session = s;
        pause.setText(getTranslation(s.paused() ? "class.pause.resume" : "class.pause.start"));
        lessons.setValue(s.lessons() == null ? EnumSet.noneOf(Lesson.class) : s.lessons());
    }

    private void pushKernel() {
        KernelPreset chosen = preset.getValue();
        if (chosen == null) return;
        Kernel kernel = chosen.kernel(3);
        List<Float> weights = new ArrayList<>();
        for (float w : kernel.weights()) weights.add(w);
        teaching.pushKernel(session.id(), kernel.size(), weights, 0f, getTranslation("preset." + chosen.name().toLowerCase(Locale.ROOT)));
    }
}
