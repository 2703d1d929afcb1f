package org.cnnlab.base.ui;

import com.vaadin.flow.function.SerializableSupplier;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import java.io.ByteArrayInputStream;

/** A file the browser downloads, made only when the student clicks its link. */
public final class Downloads {
    private Downloads() {
    }

    /** @param name the file name the browser saves it as; {@code bytes} are made on the click */
    public static DownloadHandler of(SerializableSupplier<String> name, String mimeType, SerializableSupplier<byte[]> bytes) {
        return DownloadHandler.fromInputStream(event -> {
            byte[] b = bytes.get();
            return new DownloadResponse(new ByteArrayInputStream(b), name.get(), mimeType, b.length);
        });
    }
}
