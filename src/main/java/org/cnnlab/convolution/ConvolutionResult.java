package org.cnnlab.convolution;

import java.util.List;

/** The maps a convolution produced, with the output-size arithmetic for rows and columns. */
public record ConvolutionResult(List<FeatureMap> maps, OutputSize rows, OutputSize cols, int parameterCount) {
}
