package org.cnnlab.classroom;

import jakarta.annotation.security.RolesAllowed;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.cnnlab.base.ClassEvent;
import org.cnnlab.base.ClassEvents;
import org.cnnlab.base.InvalidInputException;
import org.cnnlab.base.Lesson;
import org.cnnlab.convolution.ConvolutionService;
import org.cnnlab.convolution.Kernel;
import org.cnnlab.dataset.DatasetCatalog;
import org.cnnlab.imaging.SampleImages;
import org.cnnlab.network.NetworkPresets;
import org.springframework.stereotype.Service;

/**
 * The teaching controls, pushed to every student of a class session at once: a pause, pacing, a
 * kernel for the playground, an image, a network or a data set. Every method needs the instructor
 * role (Spring method security), whichever page or thread calls it.
 */
@Service
@RolesAllowed(Instructors.ROLE)
public class TeachingControls {
    private final ClassSessionTable classes;
    private final ClassSessions sessions;
    private final ClassEvents events;
    private final ClassroomService classroom;
    private final ConvolutionService convolution;
    private final SampleImages samples;
    private final DatasetCatalog datasets;

    public TeachingControls(ClassSessionTable classes, ClassSessions sessions, ClassEvents events, ClassroomService classroom,
                            ConvolutionService convolution, SampleImages samples, DatasetCatalog datasets) {
        this.classes = classes;
        this.sessions = sessions;
        this.events = events;
        this.classroom = classroom;
        this.convolution = convolution;
        this.samples = samples;
        this.datasets = datasets;
    }

    public void pause(long classId, boolean paused, String message) {
        String clean = message == null || message.isBlank() ? null : message.strip().substring(0, Math.min(300, message.strip().length()));
        classes.pause(classId, paused, clean);
        events.publish(new ClassEvent.Paused(classId, paused, clean));
    }

    /** Pacing: students may open only these lessons ({@code null}: all). */
    public void pace(long classId, Set<Lesson> lessons) {
        classes.pace(classId, lessons);
        events.publish(new ClassEvent.Paced(classId, lessons));
    }

    /** A k×k kernel (row by row) and bias into every approved student's convolution playground. */
    public void pushKernel(long classId, int size, List<Float> weights, float bias, String label) {
        sessions.session(classId);
        if (size < 1 || weights.size() != size * size || weights.stream().anyMatch(Objects::isNull)) throw new InvalidInputException("class.push.kernel");
        float[] w = new float[weights.size()];
        for (int i = 0; i < w.length; i++) w[i] = weights.get(i);
        convolution.checkKernel(new Kernel(size, w), bias);   // the playground's own limits, with their reasons
        events.publish(new ClassEvent.KernelPushed(classId, classroom.approved(classId), size, List.copyOf(weights), bias, label));
    }

    /**
     * An input image (a sample's id), a network (a preset's name) or a data set (its id) onto every
     * approved student's page; anything else is refused before it is sent.
     */
    public void push(long classId, ClassEvent.Pushed.What what, String value, String label) {
        sessions.session(classId);
        boolean known = switch (what) {
            case IMAGE -> samples.list().stream().anyMatch(s -> s.id().equals(value));
            case NETWORK -> Arrays.stream(NetworkPresets.values()).anyMatch(p -> p.name().equals(value));
            case DATASET -> datasets.ids().contains(value);
        };
        if (!known) throw new InvalidInputException("class.push.unknown");
        events.publish(new ClassEvent.Pushed(classId, classroom.approved(classId), what, value, label));
    }
}
