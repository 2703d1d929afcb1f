/** Why learn features: 2-D point sets, hand-made changes of representation φ, and a representation an MLP learns. */
package org.cnnlab.representation;
