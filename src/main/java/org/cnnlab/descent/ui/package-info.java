/** The recap lesson's page: fit at step N, loss progress, optimisers, universal approximation, loss surfaces. */
package org.cnnlab.descent.ui;
