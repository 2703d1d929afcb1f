package org.cnnlab.base;

import java.util.Locale;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * What this JVM is in a deployment (prefix {@code cnnlab.node}). {@code SINGLE}, the default, is the
 * one-machine server: everything in one process, no PostgreSQL needed. In the scale-out profiles
 * every node runs the same jar on one PostgreSQL: an {@code APP} node serves pages and hands
 * training to {@code WORKER} nodes (JobRunr), which train one job at a time each.
 *
 * @param name               the node's name: the proxy routes by it (cookie {@code cookie}), and the dashboard shows it
 * @param tasksInFlight      on an app node, how many of its jobs may be handed to workers at once (the rest wait in
 *                           its fair round-robin queue)
 * @param workerSilenceSeconds a running job whose worker has said nothing for this long is reported failed
 */
@ConfigurationProperties(prefix = "cnnlab.node")
public record NodeSettings(Role role, String name, String cookie, int tasksInFlight, int workerSilenceSeconds) {

    public enum Role { SINGLE, APP, WORKER }

    public NodeSettings {
        if (role == null) role = Role.SINGLE;
        if (name == null || name.isBlank()) name = role.name().toLowerCase(Locale.ROOT);
        if (cookie == null || cookie.isBlank()) cookie = "cnnlab_node";
        if (tasksInFlight <= 0) tasksInFlight = 4;
        if (workerSilenceSeconds <= 0) workerSilenceSeconds = 90;
    }

    public static NodeSettings single() {
        return new NodeSettings(Role.SINGLE, null, null, 0, 0);
    }
}
