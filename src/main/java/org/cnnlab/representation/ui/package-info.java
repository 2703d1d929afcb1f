/** The representation lesson's page. */
package org.cnnlab.representation.ui;
