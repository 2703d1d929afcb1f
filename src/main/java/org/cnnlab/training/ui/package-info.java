/** The training page: data set preview, the run's settings, and the live curves. */
package org.cnnlab.training.ui;
