package org.cnnlab.inspection.ui;

import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.shared.Registration;
import org.cnnlab.base.ui.BoundedUpload;
import org.cnnlab.base.ui.Messages;

/**
 * Load a TorchScript model exported elsewhere (for example an ImageNet CNN) to look at its feature maps
 * and saliency on photos. It holds no service: an accepted file fires an {@link UploadEvent}.
 */
class TorchScriptPanel extends Details {

    /** A TorchScript file the student chose, within the size the panel was given. */
    static class UploadEvent extends ComponentEvent<TorchScriptPanel> {
        final String fileName;
        final byte[] bytes;

        UploadEvent(TorchScriptPanel source, String fileName, byte[] bytes) {
            super(source, false);
            this.fileName = fileName;
            this.bytes = bytes;
        }
    }

    /** @param uploads whether students may upload here (off by default: a TorchScript file is code the server runs) */
    TorchScriptPanel(boolean uploads, long maxBytes) {
        setSummaryText(getTranslation("torchscript.title"));
        setId("torchscript");
        Paragraph shared = new Paragraph(getTranslation("torchscript.shared"));
        shared.addClassName("help");
        add(shared);
        if (!uploads) return;
        Paragraph help = new Paragraph(getTranslation("torchscript.help", BoundedUpload.mb(maxBytes)));
        help.addClassName("help");
        Upload upload = BoundedUpload.create("torchscript-upload", maxBytes, "torchscript.upload", "torchscript.error.rejectedByBrowser",
                (file, bytes) -> fireEvent(new UploadEvent(this, file, bytes)), e -> Messages.error(this, e), ".pt", ".pth", ".torchscript");
        add(help, upload);
    }

    Registration addUploadListener(ComponentEventListener<UploadEvent> listener) {
        return addListener(UploadEvent.class, listener);
    }
}
