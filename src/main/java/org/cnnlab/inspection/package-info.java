/**
 * Looking inside a trained network: every layer's activations, the learned filters, and saliency
 * maps (why it decided), computed with DJL on any network the builder can express.
 */
package org.cnnlab.inspection;
