package org.cnnlab.base.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.component.upload.UploadI18N;
import com.vaadin.flow.function.SerializableBiConsumer;
import com.vaadin.flow.function.SerializableConsumer;
import com.vaadin.flow.server.Command;
import com.vaadin.flow.server.streams.UploadHandler;
import java.io.InputStream;
import org.cnnlab.base.InvalidInputException;

/**
 * Every upload in the app: one file at a time, read in memory up to a limit (one byte more is
 * read to notice an oversized file that bypassed the browser's check), translated texts, and a
 * translated refusal for a file of the wrong type or size. The file goes to {@code onUpload} on the
 * UI thread.
 */
public final class BoundedUpload {

    private BoundedUpload() {
    }

    /**
     * @param textsKey    i18n prefix of the button's and the drop zone's texts ({@code <textsKey>.add}, {@code <textsKey>.drop})
     * @param rejectedKey i18n key for a file the browser refuses, with the file name and the limit in MB
     */
    public static Upload create(String id, long maxBytes, String textsKey, String rejectedKey, SerializableBiConsumer<String, byte[]> onUpload,
                                SerializableConsumer<InvalidInputException> onRejected, String... acceptedTypes) {
        Upload upload = new Upload();
        // with an UploadHandler the succeeded/failed listeners do not fire: clear the list here, or maxFiles=1 blocks the next upload
        upload.setUploadHandler(handler(maxBytes, upload::clearFileList, onUpload, onRejected));
        upload.setId(id);
        upload.setMaxFiles(1);
        upload.setMaxFileSize((int) Math.min(Integer.MAX_VALUE, maxBytes));
        upload.setAcceptedFileTypes(acceptedTypes);
        upload.setI18n(i18n(upload, textsKey));
        upload.addFileRejectedListener(e -> onRejected.accept(new InvalidInputException(rejectedKey, e.getFileName(), mb(maxBytes))));
        return upload;
    }

    public static String mb(long bytes) {
        return Numbers.current().integer(Math.round(bytes / (1024.0 * 1024.0)));
    }

    private static UploadHandler handler(long maxBytes, Command clearList, SerializableBiConsumer<String, byte[]> onUpload,
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

    private static UploadI18N i18n(Upload u, String textsKey) {
        UploadI18N i18n = new UploadI18N();
        String drop = u.getTranslation(textsKey + ".drop");
        String add = u.getTranslation(textsKey + ".add");
        i18n.setDropFiles(new UploadI18N.DropFiles().setOne(drop).setMany(drop));
        i18n.setAddFiles(new UploadI18N.AddFiles().setOne(add).setMany(add));
        i18n.setError(new UploadI18N.Error().setTooManyFiles(u.getTranslation("upload.error.tooMany"))
                .setFileIsTooBig(u.getTranslation("upload.error.tooBig")).setIncorrectFileType(u.getTranslation("upload.error.type")));
        i18n.setUploading(new UploadI18N.Uploading()
                .setStatus(new UploadI18N.Uploading.Status().setConnecting(u.getTranslation("upload.status.connecting"))
                        .setStalled(u.getTranslation("upload.status.stalled")).setProcessing(u.getTranslation("upload.status.processing"))
                        .setHeld(u.getTranslation("upload.status.held")))
                .setRemainingTime(new UploadI18N.Uploading.RemainingTime().setPrefix(u.getTranslation("upload.remaining") + " ")
                        .setUnknown(u.getTranslation("upload.remaining.unknown")))
                .setError(new UploadI18N.Uploading.Error().setServerUnavailable(u.getTranslation("upload.error.server"))
                        .setUnexpectedServerError(u.getTranslation("upload.error.unexpected"))
                        .setForbidden(u.getTranslation("upload.error.forbidden"))));
        i18n.setFile(new UploadI18N.File().setRetry(u.getTranslation("upload.file.retry"))
                .setStart(u.getTranslation("upload.file.start")).setRemove(u.getTranslation("upload.file.remove")));
        return i18n;
    }
}
