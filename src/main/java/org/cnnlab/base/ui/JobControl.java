package org.cnnlab.base.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.progressbar.ProgressBar;
import java.io.Serializable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.function.DoubleConsumer;
import org.cnnlab.base.InvalidInputException;

/**
 * A job a page starts on the server: its run button, its cancel button and its progress bar, and the
 * rules they follow. A run refused at once shows its message; while a job runs, run is disabled and
 * cancel and the bar are shown; a new run cancels the last; the result (or the failure's message)
 * arrives by push; a page that goes away cancels its job. The owner places the three components.
 *
 * @param <T> what a finished job gives
 */
public final class JobControl<T> implements Serializable {

    /** Starts the job, telling the fraction done; returns null when there is nothing to run. */
    @FunctionalInterface
    public interface Starter<T> extends Serializable {
        CompletableFuture<T> start(DoubleConsumer progress);
    }

    /** What the page does with a finished job's result. */
    @FunctionalInterface
    public interface Done<T> extends Serializable {
        void accept(T result);
    }

    private final Component owner;
    private final Starter<T> starter;
    private final Done<T> done;
    private final Button run = new Button();
    private final Button cancel = new Button();
    private final ProgressBar progress = new ProgressBar();
    private CompletableFuture<T> running;

    /** @param id the ids' prefix: {@code <id>-run}, {@code <id>-cancel}, {@code <id>-progress} */
    public JobControl(Component owner, String id, String runLabel, String progressLabel, Starter<T> starter, Done<T> done) {
        this.owner = owner;
        this.starter = starter;
        this.done = done;
        run.setText(runLabel);
        run.setId(id + "-run");
        run.addThemeVariants(ButtonVariant.PRIMARY);
        run.addClickListener(e -> run());
        cancel.setText(owner.getTranslation("job.cancel"));
        cancel.setId(id + "-cancel");
        cancel.addClickListener(e -> cancel());
        progress.setId(id + "-progress");
        progress.getElement().setAttribute("aria-label", progressLabel);
        owner.addDetachListener(e -> cancel());   // the page is gone: its result is not wanted
        showRunning(false);
    }

    public Button runButton() {
        return run;
    }

    public Button cancelButton() {
        return cancel;
    }

    public ProgressBar progressBar() {
        return progress;
    }

    public void run() {
        UI ui = UI.getCurrent();
        cancel();
        CompletableFuture<T> job;
        try {
            job = starter.start(fraction -> ui.access(() -> progress.setValue(fraction)));
        } catch (InvalidInputException e) {
            Messages.error(owner, e);
            return;
        }
        if (job == null) return;
        running = job;
        showRunning(true);
        job.whenComplete((result, failure) -> ui.access(() -> {
            if (running != job) return;   // replaced by a newer run
            running = null;
            showRunning(false);
            if (failure == null) done.accept(result);
            else if (!(failure instanceof CancellationException)) Messages.failure(owner, failure);
        }));
    }

    public void cancel() {
        if (running == null) return;
        running.cancel(false);
        running = null;
        showRunning(false);
    }

    private void showRunning(boolean on) {
        progress.setValue(0);
        progress.setVisible(on);
        cancel.setVisible(on);
        run.setEnabled(!on);
    }
}
