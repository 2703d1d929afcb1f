package org.cnnlab.convolution;

import org.cnnlab.base.ClassEvent;
import org.cnnlab.base.ClassEvents;
import org.springframework.stereotype.Component;

/**
 * A kernel the instructor pushes lands in each student's playground state, whether or not the
 * playground is open: subscribed before any page, so an open page that hears the same event
 * afterwards shows the kernel already in place.
 */
@Component
public class ClassKernels {

    public ClassKernels(ClassEvents events, PlaygroundService playground) {
        events.subscribe(event -> {
            if (event instanceof ClassEvent.KernelPushed k) {
                float[] weights = new float[k.weights().size()];
                for (int i = 0; i < weights.length; i++) weights[i] = k.weights().get(i);
                Kernel kernel = new Kernel(k.size(), weights);
                k.students().forEach(student -> playground.receiveKernel(student, kernel, k.bias()));
            }
        });
    }
}
