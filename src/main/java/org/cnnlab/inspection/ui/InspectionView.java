package org.cnnlab.inspection.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.cnnlab.base.InvalidInputException;
import org.cnnlab.base.StudentId;
import org.cnnlab.base.ui.ClassNames;
import org.cnnlab.base.ui.CurrentStudent;
import org.cnnlab.base.ui.DrawCanvas;
import org.cnnlab.base.ui.ImageUrls;
import org.cnnlab.base.ui.Messages;
import org.cnnlab.base.ui.ProbabilityBars;
import org.cnnlab.inspection.Inspection;
import org.cnnlab.inspection.InspectionLab;

/** Look inside a trained network: draw, and see every layer's maps, the learned filters and saliency; the work happens in {@link InspectionLab}. */
@Route("interior")
public class InspectionView extends Div implements HasDynamicTitle {

    private final InspectionLab lab;
    private final StudentId student = CurrentStudent.id();
    private final Select<InspectionLab.ModelOption> model = new Select<>();
    private final ProbabilityBars prediction = new ProbabilityBars("inspect-prediction");
    private final Div layers = new Div();
    private final Div filters = new Div();
    private final Paragraph none = new Paragraph();
    private final SaliencyPanel saliency;
    private byte[] drawing;

    public InspectionView(InspectionLab lab) {
        this.lab = lab;
        addClassName("network-lesson");
        model.setId("inspect-model");
        model.setLabel(getTranslation("inspect.model"));
        model.setItemLabelGenerator(InspectionLab.ModelOption::label);
        model.setWidth("28em");
        model.addValueChangeListener(e -> refresh());
        DrawCanvas canvas = new DrawCanvas();
        canvas.setId("inspect-canvas");
        canvas.addDrawingChangedListener(e -> {
            drawing = ImageUrls.decodeDataUrl(e.pngDataUrl());
            refresh();
        });
        layers.setId("inspect-layers");
        filters.setId("inspect-filters");
        filters.addClassName("dataset-grid");
        none.setId("inspect-none");
        saliency = new SaliencyPanel(request -> lab.saliency(student, model.getValue().ref(), drawing, request));
        add(new H1(getTranslation("lesson.inspection.title")), new Paragraph(getTranslation("inspect.intro")), none, model,
                new HorizontalLayout(canvas, prediction), new H3(getTranslation("inspect.layers")), layers,
                new H3(getTranslation("inspect.filters")), filters, saliency, new ShortcutPanel(lab, student, this::listModels));
    }

    @Override
    protected void onAttach(AttachEvent event) {
        listModels();
    }

    /** Fills the model picker (again after the shortcut lab trains a model), keeping the choice if it is still there. */
    private void listModels() {
        InspectionLab.ModelOption chosen = model.getValue();
        List<InspectionLab.ModelOption> options = lab.models(student);
        model.setItems(options);
        none.setVisible(options.isEmpty());
        none.removeAll();
        if (options.isEmpty()) none.add(new Span(getTranslation("inspect.none") + " "), new Anchor("entrenar", getTranslation("lesson.training.title")));
        else model.setValue(options.stream().filter(o -> chosen != null && o.ref().equals(chosen.ref())).findFirst().orElse(options.getFirst()));
    }

    /** Runs the drawing through the chosen model and shows what every layer made of it. */
    private void refresh() {
        if (model.getValue() == null || drawing == null) return;
        try {
            Inspection in = lab.inspect(student, model.getValue().ref(), drawing);
            List<ProbabilityBars.Bar> bars = new ArrayList<>();
            int best = 0;
            for (int c = 0; c < in.classes().size(); c++) {
                bars.add(new ProbabilityBars.Bar(ClassNames.label(this, in.classes().get(c)), in.probabilities()[c]));
                if (in.probabilities()[c] > in.probabilities()[best]) best = c;
            }
            bars.sort((a, b) -> Double.compare(b.probability(), a.probability()));
            prediction.show(bars);
            showLayers(in);
            showFilters(in);
            saliency.model(in.classes(), best, model.getValue().camLayer());
        } catch (InvalidInputException e) {
            Messages.error(this, e);
        }
    }

    private void showLayers(Inspection in) {
        layers.removeAll();
        for (Inspection.Layer l : in.layers()) {
            H4 title = new H4(getTranslation("inspect.layer", l.index() + 1, getTranslation("layer." + l.type()), l.shape().toString(),
                    String.format(Locale.ROOT, "%.3f", l.min()), String.format(Locale.ROOT, "%.3f", l.max())));
            Div maps = new Div();
            maps.addClassName(l.shape().isImage() ? "feature-maps" : "feature-vector");
            for (byte[] png : l.maps()) {
                Image img = new Image(ImageUrls.png(png), l.type());
                img.addClassName("pixel-image");
                maps.add(img);
            }
            if (l.channels() > l.maps().size()) maps.add(new Span(getTranslation("inspect.more", l.channels() - l.maps().size())));
            Div layer = new Div(title, maps);
            layer.addClassName("inspect-layer");
            layers.add(layer);
        }
    }

    private void showFilters(Inspection in) {
        filters.removeAll();
        for (Inspection.Filter f : in.filters()) {
            StringBuilder numbers = new StringBuilder();
            for (int r = 0; r < f.kernel(); r++) {
                for (int c = 0; c < f.kernel(); c++) numbers.append(String.format(Locale.ROOT, c == 0 ? "%.2f" : " %.2f", f.weights()[r * f.kernel() + c]));
                numbers.append('\n');
            }
            Image img = new Image(ImageUrls.png(f.png()), getTranslation("inspect.filter", f.index() + 1));
            img.addClassName("pixel-image");
            img.getElement().setAttribute("title", numbers.toString());
            Span caption = new Span(getTranslation("inspect.filter", f.index() + 1));
            Span weights = new Span(numbers.toString());
            weights.addClassName("filter-numbers");
            Div cell = new Div(img, caption, weights);
            cell.addClassName("dataset-cell");
            cell.addClassName("inspect-filter");
            filters.add(cell);
        }
    }

    @Override
    public String getPageTitle() {
        return getTranslation("lesson.inspection.title");
    }
}
