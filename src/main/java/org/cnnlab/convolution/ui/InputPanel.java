package org.cnnlab.convolution.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.tabs.TabSheet;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.component.upload.UploadI18N;
import com.vaadin.flow.function.SerializableBiConsumer;
import com.vaadin.flow.function.SerializableConsumer;
import com.vaadin.flow.server.streams.UploadHandler;
import java.io.InputStream;
import java.util.List;
import org.cnnlab.base.InvalidInputException;
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

        Upload upload = new Upload();
        // with an UploadHandler the succeeded/failed listeners do not fire: clear the list here, or maxFiles=1 blocks the next upload
        upload.setUploadHandler(boundedUpload(limits.maxUploadBytes(), upload::clearFileList, onUpload, onRejected));
        upload.setId("upload");
        upload.setMaxFiles(1);
        upload.setMaxFileSize((int) Math.min(Integer.MAX_VALUE, limits.maxUploadBytes()));
        upload.setAcceptedFileTypes("image/png", "image/jpeg", "image/gif", "image/bmp", ".png", ".jpg", ".jpeg", ".gif", ".bmp");
        upload.setI18n(uploadI18n());
        upload.addFileRejectedListener(e -> onRejected.accept(
                new InvalidInputException("image.error.rejectedByBrowser", e.getFileName(), mb(limits.maxUploadBytes()))));
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

    /** Reads at most maxBytes + 1 bytes, so an oversized upload that bypassed the browser's check costs little. */
    private static UploadHandler boundedUpload(long maxBytes, com.vaadin.flow.server.Command clearList, SerializableBiConsumer<String, byte[]> onUpload,
                                               SerializableConsumer<InvalidInputException> onRejected) {
        return event -> {
            UI ui = event.getUI();
            String name = event.getFileName();
            byte[] bytes;
            try (InputStream in = event.getInputStream()) {
                bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
            }
            ui.access(clearList);
            if (bytes.length > maxBytes) {
                ui.access(() -> onRejected.accept(new InvalidInputException("image.error.tooLargeStream", mb(maxBytes))));
            } else {
                ui.access(() -> onUpload.accept(name, bytes));
            }
        };
    }

    private UploadI18N uploadI18n() {
        UploadI18N i18n = new UploadI18N();
        i18n.setDropFiles(new UploadI18N.DropFiles().setOne(getTranslation("upload.drop")).setMany(getTranslation("upload.drop")));
        i18n.setAddFiles(new UploadI18N.AddFiles().setOne(getTranslation("upload.add")).setMany(getTranslation("upload.add")));
        i18n.setError(new UploadI18N.Error().setTooManyFiles(getTranslation("upload.error.tooMany"))
                .setFileIsTooBig(getTranslation("upload.error.tooBig")).setIncorrectFileType(getTranslation("upload.error.type")));
        i18n.setUploading(new UploadI18N.Uploading()
                .setStatus(new UploadI18N.Uploading.Status().setConnecting(getTranslation("upload.status.connecting"))
                        .setStalled(getTranslation("upload.status.stalled")).setProcessing(getTranslation("upload.status.processing"))
                        .setHeld(getTranslation("upload.status.held")))
                .setRemainingTime(new UploadI18N.Uploading.RemainingTime().setPrefix(getTranslation("upload.remaining") + " ")
                        .setUnknown(getTranslation("upload.remaining.unknown")))
                .setError(new UploadI18N.Uploading.Error().setServerUnavailable(getTranslation("upload.error.server"))
                        .setUnexpectedServerError(getTranslation("upload.error.unexpected"))
                        .setForbidden(getTranslation("upload.error.forbidden"))));
        i18n.setFile(new UploadI18N.File().setRetry(getTranslation("upload.file.retry"))
                .setStart(getTranslation("upload.file.start")).setRemove(getTranslation("upload.file.remove")));
        return i18n;
    }

    private static String mb(long bytes) {
        return String.format(java.util.Locale.ROOT, "%.0f", bytes / (1024.0 * 1024.0));
    }
}
