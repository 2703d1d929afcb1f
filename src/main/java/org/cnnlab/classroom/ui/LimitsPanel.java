package org.cnnlab.classroom.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.IntegerField;
import org.cnnlab.base.ui.Messages;
import org.cnnlab.classroom.QueueAdmin;
import org.cnnlab.training.TrainingLimits;

/** The class's training limits: jobs per student, epochs, images, parameters, minutes per job (configuration is the ceiling). */
class LimitsPanel extends Div {
    private final QueueAdmin queue;
    private final IntegerField jobs = field("class.limits.jobs", "limit-jobs");
    private final IntegerField epochs = field("class.limits.epochs", "limit-epochs");
    private final IntegerField samples = field("class.limits.samples", "limit-samples");
    private final IntegerField parameters = field("class.limits.parameters", "limit-parameters");
    private final IntegerField seconds = field("class.limits.seconds", "limit-seconds");

    LimitsPanel(QueueAdmin queue) {
        this.queue = queue;
        addClassName("dashboard-panel");
        setId("limits-panel");
        Button apply = new Button(getTranslation("class.pace.apply"), e -> Messages.attempt(this, () -> show(queue.setTrainingLimits(
                value(jobs), value(epochs), value(samples), value(parameters), value(seconds)))));
        apply.setId("limits-apply");
        Div fields = new Div(jobs, epochs, samples, parameters, seconds);
        fields.addClassName("limits-fields");
        Paragraph help = new Paragraph(getTranslation("class.limits.help"));
        help.addClassName("help");
        add(new H2(getTranslation("class.limits.heading")), fields, apply, help);
        show(queue.trainingLimits());
    }

    private IntegerField field(String key, String id) {
        IntegerField f = new IntegerField(getTranslation(key));
        f.setId(id);
        f.setMin(1);
        f.setStepButtonsVisible(true);
        return f;
    }

    private static int value(IntegerField f) {
        return f.getValue() == null ? 1 : f.getValue();
    }

    private void show(TrainingLimits l) {
        jobs.setValue(l.maxQueuedPerStudent());
        epochs.setValue(l.maxEpochs());
        samples.setValue(l.maxSamples());
        parameters.setValue((int) Math.min(Integer.MAX_VALUE, l.maxParameters()));
        seconds.setValue(l.maxWallSeconds());
    }
}
