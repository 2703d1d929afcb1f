package org.cnnlab.base;

import java.util.Objects;
import java.util.UUID;

/** Who a piece of per-student state belongs to. Anonymous for now; the class server adds names. */
public record StudentId(String value) {
    public StudentId {
        Objects.requireNonNull(value, "value");
    }

    public static StudentId random() {
        return new StudentId(UUID.randomUUID().toString());
    }
}
