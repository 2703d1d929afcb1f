package org.cnnlab.convolution.ui;

import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.tabs.TabSheet;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.function.SerializableBiConsumer;
import com.vaadin.flow.function.SerializableConsumer;
import java.util.List;
import org.cnnlab.base.InvalidInputException;
import org.cnnlab.base.ui.BoundedUpload;
import org.cnnlab.base.ui.DrawCanvas;
import org.cnnlab.base.ui.ImageUrls;
import org.cnnlab.convolution.PlaygroundInput;
import org.cnnlab.imaging.ImageLimits;
import org.cnnlab.imaging.SampleImages;

/** The three ways to choose an input: a sample, an upload, or a drawing. */
class InputPanel extends VerticalLayout {

    private final Select<SampleImages.Sample> samples = new Select<>();
    private final Span info = new Span();
    private boolean showing;

    InputPanel(List<SampleImages.Sample> sampleList, ImageLimits limits,
               SerializableConsumer<String> onSample,
               SerializableBiConsumer<String, byte[]> onUpload,
               SerializableConsumer<byte[]> onDrawing,
               SerializableConsumer<InvalidInputException> onRejected) {
        setPadding(false);
        samples.setId("sample-select");
        samples.setWidth("18em");
        samples.setLabel(getTranslation("input.sample"));
        samples.setItems(sampleList);
        samples.setItemLabelGenerator(s -> getTranslation(s.labelKey()));
        samples.addValueChangeListener(e -> {
            if (!showing && e.getValue() != null) onSample.accept(e.getValue().id());
        });

        Upload upload = BoundedUpload.create("upload", limits.maxUploadBytes(), "upload", "image.error.rejectedByBrowser", onUpload, onRejected,
                "image/png", "image/jpeg", "image/gif", "image/bmp", ".png", ".jpg", ".jpeg", ".gif", ".bmp");
        Span uploadHelp = new Span(getTranslation("input.upload.help", mb(limits.maxUploadBytes()), limits.maxSide(), limits.workingSide()));
        uploadHelp.addClassName("help");

        DrawCanvas canvas = new DrawCanvas();
        canvas.addDrawingChangedListener(e -> onDrawing.accept(ImageUrls.decodeDataUrl(e.pngDataUrl())));

        TabSheet sources = new TabSheet();
        sources.setId("input-sources");
        sources.add(getTranslation("input.tab.samples"), samples);
        sources.add(getTranslation("input.tab.upload"), new VerticalLayout(upload, uploadHelp));
        sources.add(getTranslation("input.tab.draw"), canvas);
        info.setId("input-info");
        add(sources, info);
    }

    void show(PlaygroundInput input, List<SampleImages.Sample> sampleList) {
        showing = true;
        samples.setValue(sampleList.stream().filter(s -> s.id().equals(input.name())).findFirst().orElse(null));
        showing = false;
        String size = input.pixels().height() + "×" + input.pixels().width();
        String text = input.reduced()
                ? getTranslation("input.info.reduced", size, input.originalHeight() + "×" + input.originalWidth())
                : getTranslation("input.info", size);
        if (input.firstFrameOnly()) {
            text += " " + getTranslation("input.info.firstFrame");
        }
        info.setText(text + " · " + getTranslation(input.pixels().channels() == 1 ? "input.grey" : "input.colour"));
    }

    private static String mb(long bytes) {
        return BoundedUpload.mb(bytes);
    }
}
