package org.cnnlab.classroom.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import org.cnnlab.base.Lesson;
import org.cnnlab.base.ui.Messages;
import org.cnnlab.classroom.ClassAdmin;
import org.cnnlab.classroom.ClassSession;
import org.cnnlab.convolution.Kernel;
import org.cnnlab.convolution.KernelPreset;

/** What reaches every student's page at once: a pause, pacing, a kernel for the playground. */
class TeachingPanel extends Div {
    private final ClassAdmin admin;
    private final Button pause = new Button();
    private final TextField message = new TextField();
    private final MultiSelectComboBox<Lesson> lessons = new MultiSelectComboBox<>();
    private final Select<KernelPreset> preset = new Select<>();
    private ClassSession session;

    TeachingPanel(ClassAdmin admin) {
        this.admin = admin;
        addClassName("dashboard-panel");
        setId("teaching-panel");
        message.setLabel(getTranslation("class.pause.message"));
        message.setId("pause-message");
        pause.setId("pause-toggle");
        pause.addClickListener(e -> Messages.attempt(this, () -> {
            admin.pause(session.id(), !session.paused(), message.getValue());
            show(admin.session(session.id()));
        }));
        lessons.setLabel(getTranslation("class.pace.label"));
        lessons.setItems(Lesson.values());
        lessons.setItemLabelGenerator(l -> getTranslation(l.titleKey()));
        lessons.setPlaceholder(getTranslation("class.pace.all"));
        lessons.setId("pace-lessons");
        Button pace = new Button(getTranslation("class.pace.apply"), e -> Messages.attempt(this,
                () -> admin.pace(session.id(), lessons.getValue().isEmpty() ? null : EnumSet.copyOf(lessons.getValue()))));
        pace.setId("pace-apply");
        preset.setLabel(getTranslation("class.push.kernel.label"));
        preset.setItems(KernelPreset.values());
        preset.setItemLabelGenerator(p -> getTranslation("preset." + p.name().toLowerCase(Locale.ROOT)));
        preset.setId("push-kernel-preset");
        Button push = new Button(getTranslation("class.push.kernel.send"), e -> Messages.attempt(this, this::pushKernel));
        push.setId("push-kernel");
        add(new H2(getTranslation("class.teaching.heading")), row(message, pause), row(lessons, pace), row(preset, push));
    }

    private static HorizontalLayout row(com.vaadin.flow.component.Component... parts) {
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
        admin.pushKernel(session.id(), kernel.size(), weights, 0f, getTranslation("preset." + chosen.name().toLowerCase(Locale.ROOT)));
    }
}
