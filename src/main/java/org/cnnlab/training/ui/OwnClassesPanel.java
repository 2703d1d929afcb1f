package org.cnnlab.training.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.upload.Upload;
import org.cnnlab.base.InvalidInputException;
import org.cnnlab.base.StudentId;
import org.cnnlab.base.ui.BoundedUpload;
import org.cnnlab.base.ui.DrawCanvas;
import org.cnnlab.base.ui.ImageUrls;
import org.cnnlab.base.ui.Messages;
import org.cnnlab.training.TrainingLab;

/** The student's own data set: name classes, then draw or upload examples for each. */
class OwnClassesPanel extends VerticalLayout {

    private final TrainingLab lab;
    private final StudentId student;
    private final Runnable onChange;
    private final Select<String> target = new Select<>();
    private final Div list = new Div();
    private final DrawCanvas canvas = new DrawCanvas();
    private byte[] drawing;

    OwnClassesPanel(TrainingLab lab, StudentId student, long maxUploadBytes, Runnable onChange) {
        this.lab = lab;
        this.student = student;
        this.onChange = onChange;
        setPadding(false);
        setId("own-classes");
        TextField name = new TextField(getTranslation("own.className"));
        name.setId("own-class-name");
        name.setMaxLength(30);
        Button add = new Button(getTranslation("own.addClass"), e -> run(() -> {
            lab.addOwnClass(student, name.getValue());
            target.setValue(null);
            name.clear();
        }));
        add.setId("own-class-add");
        HorizontalLayout addRow = new HorizontalLayout(name, add);
        addRow.setAlignItems(Alignment.BASELINE);

        target.setId("own-target");
        target.setLabel(getTranslation("own.target"));
        canvas.setId("own-canvas");
        canvas.addDrawingChangedListener(e -> drawing = ImageUrls.decodeDataUrl(e.pngDataUrl()));
        Button addDrawing = new Button(getTranslation("own.addDrawing"), e -> {
            if (drawing == null) {
                Messages.error(this, new InvalidInputException("own.error.blank"));
                return;
            }
            byte[] png = drawing;
            run(() -> {
                lab.addOwnExample(student, target.getValue(), png);
                canvas.clear();
            });
        });
        addDrawing.setId("own-add-drawing");
        addDrawing.addThemeVariants(ButtonVariant.PRIMARY);
        Upload upload = BoundedUpload.create("own-upload", maxUploadBytes, "upload", "image.error.rejectedByBrowser",
                (file, bytes) -> run(() -> lab.addOwnExample(student, target.getValue(), bytes)), e -> Messages.error(this, e),
                "image/png", "image/jpeg", "image/gif", "image/bmp", ".png", ".jpg", ".jpeg", ".gif", ".bmp");
        Paragraph help = new Paragraph(getTranslation("own.help"));
        help.addClassName("help");
        list.setId("own-classes-list");
        add(new H3(getTranslation("own.title")), help, addRow, list, target, new HorizontalLayout(canvas, new VerticalLayout(addDrawing, upload)));
        refresh();
    }

    private void run(Runnable action) {
        Messages.attempt(this, action);
        refresh();
        onChange.run();
    }

    private void refresh() {
        list.removeAll();
        var classes = lab.ownClasses(student);
        for (TrainingLab.OwnClassSummary c : classes) {
            Div thumbs = new Div();
            thumbs.addClassName("own-thumbs");
            for (byte[] png : c.thumbnails()) {
                Image img = new Image(ImageUrls.png(png), c.name());
                img.addClassName("pixel-image");
                thumbs.add(img);
            }
            Button remove = new Button(getTranslation("own.remove"), e -> run(() -> lab.removeOwnClass(student, c.name())));
            remove.addThemeVariants(ButtonVariant.TERTIARY);
            remove.addClassName("own-remove");
            Span title = new Span(getTranslation("own.count", c.name(), c.examples()));
            title.addClassName("model-name");
            Div row = new Div(title, thumbs, remove);
            row.addClassName("saved-model");
            row.addClassName("own-class");
            list.add(row);
        }
        String selected = target.getValue();
        target.setItems(classes.stream().map(TrainingLab.OwnClassSummary::name).toList());
        if (!classes.isEmpty()) {
            boolean keep = selected != null && classes.stream().anyMatch(c -> c.name().equals(selected));
            target.setValue(keep ? selected : classes.getLast().name());
        }
    }
}
