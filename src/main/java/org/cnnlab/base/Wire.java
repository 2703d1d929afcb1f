package org.cnnlab.base;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputFilter;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;

/**
 * The one format in which nodes of one deployment hand each other plain data through PostgreSQL
 * (class events, training requests and progress): Java serialization of our records, read back
 * through a filter that admits only this application's classes, the JDK's collections and boxed
 * values and arrays of them. Every node runs the same jar, so both ends agree on the classes.
 */
public final class Wire {
    private static final ObjectInputFilter FILTER = ObjectInputFilter.Config.createFilter(
            "maxdepth=20;maxrefs=1000000;maxbytes=268435456;org.cnnlab.**;java.lang.*;java.util.*;java.time.*;!*");

    private Wire() {
    }

    public static byte[] write(Serializable value) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    public static <T> T read(byte[] bytes, Class<T> type) {
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes))) {
            in.setObjectInputFilter(FILTER);
            return type.cast(in.readObject());
        } catch (IOException | ClassNotFoundException e) {
            throw new IllegalArgumentException("not a " + type.getSimpleName() + " written by this version of CNN Lab", e);
        }
    }
}
