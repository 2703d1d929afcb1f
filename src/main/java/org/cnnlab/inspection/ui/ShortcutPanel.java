package org.cnnlab.inspection.ui;

import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.shared.Registration;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.cnnlab.base.ui.ImageUrls;
import org.cnnlab.base.ui.Numbers;
import org.cnnlab.inspection.Saliency;
import org.cnnlab.inspection.ShortcutLab;
import org.cnnlab.training.TrainingProgress;

/**
 * "¿Husky o lobo?": train on biased and on mixed backgrounds, then compare accuracy and where the
 * explanations look. It holds no service: a train button fires a {@link TrainEvent}, and
 * {@link ShortcutSection} tells it how the run goes ({@link #progress}) and what came of it
 * ({@link #evaluated}).
 */
class ShortcutPanel extends VerticalLayout {

    /** Train the husky-or-wolf CNN on {@code variant}'s backgrounds. */
    static class TrainEvent extends ComponentEvent<ShortcutPanel> {
        final ShortcutLab.Variant variant;

        TrainEvent(ShortcutPanel source, ShortcutLab.Variant variant) {
            super(source, false);
            this.variant = variant;
        }
    }

    private final ProgressBar progress = new ProgressBar();
    private final Span status = new Span();
    private final Div results = new Div();
    private final Map<ShortcutLab.Variant, ShortcutLab.Result> done = new EnumMap<>(ShortcutLab.Variant.class);
    private final Button biased;
    private final Button mixed;

    private final List<Saliency.Method> methods;

    /**
     * @param pngs example pictures: the first half from the training set, the rest counterfactual; husky, wolf, husky…
     * @param methods the saliency methods whose background share the results show, in this order
     */
    ShortcutPanel(List<byte[]> pngs, List<Saliency.Method> methods) {
        this.methods = methods;
        setPadding(false);
        setId("shortcut");
        Div examples = new Div();
        examples.addClassName("dataset-grid");
        for (int i = 0; i < pngs.size(); i++) {
            Image img = new Image(ImageUrls.png(pngs.get(i)), "");
            img.addClassName("pixel-image");
            String caption = getTranslation(i < pngs.size() / 2 ? "shortcut.train" : "shortcut.counterfactual") + " · "
                    + getTranslation(i % 2 == 0 ? "class.husky" : "class.wolf");
            Div cell = new Div(img, new Span(caption));
            cell.addClassName("dataset-cell");
            examples.add(cell);
        }
        biased = new Button(getTranslation("shortcut.trainBiased"), e -> fireEvent(new TrainEvent(this, ShortcutLab.Variant.BIASED)));
        biased.setId("shortcut-biased");
        mixed = new Button(getTranslation("shortcut.trainMixed"), e -> fireEvent(new TrainEvent(this, ShortcutLab.Variant.MIXED)));
        mixed.setId("shortcut-mixed");
        progress.setVisible(false);
        status.setId("shortcut-status");
        results.setId("shortcut-results");
        results.addClassName("shortcut-table");
        add(new H3(getTranslation("shortcut.title")), new Paragraph(getTranslation("shortcut.intro")), examples,
                new HorizontalLayout(biased, mixed), progress, status, results);
    }

    Registration addTrainListener(ComponentEventListener<TrainEvent> listener) {
        return addListener(TrainEvent.class, listener);
    }

    /** The run of {@code variant} was queued: no second one until it ends. */
    void started() {
        biased.setEnabled(false);
        mixed.setEnabled(false);
        progress.setVisible(true);
    }

    /** A snapshot of the run of {@code variant}; one that ended otherwise than done says why and frees the buttons. */
    void progress(ShortcutLab.Variant variant, TrainingProgress p) {
        progress.setIndeterminate(p.state() == TrainingProgress.State.QUEUED);
        progress.setValue(p.fraction());
        status.setText(getTranslation("shortcut.training", getTranslation("shortcut." + variant.name().toLowerCase(Locale.ROOT)),
                Math.round(100 * p.fraction())));
        if (!p.finished()) return;
        if (p.state() == TrainingProgress.State.DONE) {
            progress.setIndeterminate(true);
            status.setText(getTranslation("shortcut.explaining"));
        } else {
            enable();
            status.setText(p.messageKey() == null ? getTranslation("training.status.cancelled") : getTranslation(p.messageKey(), p.messageArgs()));
        }
    }

    /** What the trained model of {@code variant} did on both test sets and where its explanations looked; null if that failed. */
    void evaluated(ShortcutLab.Variant variant, ShortcutLab.Result result) {
        enable();
        if (result == null) {
            status.setText(getTranslation("training.error.failed"));
            return;
        }
        done.put(variant, result);
        status.setText(getTranslation("shortcut.done"));
        show();
    }

    private void enable() {
        progress.setVisible(false);
        biased.setEnabled(true);
        mixed.setEnabled(true);
    }

    private void show() {
        results.removeAll();
        results.add(cell("", true));
        for (ShortcutLab.Variant v : done.keySet()) results.add(cell(getTranslation("shortcut." + v.name().toLowerCase(Locale.ROOT)), true));
        row(getTranslation("shortcut.accuracyBiased"), v -> percent(done.get(v).biasedAccuracy()));
        row(getTranslation("shortcut.accuracyCounterfactual"), v -> percent(done.get(v).counterfactualAccuracy()));
        for (Saliency.Method m : methods) {
            row(getTranslation("shortcut.share", getTranslation("saliency.method." + m.name().toLowerCase(Locale.ROOT))),
                    v -> percent(done.get(v).backgroundShare().get(m)) + " · ×" + Numbers.of(this).decimal(done.get(v).backgroundDensity(m), 2));
        }
        results.getStyle().set("grid-template-columns", "repeat(" + (done.size() + 1) + ", auto)");
        ShortcutLab.Result any = done.values().iterator().next();
        Paragraph note = new Paragraph(getTranslation("shortcut.note", percent(any.backgroundArea())));
        note.addClassName("help");
        results.add(note);
    }

    private void row(String label, Function<ShortcutLab.Variant, String> value) {
        results.add(cell(label, true));
        for (ShortcutLab.Variant v : done.keySet()) results.add(cell(value.apply(v), false));
    }

    private static Span cell(String text, boolean header) {
        Span s = new Span(text);
        if (header) s.addClassName("shortcut-header");
        return s;
    }

    private String percent(double v) {
        return Numbers.of(this).percent(v, 1);
    }
}
