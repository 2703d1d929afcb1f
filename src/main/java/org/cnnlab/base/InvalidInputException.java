package org.cnnlab.base;

import java.util.Arrays;

/**
 * Something a student gave us that we refuse, with an i18n message key (see
 * {@code i18n/messages*.properties}) and its arguments, so every layer can report it
 * in the student's language without a stack trace.
 */
public class InvalidInputException extends RuntimeException {
    private final String messageKey;
    private final transient Object[] args;

    public InvalidInputException(String messageKey, Object... args) {
        super(messageKey + Arrays.toString(args));
        this.messageKey = messageKey;
        this.args = args.clone();
    }

    public InvalidInputException(Throwable cause, String messageKey, Object... args) {
        this(messageKey, args);
        initCause(cause);
    }

    public String messageKey() {
        return messageKey;
    }

    public Object[] args() {
        return args.clone();
    }
}
