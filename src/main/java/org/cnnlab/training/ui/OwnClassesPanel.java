package org.cnnlab.training.ui;

import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
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
import com.vaadin.flow.shared.Registration;
import java.util.List;
import org.cnnlab.base.InvalidInputException;
import org.cnnlab.base.ui.BoundedUpload;
import org.cnnlab.base.ui.DrawCanvas;
import org.cnnlab.base.ui.ImageUrls;
import org.cnnlab.base.ui.Messages;
import org.cnnlab.training.TrainingLab;

/**
 * The student's own data set: name classes, then draw or upload examples for each. It holds no
 * service: it shows the classes it is given and fires {@link AddClassEvent}, {@link AddExampleEvent}
 * and {@link RemoveClassEvent}.
 */
class OwnClassesPanel extends VerticalLayout {

    /** A new class named {@code name}. */
    static class AddClassEvent extends ComponentEvent<OwnClassesPanel> {
        final String name;

        AddClassEvent(OwnClassesPanel source, String name) {
            super(source, false);
            this.name = name;
        }
    }

    /** An example image (PNG, JPEG, GIF or BMP bytes) for class {@code className}: drawn on the pad ({@code drawn}) or uploaded. */
    static class AddExampleEvent extends ComponentEvent<OwnClassesPanel> {
        final String className;
        final byte[] image;
        final boolean drawn;

        AddExampleEvent(OwnClassesPanel source, String className, byte[] image, boolean drawn) {
            super(source, false);
            this.className = className;
            this.image = image;
            this.drawn = drawn;
        }
    }

    /** Remove class {@code name} and its examples. */
    static class RemoveClassEvent extends ComponentEvent<OwnClassesPanel> {
        final String name;

        RemoveClassEvent(OwnClassesPanel source, String name) {
            super(source, false);
            this.name = name;
        }
    }

    private final Select<String> target = new Select<>();
    private final TextField name = new TextField(getTranslation("own.className"));
    private final Div list = new Div();
    private final DrawCanvas canvas = new DrawCanvas();
    private byte[] drawing;

    OwnClassesPanel(long maxUploadBytes) {
        setPadding(false);
        setId("own-classes");
        name.setId("own-class-name");
        name.setMaxLength(30);
        Button add = new Button(getTranslation("own.addClass"), e -> fireEvent(new AddClassEvent(this, name.getValue())));
        add.setId("own-class-add");
        HorizontalLayout addRow = new HorizontalLayout(name, add);
        addRow.setAlignItems(Alignment.BASELINE);

        target.setId("own-target");
        target.setLabel(getTranslation("own.target"));
        canvas.setId("own-canvas");
        canvas.addDrawingChangedListener(e -> drawing = ImageUrls.decodeDataUrl(e.pngDataUrl()));
        Button addDrawing = new Button(getTranslation("own.addDrawing"), e -> {
            if (drawing == null) Messages.error(this, new InvalidInputException("own.error.blank"));
            else fireEvent(new AddExampleEvent(this, target.getValue(), drawing, true));
        });
        addDrawing.setId("own-add-drawing");
        addDrawing.addThemeVariants(ButtonVariant.PRIMARY);
        Upload upload = BoundedUpload.create("own-upload", maxUploadBytes, "upload", "image.error.rejectedByBrowser",
                (file, bytes) -> fireEvent(new AddExampleEvent(this, target.getValue(), bytes, false)), e -> Messages.error(this, e),
                "image/png", "image/jpeg", "image/gif", "image/bmp", ".png", ".jpg", ".jpeg", ".gif", ".bmp");
        Paragraph help = new Paragraph(getTranslation("own.help"));
        help.addClassName("help");
        list.setId("own-classes-list");
        add(new H3(getTranslation("own.title")), help, addRow, list, target, new HorizontalLayout(canvas, new VerticalLayout(addDrawing, upload)));
    }

    Registration addAddClassListener(ComponentEventListener<AddClassEvent> listener) {
        return addListener(AddClassEvent.class, listener);
    }

    Registration addAddExampleListener(ComponentEventListener<AddExampleEvent> listener) {
        return addListener(AddExampleEvent.class, listener);
    }

    Registration addRemoveClassListener(ComponentEventListener<RemoveClassEvent> listener) {
        return addListener(RemoveClassEvent.class, listener);
    }

    /** The class was added: the name field is free, and the new class becomes the target. */
    void classAdded() {
        target.setValue(null);
        name.clear();
    }

    /** The example was added: a drawn one leaves the pad clear for the next. */
    void exampleAdded(boolean drawn) {
        if (drawn) canvas.clear();
    }

    /** The student's classes, each with its thumbnails; the target class kept if it is still there, else the last. */
    void show(List<TrainingLab.OwnClassSummary> classes) {
        list.removeAll();
        for (TrainingLab.OwnClassSummary c : classes) {
            Div thumbs = new Div();
            thumbs.addClassName("own-thumbs");
            for (byte[] png : c.thumbnails()) {
                Image img = new Image(ImageUrls.png(png), c.name());
                img.addClassName("pixel-image");
                thumbs.add(img);
            }
            Button remove = new Button(getTranslation("own.remove"), e -> fireEvent(new RemoveClassEvent(this, c.name())));
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
