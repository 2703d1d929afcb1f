package org.cnnlab.classroom.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.ItemLabelGenerator;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.shared.Registration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.cnnlab.base.ClassEvent;
import org.cnnlab.base.Lesson;
import org.cnnlab.classroom.ClassSession;
import org.cnnlab.convolution.Kernel;
import org.cnnlab.convolution.KernelPreset;
import org.cnnlab.imaging.SampleImages;
import org.cnnlab.network.NetworkPresets;

/**
 * What reaches every student's page at once: a pause, pacing, a kernel or image for the playground, a
 * network, a data set. The images and data sets to offer come in at construction; each send is an
 * event for the session shown.
 */
class TeachingPanel extends Div {

    /** Something to send to every student of session {@code classId}. */
    public abstract static class TeachingEvent extends ComponentEvent<TeachingPanel> {
        private final long classId;

        protected TeachingEvent(TeachingPanel source, long classId) {
            super(source, false);
            this.classId = classId;
        }

        public long classId() {
            return classId;
        }
    }

    /** Pause every page with a message, or ({@code paused} false) resume. */
    public static class PauseEvent extends TeachingEvent {
        private final boolean paused;
        private final String message;

        public PauseEvent(TeachingPanel source, long classId, boolean paused, String message) {
            super(source, classId);
            this.paused = paused;
            this.message = message;
        }

        public boolean paused() {
            return paused;
        }

        public String message() {
            return message;
        }
    }

    /** Open only these lessons; {@code null} opens them all. */
    public static class PaceEvent extends TeachingEvent {
        private final Set<Lesson> lessons;

        public PaceEvent(TeachingPanel source, long classId, Set<Lesson> lessons) {
            super(source, classId);
            this.lessons = lessons;
        }

        public Set<Lesson> lessons() {
            return lessons;
        }
    }

    /** A preset's size × size kernel (weights row by row) for every playground, with its translated name. */
    public static class PushKernelEvent extends TeachingEvent {
        private final int size;
        private final List<Float> weights;
        private final float bias;
        private final String label;

        public PushKernelEvent(TeachingPanel source, long classId, int size, List<Float> weights, float bias, String label) {
            super(source, classId);
            this.size = size;
            this.weights = weights;
            this.bias = bias;
            this.label = label;
        }

        public int size() {
            return size;
        }

        public List<Float> weights() {
            return weights;
        }

        public float bias() {
            return bias;
        }

        public String label() {
            return label;
        }
    }

    /** An image, network or data set ({@code value} its id) for every student, with its translated name. */
    public static class PushEvent extends TeachingEvent {
        private final ClassEvent.Pushed.What what;
        private final String value;
        private final String label;

        public PushEvent(TeachingPanel source, long classId, ClassEvent.Pushed.What what, String value, String label) {
            super(source, classId);
            this.what = what;
            this.value = value;
            this.label = label;
        }

        public ClassEvent.Pushed.What what() {
            return what;
        }

        public String value() {
            return value;
        }

        public String label() {
            return label;
        }
    }

    private final Button pause = new Button();
    private final TextField message = new TextField();
    private final MultiSelectComboBox<Lesson> lessons = new MultiSelectComboBox<>();
    private final Select<KernelPreset> preset = new Select<>();
    private ClassSession session;

    /** {@code samples}: the images to offer; {@code datasets}: the data sets' ids. */
    TeachingPanel(List<SampleImages.Sample> samples, List<String> datasets) {
        addClassName("dashboard-panel");
        setId("teaching-panel");
        message.setLabel(getTranslation("class.pause.message"));
        message.setId("pause-message");
        pause.setId("pause-toggle");
        pause.addClickListener(e -> fireEvent(new PauseEvent(this, session.id(), !session.paused(), message.getValue())));
        lessons.setLabel(getTranslation("class.pace.label"));
        lessons.setItems(Lesson.values());
        lessons.setItemLabelGenerator(l -> getTranslation(l.titleKey()));
        lessons.setPlaceholder(getTranslation("class.pace.all"));
        lessons.setId("pace-lessons");
        Button pace = new Button(getTranslation("class.pace.apply"), e -> fireEvent(new PaceEvent(this, session.id(),
                lessons.getValue().isEmpty() ? null : EnumSet.copyOf(lessons.getValue()))));
        pace.setId("pace-apply");
        preset.setLabel(getTranslation("class.push.kernel.label"));
        preset.setItems(KernelPreset.values());
        preset.setItemLabelGenerator(p -> getTranslation("preset." + p.name().toLowerCase(Locale.ROOT)));
        preset.setId("push-kernel-preset");
        Button push = new Button(getTranslation("class.push.kernel.send"), e -> pushKernel());
        push.setId("push-kernel");
        add(new H2(getTranslation("class.teaching.heading")), row(message, pause), row(lessons, pace), row(preset, push),
                pushRow(ClassEvent.Pushed.What.IMAGE, samples.stream().map(SampleImages.Sample::id).toList(),
                        id -> getTranslation(samples.stream().filter(x -> x.id().equals(id)).findFirst().orElseThrow().labelKey())),
                pushRow(ClassEvent.Pushed.What.NETWORK, Arrays.stream(NetworkPresets.values()).map(Enum::name).toList(),
                        name -> getTranslation("netpreset." + name.toLowerCase(Locale.ROOT))),
                pushRow(ClassEvent.Pushed.What.DATASET, datasets, id -> getTranslation("dataset." + id)));
    }

    /** A choice of images, networks or data sets and a button that sends the chosen one to everyone. */
    private HorizontalLayout pushRow(ClassEvent.Pushed.What what, List<String> values, ItemLabelGenerator<String> label) {
        String key = what.name().toLowerCase(Locale.ROOT);
        Select<String> choice = new Select<>();
        choice.setLabel(getTranslation("class.push." + key + ".label"));
        choice.setItems(values);
        choice.setItemLabelGenerator(label);
        choice.setId("push-" + key + "-choice");
        Button send = new Button(getTranslation("class.push.kernel.send"), e -> {
            if (choice.getValue() != null) fireEvent(new PushEvent(this, session.id(), what, choice.getValue(), label.apply(choice.getValue())));
        });
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
        fireEvent(new PushKernelEvent(this, session.id(), kernel.size(), weights, 0f, getTranslation("preset." + chosen.name().toLowerCase(Locale.ROOT))));
    }

    public Registration addPauseListener(ComponentEventListener<PauseEvent> listener) {
        return addListener(PauseEvent.class, listener);
    }

    public Registration addPaceListener(ComponentEventListener<PaceEvent> listener) {
        return addListener(PaceEvent.class, listener);
    }

    public Registration addPushKernelListener(ComponentEventListener<PushKernelEvent> listener) {
        return addListener(PushKernelEvent.class, listener);
    }

    public Registration addPushListener(ComponentEventListener<PushEvent> listener) {
        return addListener(PushEvent.class, listener);
    }
}
