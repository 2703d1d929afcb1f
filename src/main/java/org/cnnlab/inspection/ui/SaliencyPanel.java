package org.cnnlab.inspection.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.Input;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.function.SerializableBiFunction;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.function.DoubleConsumer;
import org.cnnlab.base.ClassRoom;
import org.cnnlab.base.StudentId;
import org.cnnlab.base.ui.ImageUrls;
import org.cnnlab.base.ui.JobControl;
import org.cnnlab.base.ui.Numbers;
import org.cnnlab.base.ui.ShareButton;
import org.cnnlab.inspection.Saliency;
import org.cnnlab.inspection.saliency.SaliencyRequest;

/**
 * One saliency method for one class: the map next to the input and over it (opacity slider), its cost
 * and what it means. The map is computed as a job: a progress bar and a cancel button while it runs.
 */
class SaliencyPanel extends VerticalLayout {

    private final Paragraph help = new Paragraph();
    private final SaliencySettings settings = new SaliencySettings(this::showHelp);
    private final Image input = new Image();
    private final Image map = new Image();
    private final Image overlayBase = new Image();
    private final Image overlayMap = new Image();
    private final Span cost = new Span();
    private final Paragraph blank = new Paragraph();
    private final JobControl<Saliency> job;
    private final ShareButton share;
    private Saliency last;

    /** @param compute starts the map of a request as a job, telling the fraction done; refuses a bad request at once */
    SaliencyPanel(SerializableBiFunction<SaliencyRequest, DoubleConsumer, CompletableFuture<Saliency>> compute, ClassRoom classRoom,
                  StudentId student) {
        this.job = new JobControl<>(this, "saliency", getTranslation("saliency.run"), getTranslation("saliency.progress"),
                progress -> {
                    SaliencyRequest request = settings.request();
                    return request == null ? null : compute.apply(request, progress);
                }, this::show);
        this.share = ShareButton.disabled(classRoom, student, () -> new ClassRoom.Submission(ClassRoom.Submission.Kind.SALIENCY,
                getTranslation("saliency.method." + last.method().name().toLowerCase(Locale.ROOT)), cost.getText(), last.png(), null));
        setPadding(false);
        setId("saliency");
        HorizontalLayout form = new HorizontalLayout(settings, job.runButton(), job.cancelButton());
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
        blank.setId("saliency-blank");
        blank.addClassName("help");
        blank.setVisible(false);
        HorizontalLayout pictures = new HorizontalLayout(labelled(input, "saliency.input"), labelled(map, "saliency.map"),
                labelled(overlay, "saliency.overlay"));
        pictures.setWrap(true);
        add(new H3(getTranslation("saliency.title")), form, job.progressBar(), help, blank, pictures, new HorizontalLayout(new Span(getTranslation("saliency.opacity")), opacity), cost, share);
        setVisible(false);
    }

    private Div labelled(Component c, String key) {
        Div d = new Div(c, new Span(getTranslation(key)));
        d.addClassName("dataset-cell");
        return d;
    }

    /** @param gradCamLayer −1 when Grad-CAM cannot run (see {@link SaliencySettings#model}) */
    void model(List<String> classNames, int predicted, int gradCamLayer, boolean torchScript) {
        settings.model(classNames, predicted, gradCamLayer, torchScript);
        setVisible(true);
    }

    void run() {
        job.run();
    }

    private void show(Saliency s) {
        last = s;
        share.setEnabled(true);
        input.setSrc(ImageUrls.png(s.input()));
        overlayBase.setSrc(ImageUrls.png(s.input()));
        map.setSrc(ImageUrls.png(s.png()));
        overlayMap.setSrc(ImageUrls.png(s.png()));
        String text = getTranslation("saliency.cost", s.forwardPasses(), s.backwardPasses());
        if (s.method() == Saliency.Method.INTEGRATED_GRADIENTS) {
            text += " " + getTranslation("saliency.completeness", Numbers.of(this).decimal(s.attributionSum(), 4),
                    Numbers.of(this).decimal(s.scoreDifference(), 4));
        }
        cost.setText(text);
        blank.setVisible(s.constant());
        if (s.constant()) {
            blank.setText(getTranslation(s.method() == Saliency.Method.GRAD_CAM ? "saliency.blank.gradCam" : "saliency.blank",
                    Numbers.of(this).significant(s.map().length == 0 ? 0 : s.map()[0], 3)));
        }
    }

    private void showHelp(Saliency.Method m) {
        help.setText(getTranslation("saliency.method." + m.name().toLowerCase(Locale.ROOT) + ".help"));
    }
}
