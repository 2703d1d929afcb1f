package org.cnnlab.convolution;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.cnnlab.base.InvalidInputException;
import org.cnnlab.base.StudentId;
import org.cnnlab.base.StudentState;
import org.cnnlab.imaging.Colormap;
import org.cnnlab.imaging.ImageDecoder;
import org.cnnlab.imaging.MapRenderer;
import org.cnnlab.imaging.PixelImage;
import org.cnnlab.imaging.RenderedMap;
import org.cnnlab.imaging.SampleImages;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * Each student's convolution playground, keyed by {@link StudentId}. Every edit is applied to a
 * copy of the state and computed first; only if that succeeds does the copy replace the state, so
 * bad input (a NaN kernel, a kernel larger than the padded image, a corrupt upload) leaves the
 * student's work as it was. The least recently used states are dropped beyond a configured number.
 */
@Service
public class PlaygroundService implements StudentState {

    private final ConvolutionService convolution;
    private final ImageDecoder decoder;
    private final SampleImages samples;
    private final Map<StudentId, PlaygroundState> states;

    public PlaygroundService(ConvolutionService convolution, ImageDecoder decoder, SampleImages samples,
                             @Value("${cnnlab.playground.max-students:1000}") int maxStudents) {
        this.convolution = convolution;
        this.decoder = decoder;
        this.samples = samples;
        this.states = StudentState.store(maxStudents);
    }

    public Playground current(StudentId student) {
        return update(student, UnaryOperator.identity());
    }

    public Playground useSample(StudentId student, String sampleId) {
        PlaygroundInput input = PlaygroundInput.of(sampleId, samples.load(sampleId));
        return update(student, s -> s.withInput(input));
    }

    public Playground useUpload(StudentId student, String fileName, byte[] bytes) {
        PlaygroundInput input = PlaygroundInput.of(fileName, decoder.decode(bytes));
        return update(student, s -> s.withInput(input));
    }

    public Playground useDrawing(StudentId student, byte[] png) {
        PlaygroundInput input = PlaygroundInput.of("drawing", decoder.decode(png));
        return update(student, s -> s.withInput(input));
    }

    /** Cells from a grid of another size (a stale page, a second tab) are ignored: the current state is shown. */
    public Playground editKernel(StudentId student, int channel, List<String> cells) {
        int k = stateOf(student).settings().kernelSize();
        if (cells.size() != k * k || channel < 0 || channel >= PlaygroundState.KERNEL_SLOTS) {
            return current(student);
        }
        Kernel kernel = KernelParser.parse(cells, k, convolution.limits().maxAbsWeight());
        return update(student, s -> s.withKernel(channel, kernel));
    }

    public Playground applyPreset(StudentId student, int channel, KernelPreset preset) {
        if (channel < 0 || channel >= PlaygroundState.KERNEL_SLOTS) {
            return current(student);
        }
        int k = preset.scales() ? stateOf(student).settings().kernelSize() : 3;
        return update(student, s -> s.withKernel(channel, preset.kernel(k)));
    }

    /**
     * A learned filter of a trained network becomes the first kernel, at its own size, computed as the
     * layer does (cross-correlation). The network saw pixels in 0…1 and the playground's are 0…255,
     * so the bias is multiplied by 255: the map is then exactly 255 times the layer's.
     */
    public Playground useKernel(StudentId student, Kernel kernel, float bias) {
        resizeKernel(student, kernel.size());
        Playground p = update(student, s -> s.withKernel(0, kernel));
        return changeSettings(student, p.state().settings().asLayer(bias * 255f));
    }

    /** The instructor's kernel: first channel's kernel at its own size, with this bias; everything else kept. */
    public Playground receiveKernel(StudentId student, Kernel kernel, float bias) {
        checkKernelSize(kernel.size());
        return update(student, s -> withFirstKernel(s, kernel, bias));
    }

    /**
     * A kernel the instructor pushes to a whole class: checked against the student's image and
     * settings ({@link ConvolutionService#validate}, no convolution) and stored; the student's page
     * computes the map when it shows it. Computing every student's map here, on the thread that
     * delivers the event to every page of the node, held back every page's push by one convolution
     * and PNG per student of the class.
     */
    public void takeKernel(StudentId student, Kernel kernel, float bias) {
        checkKernelSize(kernel.size());
        PlaygroundState next = withFirstKernel(stateOf(student), kernel, bias);
        convolution.validate(next.input().pixels(), next.kernelsForComputation(), next.settings());
        states.put(student, next);
    }

