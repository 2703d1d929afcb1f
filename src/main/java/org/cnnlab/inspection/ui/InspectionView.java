package org.cnnlab.inspection.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import java.util.ArrayList;
import java.util.List;
import org.cnnlab.base.ClassRoom;
import org.cnnlab.base.InvalidInputException;
import org.cnnlab.base.Lesson;
import org.cnnlab.base.StudentId;
import org.cnnlab.base.ui.ClassNames;
import org.cnnlab.base.ui.CurrentStudent;
import org.cnnlab.base.ui.Messages;
import org.cnnlab.base.ui.ProbabilityBars;
import org.cnnlab.inspection.Inspection;
import org.cnnlab.inspection.InspectionLab;

/** Look inside a trained network: draw, and see every layer's maps, the learned filters and saliency; the work happens in {@link InspectionLab}. */
@AnonymousAllowed
@Route(Lesson.Paths.INSPECTION)
public class InspectionView extends Div implements HasDynamicTitle {

    private final InspectionLab lab;
    private final StudentId student = CurrentStudent.id();
    private final Select<InspectionLab.ModelOption> model = new Select<>();
    private final ProbabilityBars prediction = new ProbabilityBars("inspect-prediction");
    private final LayersPanel insides;
    private final ReferenceProgress reference = new ReferenceProgress();
    private final Paragraph none = new Paragraph();
    private final SaliencyPanel saliency;
    private static final int TOP_CLASSES = 10;
    private byte[] drawing;
    private final DrawingInput drawingInput = new DrawingInput();
    private long examples;

    public InspectionView(InspectionLab lab, ClassRoom classRoom) {
        this.lab = lab;
        addClassName("network-lesson");
        insides = new LayersPanel(filter -> Messages.attempt(this, () -> {
            lab.openInPlayground(student, filter);
            UI.getCurrent().navigate(Lesson.CONVOLUTION.path());
        }));
        model.setId("inspect-model");
        model.setLabel(getTranslation("inspect.model"));
        model.setItemLabelGenerator(o -> switch (o.source()) {
            case InspectionLab.Source.Reference r -> getTranslation("inspect.reference");
            case InspectionLab.Source.Pretrained p -> getTranslation("inspect.pretrained");
            default -> ModelLabel.of(this, o.name());
        });
        model.setWidth("28em");
        model.addValueChangeListener(e -> refresh());
        drawingInput.addDrawingListener(e -> {
            drawing = e.png;
            refresh();
        });
        none.setId("inspect-none");
        drawingInput.addExampleListener(e -> Messages.attempt(this, () -> {
            drawing = lab.example(student, model.getValue(), ++examples);
            refresh();
        }));
        TorchScriptPanel torchScript = new TorchScriptPanel(lab.torchScriptUploads(), lab.maxTorchScriptBytes());
        torchScript.addUploadListener(e -> Messages.attempt(this, () -> {
            InspectionLab.ModelOption loaded = lab.uploadTorchScript(student, e.fileName, e.bytes);
            listModels();
            model.setValue(model.getListDataView().getItems().filter(o -> o.equals(loaded)).findFirst().orElse(loaded));
        }));
        saliency = new SaliencyPanel((request, progress) -> lab.saliency(student, model.getValue(), drawing, request, progress), classRoom, student);
        add(new H1(getTranslation("lesson.inspection.title")), new Paragraph(getTranslation("inspect.intro")), none, model,
                reference, new HorizontalLayout(drawingInput, prediction), insides, saliency,
                new ShortcutSection(lab, student, this::listModels).panel, torchScript);
    }

    @Override
    protected void onAttach(AttachEvent event) {
        listModels();
    }

    /** Fills the model picker (again after the shortcut lab trains a model), keeping the choice if it is still there. */
    private void listModels() {
        InspectionLab.ModelOption chosen = model.getValue();
        List<InspectionLab.ModelOption> options = lab.models(student);
        model.setItems(options);
        boolean onlyReference = options.stream().noneMatch(InspectionLab.ModelOption::students);   // the reference and pretrained CNNs are always there
        none.setVisible(onlyReference);
        none.removeAll();
        if (onlyReference) none.add(new Span(getTranslation("inspect.none") + " "), new Anchor(Lesson.Paths.TRAINING, getTranslation("lesson.training.title")));
        model.setValue(options.stream().filter(o -> o.sameAs(chosen)).findFirst().orElse(options.getFirst()));
    }

    /** Runs the drawing through the chosen model and shows what every layer made of it. */
    private void refresh() {
        if (model.getValue() == null) return;
        if (model.getValue().reference() && !lab.referenceReady()) {
            reference.train(lab::trainReference, lab::referenceReady, this::refresh);   // once for the whole server, on first use
            return;
        }
        reference.setVisible(false);
        if (drawing == null) return;
        try {
            Inspection in = lab.inspect(student, model.getValue(), drawing);
            drawingInput.modelInput(in.input());
            List<ProbabilityBars.Bar> bars = new ArrayList<>();
            for (int c = 0; c < in.classes().size(); c++) {
                bars.add(new ProbabilityBars.Bar(ClassNames.label(this, in.classes().get(c)), in.probabilities()[c]));
            }
            bars.sort((a, b) -> Double.compare(b.probability(), a.probability()));
            prediction.show(bars.subList(0, Math.min(TOP_CLASSES, bars.size())));   // the pretrained CNN has 80
            insides.show(in);
            saliency.model(in.classes(), in.best(), model.getValue().camLayer(), model.getValue().wholeGraph());
        } catch (InvalidInputException e) {
            Messages.error(this, e);
        }
    }

    @Override
    public String getPageTitle() {
        return getTranslation("lesson.inspection.title");
    }
}
