package org.cnnlab.cluster;

import jakarta.annotation.PreDestroy;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.cnnlab.base.NodeSettings;
import org.jobrunr.configuration.JobRunr;
import org.jobrunr.configuration.JobRunrConfiguration;
import org.jobrunr.scheduling.JobRequestScheduler;
import org.jobrunr.server.BackgroundJobServer;
import org.jobrunr.server.BackgroundJobServerConfiguration;
import org.jobrunr.storage.StorageProvider;
import org.jobrunr.storage.sql.postgres.PostgresStorageProvider;
import org.jobrunr.utils.mapper.jackson3.Jackson3JsonMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * JobRunr for the scale-out profile, on the PostgreSQL every node shares (its own tables, made by
 * JobRunr). App nodes only enqueue; a worker node also runs a background job server with one
 * worker thread, since one JVM trains one job at a time (see TrainingLimits), and polls every
 * {@code cnnlab.node.poll-seconds}. A worker that stops sending heartbeats is declared dead by the
 * others after four polls, and its job is retried on another worker (TrainingWorker).
 */
@Configuration
@ConditionalOnExpression("!'${cnnlab.node.role:single}'.equalsIgnoreCase('single')")
class ClusterConfiguration {
    private static final Logger LOG = LoggerFactory.getLogger(ClusterConfiguration.class);
    private JobRunrConfiguration.JobRunrConfigurationResult jobRunr;

    @Bean
    StorageProvider jobStorage(DataSource dataSource) {
        return new PostgresStorageProvider(dataSource);
    }

    @Bean
    JobRequestScheduler jobRequests(StorageProvider storage, ApplicationContext context, NodeSettings node,
                                    @Value("${cnnlab.node.poll-seconds:5}") int pollSeconds) {
        boolean worker = node.role() == NodeSettings.Role.WORKER;
        jobRunr = JobRunr.configure()
                .useJsonMapper(new Jackson3JsonMapper())
                .useStorageProvider(storage)
                .useJobActivator(context::getBean)
                .useBackgroundJobServerIf(worker, BackgroundJobServerConfiguration.usingStandardBackgroundJobServerConfiguration()
                        .andName(node.name()).andWorkerCount(1).andPollInterval(Duration.ofSeconds(Math.max(5, pollSeconds))))
                .initialize();
        if (worker) watchdog.scheduleWithFixedDelay(ClusterConfiguration::restartIfStopped, 10, 10, TimeUnit.SECONDS);
        return jobRunr.getJobRequestScheduler();
    }

    private final ScheduledExecutorService watchdog = Executors.newSingleThreadScheduledExecutor(
            r -> Thread.ofPlatform().daemon().name("cnnlab-jobrunr-watchdog").unstarted(r));

    /**
     * JobRunr's background job server stops itself when its storage fails for a while (PostgreSQL
     * restarting); a worker node starts it again once PostgreSQL answers, so it needs no restart.
     */
    private static void restartIfStopped() {
        try {
            BackgroundJobServer server = JobRunr.getBackgroundJobServer();
            if (server == null || server.isRunning()) return;
            JobRunr.getStorageProvider().getJobStats();   // throws while PostgreSQL is away
            LOG.info("PostgreSQL answers again: starting JobRunr's job server");
            server.start();
        } catch (Throwable e) {   // a scheduled task that throws is never run again
            LOG.debug("JobRunr's job server not started again yet: {}", e.toString());
        }
    }

    @PreDestroy
    void stop() {
        watchdog.shutdownNow();
        if (jobRunr != null) JobRunr.destroy();
    }
}
