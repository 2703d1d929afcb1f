/** The inspection lesson's page: feature maps per layer, learned filters, saliency side by side and overlaid. */
package org.cnnlab.inspection.ui;
