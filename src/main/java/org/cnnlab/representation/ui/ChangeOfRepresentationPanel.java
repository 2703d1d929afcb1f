package org.cnnlab.representation.ui;

import com.vaadin.flow.component.UI;
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
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import org.cnnlab.base.InvalidInputException;
import org.cnnlab.base.StudentId;
import org.cnnlab.base.ui.Fields;
import org.cnnlab.base.ui.Messages;
import org.cnnlab.representation.Feature;
import org.cnnlab.representation.PointSet;
import org.cnnlab.representation.RepresentationLab;
import org.cnnlab.training.TrainingProgress;

/** A change of representation φ on 2-D points, and a representation an MLP learns; the work happens in {@link RepresentationLab}. */
class ChangeOfRepresentationPanel extends Div {

    private final RepresentationLab lab;
    private final StudentId student;
    private final Select<PointSet.Kind> kind = new Select<>();
    private final IntegerField points = Fields.integer("repr-points", "", 600, "8em");
    private final NumberField noise = Fields.number("repr-noise", "", 0.05, "8em");
    private final IntegerField seed = Fields.integer("repr-seed", "", 1, "6em");
    private final CheckboxGroup<Feature> phi = new CheckboxGroup<>();
    private final ProgressBar progress = new ProgressBar();
    private final Span clamp = new Span();
    private final PlanePictures linear = new PlanePictures("repr-linear", "representation.plane.input", "representation.plane.features");
    private final PlanePictures mlp = new PlanePictures("repr-mlp", "representation.plane.input", "representation.plane.hidden");

    ChangeOfRepresentationPanel(RepresentationLab lab, StudentId student) {
        this.lab = lab;
        this.student = student;
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
        Button fit = new Button(getTranslation("representation.fitLinear"), e -> run(linear, (train, test, watch) ->
                lab.linear(student, train, test, List.copyOf(new TreeSet<>(phi.getValue())), seed(), watch)));
        fit.setId("repr-fit-linear");
        fit.addThemeVariants(ButtonVariant.PRIMARY);
        Button learn = new Button(getTranslation("representation.fitMlp"), e -> run(mlp, (train, test, watch) -> lab.mlp(student, train, test, seed(), watch)));
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

    private long seed() {
        return Fields.valueOr(seed, 1);
    }

    /** How a fit is started: the training and test sets and a progress watcher in, the finished fit out. */
    private interface Start {
        CompletableFuture<RepresentationLab.Fit> start(PointSet train, PointSet test, Consumer<TrainingProgress> watch);
    }

    /** Makes the point sets (training and a fresh test set), trains with progress shown, then draws the result. */
    private void run(PlanePictures into, Start start) {
        UI ui = UI.getCurrent();
        try {
            int asked = Fields.valueOr(points, 0);
            PointSet train = lab.points(kind.getValue(), asked, Fields.valueOr(noise, -1), seed());
            PointSet test = lab.testPoints(kind.getValue(), asked, Fields.valueOr(noise, -1), seed());
            clamp.setText(train.size() == asked ? "" : getTranslation("representation.clamped", asked, train.size()));
            progress.setVisible(true);
            progress.setValue(0);
            start.start(train, test, p -> ui.access(() -> progress.setValue(p.fraction())))
                    .whenComplete((f, e) -> ui.access(() -> {
                        progress.setVisible(false);
                        if (f != null) into.show(f);
                        if (e != null) Messages.failure(this, e);
                    }));
        } catch (InvalidInputException e) {
            progress.setVisible(false);
            Messages.error(this, e);
        }
    }
}