    /** A sample image the instructor pushes to a whole class: checked and stored, as {@link #takeKernel}. */
    public void takeSample(StudentId student, String sampleId) {
        PlaygroundState next = stateOf(student).withInput(PlaygroundInput.of(sampleId, samples.load(sampleId)));
        convolution.validate(next.input().pixels(), next.kernelsForComputation(), next.settings());
        states.put(student, next);
    }

    private static PlaygroundState withFirstKernel(PlaygroundState s, Kernel kernel, float bias) {
        PlaygroundState sized = s.withKernel(0, kernel);
        ConvolutionSettings c = sized.settings();
        return sized.withSettings(new ConvolutionSettings(c.kernelSize(), c.padding(), c.stride(), c.dilation(), c.flip(), bias,
                c.channelMode()));
    }

    public Playground resizeKernel(StudentId student, int size) {
        checkKernelSize(size);
        return update(student, s -> s.withSettings(s.settings().withKernelSize(size)));
    }

    public int maxKernelSize() {
        return convolution.limits().maxKernelSize();
    }

    public Playground changeSettings(StudentId student, ConvolutionSettings settings) {
        checkKernelSize(settings.kernelSize());
        return update(student, s -> s.withSettings(settings));
    }

    public Playground replicateKernel(StudentId student, boolean replicate) {
        return update(student, s -> s.withReplicate(replicate));
    }

    public Playground changeColormap(StudentId student, Colormap colormap) {
        return update(student, s -> s.withColormap(colormap));
    }

    /** Takes one output value apart; {@code map} indexes the result's maps. */
    public Walkthrough.Cell explain(StudentId student, int map, int row, int col) {
        PlaygroundState s = stateOf(student);
        ConvolutionSettings settings = s.settings();
        PixelImage image = settings.channelMode() == ChannelMode.GREY ? s.input().pixels().toGrey() : s.input().pixels();
        List<Integer> channels = new ArrayList<>();
        if (settings.channelMode() == ChannelMode.CONV_LAYER) {
            for (int c = 0; c < image.channels(); c++) channels.add(c);
        } else {
            channels.add(Math.min(map, image.channels() - 1));
        }
        List<Kernel> all = ConvolutionService.effectiveKernels(s.kernelsForComputation(), settings, image.channels());
        List<Kernel> used = channels.stream().map(all::get).toList();
        return Walkthrough.explain(image, used, channels, settings, row, col);
    }

    /** Checked before any state is built: a k×k kernel of an absurd k would cost memory on its own. */
    private void checkKernelSize(int size) {
        if (size < 1 || size > maxKernelSize()) {
            throw new InvalidInputException("conv.error.kernelSize", 1, maxKernelSize());
        }
    }

    @Override
    public void forget(StudentId student) {
        states.remove(student);
    }

    public int activeStudents() {
        return states.size();
    }

    private PlaygroundState stateOf(StudentId student) {
        PlaygroundState state = states.get(student);
        return state != null ? state : initialState();
    }

    private Playground update(StudentId student, UnaryOperator<PlaygroundState> change) {
        PlaygroundState next = change.apply(stateOf(student));
        Playground computed = compute(next);
        states.put(student, next);
        return computed;
    }

    private Playground compute(PlaygroundState state) {
        ConvolutionResult result = convolution.apply(state.input().pixels(), state.kernelsForComputation(), state.settings());
        double shared = MapRenderer.maxAbs(result.maps().stream().map(FeatureMap::values).toArray(float[][]::new));
        List<RenderedMap> rendered = result.maps().stream()
                .map(m -> MapRenderer.render(m.values(), m.height(), m.width(), state.colormap(), shared))
                .toList();
        return new Playground(state, result, rendered);
    }

    private PlaygroundState initialState() {
        PlaygroundInput input = PlaygroundInput.of(SampleImages.LECTURE_MATRIX_ID, SampleImages.lectureMatrix());
        return new PlaygroundState(input, Collections.nCopies(PlaygroundState.KERNEL_SLOTS, KernelPreset.SOBEL_F1.kernel(3)),
                true, ConvolutionSettings.defaults(), Colormap.DIVERGING);
    }
}
