package org.cnnlab.base;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Caps for students who have not joined a class (application.properties, prefix {@code
 * cnnlab.anonymous}), per network address rather than per browser session, since a new session is
 * one cookie away: training jobs running or waiting ({@code maxQueuedPerAddress}), and costly requests
 * (saliency, model uploads) a minute ({@code requestsPerMinute}, a Bucket4j token bucket). A class
 * member has their own caps instead (e.g. {@code cnnlab.training.max-queued-per-student}).
 */
@ConfigurationProperties(prefix = "cnnlab.anonymous")
public record AnonymousLimits(int maxQueuedPerAddress, int requestsPerMinute) {

    public AnonymousLimits {
        if (maxQueuedPerAddress <= 0) maxQueuedPerAddress = 2;
        if (requestsPerMinute <= 0) requestsPerMinute = 30;
    }

    public static AnonymousLimits defaults() {
        return new AnonymousLimits(0, 0);
    }
}
