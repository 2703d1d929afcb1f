package org.cnnlab.inspection.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.Input;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.NumberField;
import com.vaadin.flow.function.SerializableFunction;
import java.util.List;
import java.util.Locale;
import org.cnnlab.base.InvalidInputException;
import org.cnnlab.base.ui.ClassNames;
import org.cnnlab.base.ui.Fields;
import org.cnnlab.base.ui.ImageUrls;
import org.cnnlab.base.ui.Messages;
import org.cnnlab.inspection.Saliency;

/** One saliency method for one class: the map next to the input and over it (opacity slider), its cost and what it means. */
class SaliencyPanel extends VerticalLayout {

    private final Select<Saliency.Method> method = new Select<>();
    private final Select<Integer> target = new Select<>();
    private final IntegerField samples = Fields.integer("saliency-samples", "", 25, "8em");
    private final NumberField noise = Fields.number("saliency-noise", "", 0.15, "8em");
    private final IntegerField steps = Fields.integer("saliency-steps", "", 25, "8em");
    private final IntegerField patch = Fields.integer("saliency-patch", "", 6, "8em");
    private final IntegerField stride = Fields.integer("saliency-stride", "", 2, "8em");
    private final IntegerField limeSamples = Fields.integer("saliency-lime-samples", "", 500, "8em");
    private final NumberField kernelWidth = Fields.number("saliency-kernel-width", "", 0.25, "8em");
    private final Paragraph help = new Paragraph();
    private final Image input = new Image();
    private final Image map = new Image();
    private final Image overlayBase = new Image();
    private final Image overlayMap = new Image();
    private final Span cost = new Span();
    private final SerializableFunction<Saliency.Request, Saliency> compute;
    private List<String> classes = List.of();
    private int camLayer = -1;
    private String noCamReason = "saliency.noCam.noConv";

    SaliencyPanel(SerializableFunction<Saliency.Request, Saliency> compute) {
        this.compute = compute;
        setPadding(false);
        setId("saliency");
        method.setId("saliency-method");
        method.setLabel(getTranslation("saliency.method"));
        method.setItems(Saliency.Method.values());
        method.setItemLabelGenerator(m -> getTranslation("saliency.method." + m.name().toLowerCase(Locale.ROOT))
                + (m == Saliency.Method.GRAD_CAM && camLayer < 0 ? " — " + getTranslation(noCamReason) : ""));
        method.setItemEnabledProvider(m -> m != Saliency.Method.GRAD_CAM || camLayer >= 0);
        method.setValue(Saliency.Method.VANILLA);
        method.addValueChangeListener(e -> showFields());
        target.setId("saliency-class");
        target.setLabel(getTranslation("saliency.class"));
        target.setItemLabelGenerator(c -> ClassNames.label(this, classes.get(c)));
        samples.setLabel(getTranslation("saliency.samples"));
        noise.setLabel(getTranslation("saliency.noise"));
        steps.setLabel(getTranslation("saliency.steps"));
        patch.setLabel(getTranslation("saliency.patch"));
        stride.setLabel(getTranslation("saliency.stride"));
        limeSamples.setLabel(getTranslation("saliency.samples"));
        kernelWidth.setLabel(getTranslation("saliency.kernelWidth"));
        Button run = new Button(getTranslation("saliency.run"), e -> run());
        run.setId("saliency-run");
        run.addThemeVariants(ButtonVariant.PRIMARY);
        HorizontalLayout form = new HorizontalLayout(method, target, samples, noise, steps, patch, stride, limeSamples, kernelWidth, run);
        form.setWrap(true);
        form.setAlignItems(Alignment.BASELINE);
        help.addClassName("help");
        help.setId("saliency-help");
        input.addClassName("pixel-image");
        map.addClassName("pixel-image");
        map.setId("saliency-map");
        overlayBase.addClassName("pixel-image");
        overlayMap.addClassName("pixel-image");
        overlayMap.addClassName("overlay-top");
        Div overlay = new Div(overlayBase, overlayMap);
        overlay.addClassName("overlay");
        Input opacity = new Input();
        opacity.setType("range");
        opacity.getElement().setAttribute("min", "0").setAttribute("max", "100");
        opacity.setValue("60");
        opacity.setId("saliency-opacity");
        opacity.getElement().addEventListener("input", e -> overlayMap.getStyle().set("opacity",
                String.valueOf(e.getEventData().get("element.value").asDouble() / 100))).addEventData("element.value");
        overlayMap.getStyle().set("opacity", "0.6");
        cost.setId("saliency-cost");
        HorizontalLayout pictures = new HorizontalLayout(labelled(input, "saliency.input"), labelled(map, "saliency.map"),
                labelled(overlay, "saliency.overlay"));
        add(new H3(getTranslation("saliency.title")), form, help, pictures, new HorizontalLayout(new Span(getTranslation("saliency.opacity")), opacity), cost);
        setVisible(false);
        showFields();
    }

