/**
 * Saliency methods, one file each: every method is a request record that holds its settings, checks
 * and prices them before anything runs ({@link org.cnnlab.inspection.saliency.SaliencyRequest#check}),
 * and computes its map ({@link org.cnnlab.inspection.saliency.SaliencyRequest#compute}). The passes
 * they share (gradients, scores, probabilities in batches) are in {@link org.cnnlab.inspection.saliency.Passes}.
 */
package org.cnnlab.inspection.saliency;
