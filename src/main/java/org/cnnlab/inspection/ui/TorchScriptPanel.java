package org.cnnlab.inspection.ui;

import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.function.SerializableConsumer;
import org.cnnlab.base.StudentId;
import org.cnnlab.base.ui.BoundedUpload;
import org.cnnlab.base.ui.Messages;
import org.cnnlab.inspection.InspectionLab;

/** Load a TorchScript model exported elsewhere (for example an ImageNet CNN) to look at its feature maps and saliency on photos. */
class TorchScriptPanel extends Details {

    TorchScriptPanel(InspectionLab lab, StudentId student, SerializableConsumer<InspectionLab.ModelOption> onLoaded) {
        setSummaryText(getTranslation("torchscript.title"));
        setId("torchscript");
        Paragraph shared = new Paragraph(getTranslation("torchscript.shared"));
        shared.addClassName("help");
        add(shared);
        if (!lab.torchScriptUploads()) return;   // off by default: a TorchScript file is code the server runs
        Paragraph help = new Paragraph(getTranslation("torchscript.help", BoundedUpload.mb(lab.maxTorchScriptBytes())));
        help.addClassName("help");
        Upload upload = BoundedUpload.create("torchscript-upload", lab.maxTorchScriptBytes(), "torchscript.upload", "torchscript.error.rejectedByBrowser",
                (file, bytes) -> Messages.attempt(this, () -> onLoaded.accept(lab.uploadTorchScript(student, file, bytes))),
                e -> Messages.error(this, e), ".pt", ".pth", ".torchscript");
        add(help, upload);
    }
}