    private Div labelled(com.vaadin.flow.component.Component c, String key) {
        Div d = new Div(c, new Span(getTranslation(key)));
        d.addClassName("dataset-cell");
        return d;
    }

    /** @param gradCamLayer −1 when Grad-CAM cannot run: the list then says why (no conv layer, or a TorchScript model's hidden layers) */
    void model(List<String> classNames, int predicted, int gradCamLayer, boolean torchScript) {
        classes = classNames;
        camLayer = gradCamLayer;
        noCamReason = torchScript ? "saliency.noCam.torchScript" : "saliency.noCam.noConv";
        if (camLayer < 0 && method.getValue() == Saliency.Method.GRAD_CAM) method.setValue(Saliency.Method.VANILLA);
        method.getListDataView().refreshAll();
        target.setItems(java.util.stream.IntStream.range(0, classNames.size()).boxed().toList());
        target.setValue(predicted);
        setVisible(true);
    }

    void run() {
        if (target.getValue() == null) return;
        try {
            boolean lime = method.getValue() == Saliency.Method.LIME;
            Saliency s = compute.apply(new Saliency.Request(method.getValue(), target.getValue(),
                    lime ? Fields.valueOr(limeSamples, 0) : Fields.valueOr(samples, 0), Fields.valueOr(noise, -1), Fields.valueOr(steps, 0),
                    Fields.valueOr(patch, 0), Fields.valueOr(stride, 0), camLayer, 1, Fields.valueOr(kernelWidth, -1)));
            input.setSrc(ImageUrls.png(s.input()));
            overlayBase.setSrc(ImageUrls.png(s.input()));
            map.setSrc(ImageUrls.png(s.png()));
            overlayMap.setSrc(ImageUrls.png(s.png()));
            String text = getTranslation("saliency.cost", s.forwardPasses(), s.backwardPasses());
            if (s.method() == Saliency.Method.INTEGRATED_GRADIENTS) {
                text += " " + getTranslation("saliency.completeness", String.format(Locale.ROOT, "%.4f", s.attributionSum()),
                        String.format(Locale.ROOT, "%.4f", s.scoreDifference()));
            }
            cost.setText(text);
        } catch (InvalidInputException e) {
            Messages.error(this, e);
        }
    }

    private void showFields() {
        Saliency.Method m = method.getValue();
        samples.setVisible(m == Saliency.Method.SMOOTHGRAD);
        noise.setVisible(m == Saliency.Method.SMOOTHGRAD);
        steps.setVisible(m == Saliency.Method.INTEGRATED_GRADIENTS);
        patch.setVisible(m == Saliency.Method.OCCLUSION || m == Saliency.Method.LIME);
        limeSamples.setVisible(m == Saliency.Method.LIME);
        kernelWidth.setVisible(m == Saliency.Method.LIME);
        stride.setVisible(m == Saliency.Method.OCCLUSION);
        help.setText(getTranslation("saliency.method." + m.name().toLowerCase(Locale.ROOT) + ".help"));
    }
}
