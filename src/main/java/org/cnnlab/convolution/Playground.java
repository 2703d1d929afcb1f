package org.cnnlab.convolution;

import java.util.List;
import org.cnnlab.imaging.RenderedMap;

/** What the playground page shows after an edit: the state, the maps as numbers and as PNGs. */
public record Playground(PlaygroundState state, ConvolutionResult result, List<RenderedMap> rendered) {
}
