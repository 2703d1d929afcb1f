/**
 * Images in and out: safe decoding of uploads and drawings, the sample gallery, colour maps
 * and PNG rendering of feature maps. Pure Java; no DJL.
 */
package org.cnnlab.imaging;
