package org.cnnlab.base;

import java.util.Objects;
import java.util.UUID;

/** Who a piece of per-student state belongs to. Anonymous for now; the class server adds names. */
public record StudentId(String value) implements java.io.Serializable {
    public StudentId {
        Objects.requireNonNull(value, "value");
    }

    /** A folder name for this student's files: a hash, never a path made of what a client sent. */
    public String folderName() {
        try {
            byte[] hash = java.security.MessageDigest.getInstance("SHA-256").digest(value.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return java.util.HexFormat.of().formatHex(hash, 0, 12);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public static StudentId random() {
        return new StudentId(UUID.randomUUID().toString());
    }
}
