package org.cnnlab.cluster;

import jakarta.annotation.PreDestroy;
import java.time.Duration;
import javax.sql.DataSource;
import org.cnnlab.base.NodeSettings;
import org.jobrunr.configuration.JobRunr;
import org.jobrunr.configuration.JobRunrConfiguration;
import org.jobrunr.scheduling.JobRequestScheduler;
import org.jobrunr.server.BackgroundJobServerConfiguration;
import org.jobrunr.storage.StorageProvider;
import org.jobrunr.storage.sql.postgres.PostgresStorageProvider;
import org.jobrunr.utils.mapper.jackson3.Jackson3JsonMapper;
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
        return jobRunr.getJobRequestScheduler();
    }

    @PreDestroy
    void stop() {
        if (jobRunr != null) JobRunr.destroy();
    }
}
