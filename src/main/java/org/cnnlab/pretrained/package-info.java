/**
 * A real pretrained CNN: NanoDet, a COCO-trained object detector shipped as a TensorFlow.js graph
 * model, read from its JSON and weights and executed op by op in DJL on the PyTorch engine, with
 * gradients to the input, so the inspection lessons can open it like any other network.
 */
package org.cnnlab.pretrained;
