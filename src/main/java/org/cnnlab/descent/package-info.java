/**
 * The recap lesson: gradient descent you can watch. Small optimisations (a 1-D regression MLP, a
 * two-parameter loss surface) with DJL autograd for the gradients and our own update rules.
 */
package org.cnnlab.descent;
