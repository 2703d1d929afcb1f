/**
 * Networks as data: a {@link org.cnnlab.network.NetworkSpec} (input shape + layer records), pure-Java
 * shape inference and cost counting, the presets, generated PyTorch code, and the one factory that
 * turns a spec into a DJL block. Every later lesson (training, inspection) describes its model here.
 */
package org.cnnlab.network;
