package org.cnnlab.inspection.ui;

import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.NumberField;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.stream.IntStream;
import org.cnnlab.base.ui.ClassNames;
import org.cnnlab.base.ui.Fields;
import org.cnnlab.inspection.Saliency;
import org.cnnlab.inspection.saliency.GradCam;
import org.cnnlab.inspection.saliency.GradientTimesInput;
import org.cnnlab.inspection.saliency.IntegratedGradients;
import org.cnnlab.inspection.saliency.Lime;
import org.cnnlab.inspection.saliency.LossGradient;
import org.cnnlab.inspection.saliency.Occlusion;
import org.cnnlab.inspection.saliency.SaliencyRequest;
import org.cnnlab.inspection.saliency.SmoothGrad;
import org.cnnlab.inspection.saliency.VanillaGradient;

/** The saliency form: method, class, and the settings the chosen method reads (the others hidden); Grad-CAM disabled with its reason. */
class SaliencySettings extends HorizontalLayout {

    private final Select<Saliency.Method> method = new Select<>();
    private final Select<Integer> target = new Select<>();
    private final IntegerField samples = Fields.integer("saliency-samples", "", 25, "8em");
    private final NumberField noise = Fields.number("saliency-noise", "", 0.15, "8em");
    private final IntegerField steps = Fields.integer("saliency-steps", "", 25, "8em");
    private final IntegerField patch = Fields.integer("saliency-patch", "", 6, "8em");
    private final IntegerField stride = Fields.integer("saliency-stride", "", 2, "8em");
    private final IntegerField limeSamples = Fields.integer("saliency-lime-samples", "", 500, "8em");
    private final NumberField kernelWidth = Fields.number("saliency-kernel-width", "", 0.25, "8em");
    private final Select<Lime.Segments> segments = new Select<>();
    private final Consumer<Saliency.Method> onMethod;
    private List<String> classes = List.of();
    private int camLayer = -1;
    private String noCamReason = "saliency.noCam.noConv";
    private boolean targetChosen;

    SaliencySettings(Consumer<Saliency.Method> onMethod) {
        this.onMethod = onMethod;
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
        target.addValueChangeListener(e -> targetChosen |= e.isFromClient());
        samples.setLabel(getTranslation("saliency.samples"));
        noise.setLabel(getTranslation("saliency.noise"));
        steps.setLabel(getTranslation("saliency.steps"));
        patch.setLabel(getTranslation("saliency.patch"));
        stride.setLabel(getTranslation("saliency.stride"));
        limeSamples.setLabel(getTranslation("saliency.samples"));
        kernelWidth.setLabel(getTranslation("saliency.kernelWidth"));
        segments.setId("saliency-segments");
        segments.setLabel(getTranslation("saliency.segments"));
        segments.setItems(Lime.Segments.values());
        segments.setItemLabelGenerator(s -> getTranslation("saliency.segments." + s.name().toLowerCase(Locale.ROOT)));
        segments.setValue(Lime.Segments.SUPERPIXELS);
        add(method, target, samples, noise, steps, segments, patch, stride, limeSamples, kernelWidth);
        setWrap(true);
        setAlignItems(Alignment.BASELINE);
        showFields();
    }

    /** @param gradCamLayer −1 when Grad-CAM cannot run: the list then says why (no conv layer, or a TorchScript model's hidden layers) */
    void model(List<String> classNames, int predicted, int gradCamLayer, boolean torchScript) {
        if (!classNames.equals(classes)) targetChosen = false;
        Integer kept = targetChosen ? target.getValue() : null;   // a class the student picked stays while they draw; otherwise the prediction
        classes = classNames;
        camLayer = gradCamLayer;
        noCamReason = torchScript ? "saliency.noCam.torchScript" : "saliency.noCam.noConv";
        Saliency.Method chosen = method.getValue();
        method.getListDataView().refreshAll();   // labels and enabled items again; this clears the value
        method.setValue(chosen == null || (chosen == Saliency.Method.GRAD_CAM && camLayer < 0) ? Saliency.Method.VANILLA : chosen);
        target.setItems(IntStream.range(0, classNames.size()).boxed().toList());
        target.setValue(kept != null ? kept : predicted);
    }

    /** The request the form describes, or null before a model is chosen; the service checks the numbers. */
    SaliencyRequest request() {
        Integer c = target.getValue();
        if (c == null) return null;
        return switch (method.getValue()) {
            case VANILLA -> new VanillaGradient(c);
            case LOSS_GRADIENT -> new LossGradient(c);
            case GRADIENT_X_INPUT -> new GradientTimesInput(c);
            case SMOOTHGRAD -> new SmoothGrad(c, Fields.valueOr(samples, 0), Fields.valueOr(noise, -1), 1);
            case INTEGRATED_GRADIENTS -> new IntegratedGradients(c, Fields.valueOr(steps, 0));
            case OCCLUSION -> new Occlusion(c, Fields.valueOr(patch, 0), Fields.valueOr(stride, 0));
            case GRAD_CAM -> new GradCam(c, camLayer);
            case LIME -> new Lime(c, Fields.valueOr(limeSamples, 0), Fields.valueOr(patch, 0), Fields.valueOr(kernelWidth, -1),
                    segments.getValue(), 1);
        };
    }

    private void showFields() {
        Saliency.Method m = method.getValue();
        if (m == null) return;
        samples.setVisible(m == Saliency.Method.SMOOTHGRAD);
        noise.setVisible(m == Saliency.Method.SMOOTHGRAD);
        steps.setVisible(m == Saliency.Method.INTEGRATED_GRADIENTS);
        patch.setVisible(m == Saliency.Method.OCCLUSION || m == Saliency.Method.LIME);
        limeSamples.setVisible(m == Saliency.Method.LIME);
        kernelWidth.setVisible(m == Saliency.Method.LIME);
        segments.setVisible(m == Saliency.Method.LIME);
        stride.setVisible(m == Saliency.Method.OCCLUSION);
        onMethod.accept(m);
    }
}
