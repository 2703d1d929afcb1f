package org.cnnlab.convolution;

import org.cnnlab.base.ClassEvent;
import org.cnnlab.base.ClassEvents;
import org.cnnlab.base.InvalidInputException;
import org.cnnlab.base.StudentId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * A kernel or an image the instructor pushes lands in each student's playground state, whether or
 * not the playground is open: subscribed before any page, so an open page that hears the same event
 * afterwards shows it already in place.
 */
@Component
public class ClassPushes {

    public ClassPushes(ClassEvents events, PlaygroundService playground) {
        events.subscribe(event -> {
            if (event instanceof ClassEvent.KernelPushed k) {
                float[] weights = new float[k.weights().size()];
                for (int i = 0; i < weights.length; i++) weights[i] = k.weights().get(i);
                Kernel kernel = new Kernel(k.size(), weights);
                k.students().forEach(student -> each(student, () -> playground.takeKernel(student, kernel, k.bias())));
            } else if (event instanceof ClassEvent.Pushed p && p.what() == ClassEvent.Pushed.What.IMAGE) {
                p.students().forEach(student -> each(student, () -> playground.takeSample(student, p.value())));
            }
        });
    }

    /** One student's refusal (a kernel larger than their own image) leaves their playground as it was and the others still get it. */
    private static void each(StudentId student, Runnable take) {
        try {
            take.run();
        } catch (InvalidInputException e) {
            LOG.debug("A pushed kernel or image does not fit {}'s playground: {}", student, e.messageKey());
        }
    }

    private static final Logger LOG = LoggerFactory.getLogger(ClassPushes.class);
}
