/** Hand-made image features of the classic pipeline, each a small class with its formula. */
package org.cnnlab.representation.features;
