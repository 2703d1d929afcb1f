package org.cnnlab.convolution;

import org.cnnlab.base.DjlRuntime;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The real DJL convolution (PyTorch, CPU), started once per test class and closed after it. */
abstract class ConvolutionFixture {

    static DjlRuntime djl;
    static ConvolutionService convolution;

    @BeforeAll
    static void startDjl() {
        djl = new DjlRuntime();
        convolution = new ConvolutionService(djl, ConvolutionLimits.defaults());
    }

    @AfterAll
    static void closeDjl() {
        djl.close();
    }
}
