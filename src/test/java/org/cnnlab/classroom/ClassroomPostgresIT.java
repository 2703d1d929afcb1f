package org.cnnlab.classroom;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * The same contract on a real PostgreSQL with the {@code postgres} profile: Debian's server, which
 * {@code tools/postgres-for-tests.sh} starts and gives a cnnlab_test role and database
 * ({@code .ci/run} runs it). Without that server this test fails: it is not skipped.
 */
@ActiveProfiles("postgres")
@SpringBootTest(properties = {
        "spring.datasource.url=${CNNLAB_TEST_DB_URL:jdbc:postgresql://localhost:5432/cnnlab_test}",
        "spring.datasource.username=cnnlab_test", "spring.datasource.password=cnnlab_test"})
class ClassroomPostgresIT extends ClassroomContract {
}
