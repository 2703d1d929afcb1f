package org.cnnlab.classroom;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The class server's settings (prefix {@code cnnlab.classroom}): the instructor account (no default
 * password: empty means a one-time password printed at first start; {@code instructorPasswordReset}
 * makes the configured password replace one changed on the password page), join-code length,
 * students per class, the join throttle (token buckets: an address gets {@code joinAttemptsPerMinute}
 * tokens a minute, a right code costs one and a wrong one {@code joinWrongCodeCost}; a class admits
 * {@code joinAttemptsPerClassPerMinute} joins a minute), gallery entries per student, poll options,
 * and the login throttle (failed logins per user name and per address, regained over the window).
 */
@ConfigurationProperties(prefix = "cnnlab.classroom")
public record ClassroomLimits(String instructorUsername, String instructorPassword, boolean instructorPasswordReset, int joinCodeLength,
                              int maxStudentsPerClass, int joinAttemptsPerMinute, int joinAttemptsPerClassPerMinute, int joinWrongCodeCost,
                              int maxGalleryPerStudent, int maxPollOptions, int loginFailuresPerUser, int loginFailuresPerAddress,
                              Duration loginFailureWindow) {

    public ClassroomLimits {
        if (instructorUsername == null || instructorUsername.isBlank()) instructorUsername = "profesor";
        if (instructorPassword == null) instructorPassword = "";
        if (joinCodeLength < 4 || joinCodeLength > 12) joinCodeLength = 6;
        if (maxStudentsPerClass <= 0) maxStudentsPerClass = 200;
        if (joinAttemptsPerMinute <= 0) joinAttemptsPerMinute = 120;
        if (joinAttemptsPerClassPerMinute <= 0) joinAttemptsPerClassPerMinute = 200;
        if (joinWrongCodeCost <= 0) joinWrongCodeCost = 5;
        if (maxGalleryPerStudent <= 0) maxGalleryPerStudent = 10;
        if (maxPollOptions <= 1) maxPollOptions = 8;
        if (loginFailuresPerUser <= 0) loginFailuresPerUser = 5;
        if (loginFailuresPerAddress <= 0) loginFailuresPerAddress = 20;
        if (loginFailureWindow == null || loginFailureWindow.isNegative() || loginFailureWindow.isZero()) loginFailureWindow = Duration.ofMinutes(5);
    }
}
