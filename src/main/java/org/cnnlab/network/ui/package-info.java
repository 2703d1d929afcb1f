/** The network lesson's views: MLP drawbacks, the parameter quiz and the architecture builder. */
package org.cnnlab.network.ui;
