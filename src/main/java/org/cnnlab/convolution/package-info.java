/**
 * The convolution playground: kernels and presets, padding/stride/dilation and the output-size
 * formula, colour handling, the DJL-backed feature maps and the step-by-step walkthrough.
 */
package org.cnnlab.convolution;
