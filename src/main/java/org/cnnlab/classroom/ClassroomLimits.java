package org.cnnlab.classroom;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The class server's settings (prefix {@code cnnlab.classroom}): the instructor account (no default
 * password: empty means a one-time password printed at first start), join-code length, students per
 * class, join attempts a network address may make per minute, gallery entries per student.
 */
@ConfigurationProperties(prefix = "cnnlab.classroom")
public record ClassroomLimits(String instructorUsername, String instructorPassword, int joinCodeLength,
                              int maxStudentsPerClass, int joinAttemptsPerMinute, int maxGalleryPerStudent,
                              int maxPollOptions) {

    public ClassroomLimits {
        if (instructorUsername == null || instructorUsername.isBlank()) instructorUsername = "profesor";
        if (instructorPassword == null) instructorPassword = "";
        if (joinCodeLength < 4 || joinCodeLength > 12) joinCodeLength = 6;
        if (maxStudentsPerClass <= 0) maxStudentsPerClass = 200;
        if (joinAttemptsPerMinute <= 0) joinAttemptsPerMinute = 20;
        if (maxGalleryPerStudent <= 0) maxGalleryPerStudent = 10;
        if (maxPollOptions <= 1) maxPollOptions = 8;
    }
}
