package org.cnnlab.convolution.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import java.util.List;
import java.util.function.Supplier;
import org.cnnlab.base.ClassEvent;
import org.cnnlab.base.ClassEvents;
import org.cnnlab.base.ClassRoom;
import org.cnnlab.base.InvalidInputException;
import org.cnnlab.base.Lesson;
import org.cnnlab.base.StudentId;
import org.cnnlab.base.ui.ClassListener;
import org.cnnlab.base.ui.CurrentStudent;
import org.cnnlab.base.ui.Messages;
import org.cnnlab.base.ui.ShareButton;
import org.cnnlab.convolution.ChannelMode;
import org.cnnlab.convolution.KernelParser;
import org.cnnlab.convolution.KernelShelf;
import org.cnnlab.convolution.Playground;
import org.cnnlab.convolution.PlaygroundService;
import org.cnnlab.imaging.ImageDecoder;
import org.cnnlab.imaging.SampleImages;

/**
 * The convolution playground: choose an input, edit a kernel, and watch the feature map change as
 * you type. Every change goes to {@link PlaygroundService}; this class only wires panels to it.
 */
@AnonymousAllowed
@Route(Lesson.Paths.CONVOLUTION)
public class ConvolutionView extends Div implements HasDynamicTitle {

    private final PlaygroundService playground;
    private final StudentId student = CurrentStudent.id();
    private final List<SampleImages.Sample> samples;
    private final InputPanel input;
    private final KernelPanel kernel;
    private final SettingsPanel settings;
    private final ResultPanel result = new ResultPanel();
    private final WalkthroughPanel walkthrough;
    private KernelShelfBar shelfBar;   // not final: its own "save" callback refreshes it

    public ConvolutionView(PlaygroundService playground, SampleImages sampleImages, ImageDecoder decoder, ClassRoom classRoom,
                           ClassEvents events, KernelShelf shelf) {
        this.playground = playground;
        this.samples = sampleImages.list();
        addClassName("playground");
        input = new InputPanel(samples, decoder.limits(),
                id -> run(() -> playground.useSample(student, id)),
                (name, bytes) -> run(() -> playground.useUpload(student, name, bytes)),
                png -> run(() -> playground.useDrawing(student, png)),
                e -> Messages.error(this, e));
        kernel = new KernelPanel(playground.maxKernelSize(),
                k -> run(() -> playground.resizeKernel(student, k)),
                (channel, preset) -> run(() -> playground.applyPreset(student, channel, preset)),
                (channel, cells) -> run(() -> playground.editKernel(student, channel, cells)),
                replicate -> run(() -> playground.replicateKernel(student, replicate)),
                () -> run(() -> playground.current(student)));
        settings = new SettingsPanel(s -> run(() -> playground.changeSettings(student, s)),
                c -> run(() -> playground.changeColormap(student, c)));
        walkthrough = new WalkthroughPanel(cell -> playground.explain(student, cell[0], cell[1], cell[2]));

        Paragraph intro = new Paragraph(getTranslation("conv.intro"));
        Paragraph convention = new Paragraph(getTranslation("conv.convention"));
        convention.addClassName("help");
        shelfBar = new KernelShelfBar(shelf.names(student), name -> Messages.attempt(this, () -> this.shelfBar.names(shelf.save(student, name))),
                name -> run(() -> shelf.load(student, name)));
        Div controls = new Div(input, kernel, shelfBar, settings);
        controls.addClassName("controls");
        ShareButton share = new ShareButton(classRoom, student, this::submission);
        Div output = new Div(result, share, walkthrough, new CountQuizPanel(), new LectureNotes());
        output.addClassName("output");
        Div columns = new Div(controls, output);
        columns.addClassName("columns");
        add(new H1(getTranslation("lesson.convolution.title")), intro, convention, columns);
        run(() -> playground.current(student));
        ClassListener.attach(this, events, event -> {
            String label = switch (event) {   // already in the student's state (ClassPushes): show it
                case ClassEvent.KernelPushed k when k.students().contains(student) -> getTranslation("class.kernelReceived", k.label());
                case ClassEvent.Pushed p when p.what() == ClassEvent.Pushed.What.IMAGE && p.students().contains(student) ->
                        getTranslation("class.pushed.image", p.label());
                default -> null;
            };
            if (label != null) {
                run(() -> playground.current(student));
                Notification.show(label, 4000, Notification.Position.BOTTOM_START);
            }
        });
    }

    /** The current kernel and its feature map, for the class gallery. */
    private ClassRoom.Submission submission() {
        Playground p = playground.current(student);
        return new ClassRoom.Submission(ClassRoom.Submission.Kind.KERNEL, getTranslation("class.share.kernelTitle", p.state().settings().kernelSize()),
                p.state().kernel(0).text(), p.rendered().getFirst().png(), null);
    }

    private void run(Supplier<Playground> action) {
        try {
            show(action.get());
        } catch (KernelParser.CellException e) {
            kernel.showCellError(e.index(), Messages.text(this, e));
        } catch (InvalidInputException e) {
            Messages.error(this, e);
            show(playground.current(student));
        }
    }

    private void show(Playground p) {
        input.show(p.state().input(), samples);
        kernel.show(p.state());
        settings.show(p.state());
        result.show(p);
        boolean grey = p.state().settings().channelMode() == ChannelMode.GREY;
        walkthrough.show(p, grey ? p.state().input().pixels().toGrey() : p.state().input().pixels());
    }

    @Override
    public String getPageTitle() {
        return getTranslation("lesson.convolution.title");
    }
}
