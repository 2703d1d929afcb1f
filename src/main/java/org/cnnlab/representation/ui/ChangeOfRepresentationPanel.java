package org.cnnlab.representation.ui;

import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.NumberField;
import com.vaadin.flow.shared.Registration;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.cnnlab.base.InvalidInputException;
import org.cnnlab.base.ui.Fields;
import org.cnnlab.base.ui.Messages;
import org.cnnlab.representation.Feature;
import org.cnnlab.representation.PointSet;
import org.cnnlab.representation.RepresentationLab;

/**
 * A change of representation φ on 2-D points, and a representation an MLP learns; the work happens in
 * {@link RepresentationLab}. The panel holds no service: "fit" fires a {@link FitEvent}, and whoever runs the fit tells
 * the panel {@link #started}, its {@link #progress} and {@link #finished} (or {@link #refused}).
 */
class ChangeOfRepresentationPanel extends Div {

    /**
     * A fit of the points ({@code points} of {@code kind} with {@code noise}, made with {@code seed}): a line on φ(x)
     * for the chosen {@code phi}, or the MLP on (x₁, x₂) when {@code mlp}.
     */
    public static class FitEvent extends ComponentEvent<ChangeOfRepresentationPanel> {
        private final boolean mlp;
        private final PointSet.Kind kind;
        private final int points;
        private final double noise;
        private final long seed;
        private final List<Feature> phi;

        FitEvent(ChangeOfRepresentationPanel source, boolean mlp, PointSet.Kind kind, int points, double noise, long seed, List<Feature> phi) {
            super(source, false);
            this.mlp = mlp;
            this.kind = kind;
            this.points = points;
            this.noise = noise;
            this.seed = seed;
            this.phi = List.copyOf(phi);
        }

        public boolean mlp() {
            return mlp;
        }

        public PointSet.Kind kind() {
            return kind;
        }

        public int points() {
            return points;
        }

        public double noise() {
            return noise;
        }

        public long seed() {
            return seed;
        }

        /** The chosen features in their declared order (for the line; the MLP makes its own). */
        public List<Feature> phi() {
            return phi;
        }
    }

    private final Select<PointSet.Kind> kind = new Select<>();
    private final IntegerField points = Fields.integer("repr-points", "", 600, "8em");
    private final NumberField noise = Fields.number("repr-noise", "", 0.05, "8em");
    private final IntegerField seed = Fields.integer("repr-seed", "", 1, "6em");
    private final CheckboxGroup<Feature> phi = new CheckboxGroup<>();
    private final ProgressBar progress = new ProgressBar();
    private final Span clamp = new Span();
    private final PlanePictures linear = new PlanePictures("repr-linear", "representation.plane.input", "representation.plane.features");
    private final PlanePictures mlp = new PlanePictures("repr-mlp", "representation.plane.input", "representation.plane.hidden");

    ChangeOfRepresentationPanel() {
        kind.setId("repr-kind");
        kind.setLabel(getTranslation("representation.kind"));
        kind.setItems(PointSet.Kind.values());
        kind.setItemLabelGenerator(k -> getTranslation("representation.kind." + k.name().toLowerCase(Locale.ROOT)));
        kind.setValue(PointSet.Kind.RINGS);
        points.setLabel(getTranslation("representation.points"));
        noise.setLabel(getTranslation("representation.noise"));
        seed.setLabel(getTranslation("representation.seed"));
        phi.setId("repr-phi");
        phi.setLabel(getTranslation("representation.phi"));
        phi.setItems(Feature.values());
        phi.setItemLabelGenerator(f -> getTranslation("representation.feature." + f.name().toLowerCase(Locale.ROOT)));
        phi.setValue(Set.of(Feature.X1, Feature.X2));
        Button plain = new Button(getTranslation("representation.preset.plain"), e -> phi.setValue(Set.of(Feature.X1, Feature.X2)));
        plain.setId("repr-preset-plain");
        Button polar = new Button(getTranslation("representation.preset.polar"), e -> phi.setValue(Set.of(Feature.R, Feature.THETA)));
        polar.setId("repr-preset-polar");
        Button fit = new Button(getTranslation("representation.fitLinear"), e -> fit(false));
        fit.setId("repr-fit-linear");
        fit.addThemeVariants(ButtonVariant.PRIMARY);
        Button learn = new Button(getTranslation("representation.fitMlp"), e -> fit(true));
        learn.setId("repr-fit-mlp");
        learn.addThemeVariants(ButtonVariant.PRIMARY);
        progress.setId("repr-progress");
        progress.setVisible(false);
        clamp.setId("repr-clamp");
        HorizontalLayout set = new HorizontalLayout(kind, points, noise, seed);
        set.setAlignItems(HorizontalLayout.Alignment.BASELINE);
        add(new Paragraph(getTranslation("representation.intro")), set, clamp,
                new H3(getTranslation("representation.phi.title")), new Paragraph(getTranslation("representation.phi.help")),
                new HorizontalLayout(plain, polar), phi, fit, linear,
                new H3(getTranslation("representation.mlp.title")), new Paragraph(getTranslation("representation.mlp.help")), learn, mlp, progress);
    }

    public Registration addFitListener(ComponentEventListener<FitEvent> listener) {
        return addListener(FitEvent.class, listener);
    }

    private void fit(boolean withMlp) {
        fireEvent(new FitEvent(this, withMlp, kind.getValue(), Fields.valueOr(points, 0), Fields.valueOr(noise, -1), Fields.valueOr(seed, 1),
                List.copyOf(new TreeSet<>(phi.getValue()))));
    }

    /** The points are made ({@code made} of the {@code asked}: more are clamped, and the page says so) and training begins. */
    void started(int asked, int made) {
        clamp.setText(made == asked ? "" : getTranslation("representation.clamped", asked, made));
        progress.setVisible(true);
        progress.setValue(0);
    }

    void progress(double fraction) {
        progress.setValue(fraction);
    }

    /** The fit ended: its planes drawn (a line's or the MLP's), or why it failed. */
    void finished(boolean withMlp, RepresentationLab.Fit f, Throwable failure) {
        progress.setVisible(false);
        if (f != null) (withMlp ? mlp : linear).show(f);
        if (failure != null) Messages.failure(this, failure);
    }

    /** The fit was refused before it started. */
    void refused(InvalidInputException e) {
        progress.setVisible(false);
        Messages.error(this, e);
    }
}
