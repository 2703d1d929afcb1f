/**
 * Training in the scale-out profile: an app node hands each job to the worker nodes through
 * PostgreSQL and JobRunr ({@link org.cnnlab.training.remote.RemoteTraining}), a worker node runs it
 * and reports each batch back ({@link org.cnnlab.training.remote.TrainingWorker}). The queue order,
 * limits, pause and cancel stay with the app node's {@link org.cnnlab.training.TrainingService}.
 */
package org.cnnlab.training.remote;
