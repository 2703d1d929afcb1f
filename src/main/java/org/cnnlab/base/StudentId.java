package org.cnnlab.base;

import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;
import java.util.UUID;

/** Who a piece of per-student state belongs to. Anonymous for now; the class server adds names. */
public record StudentId(String value) implements Serializable {
    public StudentId {
        Objects.requireNonNull(value, "value");
    }

    /** A folder name for this student's files: a hash, never a path made of what a client sent. */
    public String folderName() {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public static StudentId random() {
        return new StudentId(UUID.randomUUID().toString());
    }
}
