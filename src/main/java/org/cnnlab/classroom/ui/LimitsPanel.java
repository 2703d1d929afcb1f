package org.cnnlab.classroom.ui;

import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.shared.Registration;
import org.cnnlab.training.TrainingLimits;

/**
 * The class's training limits: jobs per student, epochs, images, parameters, minutes per job
 * (configuration is the ceiling). "Apply" is an event with the values typed; the view shows the
 * limits as the queue took them.
 */
class LimitsPanel extends Div {

    /** The limits typed (an empty field counts as 1); the service clamps each to its configured ceiling. */
    public static class ApplyEvent extends ComponentEvent<LimitsPanel> {
        private final int jobsPerStudent;
        private final int epochs;
        private final int samples;
        private final long parameters;
        private final int wallSeconds;

        public ApplyEvent(LimitsPanel source, int jobsPerStudent, int epochs, int samples, long parameters, int wallSeconds) {
            super(source, false);
            this.jobsPerStudent = jobsPerStudent;
            this.epochs = epochs;
            this.samples = samples;
            this.parameters = parameters;
            this.wallSeconds = wallSeconds;
        }

        public int jobsPerStudent() {
            return jobsPerStudent;
        }

        public int epochs() {
            return epochs;
        }

        public int samples() {
            return samples;
        }

        public long parameters() {
            return parameters;
        }

        public int wallSeconds() {
            return wallSeconds;
        }
    }

    private final IntegerField jobs = field("class.limits.jobs", "limit-jobs");
    private final IntegerField epochs = field("class.limits.epochs", "limit-epochs");
    private final IntegerField samples = field("class.limits.samples", "limit-samples");
    private final IntegerField parameters = field("class.limits.parameters", "limit-parameters");
    private final IntegerField seconds = field("class.limits.seconds", "limit-seconds");

    /** Shows {@code limits}, the queue's limits now. */
    LimitsPanel(TrainingLimits limits) {
        addClassName("dashboard-panel");
        setId("limits-panel");
        Button apply = new Button(getTranslation("class.pace.apply"),
                e -> fireEvent(new ApplyEvent(this, value(jobs), value(epochs), value(samples), value(parameters), value(seconds))));
        apply.setId("limits-apply");
        Div fields = new Div(jobs, epochs, samples, parameters, seconds);
        fields.addClassName("limits-fields");
        Paragraph help = new Paragraph(getTranslation("class.limits.help"));
        help.addClassName("help");
        add(new H2(getTranslation("class.limits.heading")), fields, apply, help);
        show(limits);
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

    void show(TrainingLimits l) {
        jobs.setValue(l.maxQueuedPerStudent());
        epochs.setValue(l.maxEpochs());
        samples.setValue(l.maxSamples());
        parameters.setValue((int) Math.min(Integer.MAX_VALUE, l.maxParameters()));
        seconds.setValue(l.maxWallSeconds());
    }

    public Registration addApplyListener(ComponentEventListener<ApplyEvent> listener) {
        return addListener(ApplyEvent.class, listener);
    }
}
