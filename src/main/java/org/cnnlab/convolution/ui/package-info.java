/**
 * The convolution playground's page: thin Vaadin components that call
 * {@link org.cnnlab.convolution.PlaygroundService} and draw what it returns.
 */
package org.cnnlab.convolution.ui;
