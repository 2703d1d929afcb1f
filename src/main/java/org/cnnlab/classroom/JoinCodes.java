package org.cnnlab.classroom;

import java.security.SecureRandom;
import java.util.Locale;

/** Short codes to project and type: no 0/O, 1/I/L, so a code read off a wall is typed right. */
final class JoinCodes {
    static final String ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    private JoinCodes() {
    }

    static String next(int length) {
        StringBuilder b = new StringBuilder(length);
        for (int i = 0; i < length; i++) b.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        return b.toString();
    }

    /** What a student typed, as a code: trimmed, upper case, spaces and dashes dropped. */
    static String normalise(String typed) {
        return typed == null ? "" : typed.strip().toUpperCase(Locale.ROOT).replace(" ", "").replace("-", "");
    }
}
