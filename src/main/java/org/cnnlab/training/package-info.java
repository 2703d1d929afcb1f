/**
 * Training on the server with DJL: a bounded, round-robin queue of jobs across students, each job
 * owning its model and native memory, streaming plain metric snapshots to whoever watches.
 */
package org.cnnlab.training;
