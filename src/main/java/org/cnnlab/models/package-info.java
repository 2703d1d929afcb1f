/**
 * A trained model as the student keeps it: the network and its learned parameters with how they were
 * trained ({@link org.cnnlab.models.TrainedModel}, {@link org.cnnlab.models.TrainingRecord}), saved
 * safely in the {@code .cnnlab} file format ({@link org.cnnlab.models.ModelStore}), and run on a picture
 * ({@link org.cnnlab.models.ModelRunner}). Training makes them; inspection and the class server open them.
 */
package org.cnnlab.models;
