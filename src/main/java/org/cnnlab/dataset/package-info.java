/**
 * Data sets for training, behind one record ({@link org.cnnlab.dataset.LabelledImages}): procedural
 * shapes drawn by our code and IDX files (the MNIST format) read by our own reader. Nothing is
 * downloaded at run time.
 */
package org.cnnlab.dataset;
