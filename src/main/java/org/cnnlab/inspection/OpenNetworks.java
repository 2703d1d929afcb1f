package org.cnnlab.inspection;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;

/**
 * Opened networks kept for the next request, so drawing on the pad does not rebuild the model (or
 * reload a TorchScript file) at every stroke. This is their one owner: it keeps at most
 * {@value #MAX}, least recently used first out, and closes one when it is out and no request is
 * using it any more. A request gets a lease; closing the lease gives the network back.
 */
@Component
public class OpenNetworks implements AutoCloseable {

    public static final int MAX = 6;

    private final Map<Object, Entry> entries = new LinkedHashMap<>(16, 0.75f, true);

    private static final class Entry {
        final OpenNetwork network;
        int users;
        boolean out;

        Entry(OpenNetwork network) {
            this.network = network;
        }
    }

    /** The network kept under {@code key}, opened by {@code opener} when there is none (outside the lock: loading takes a while). */
    public OpenNetwork acquire(Object key, Supplier<OpenNetwork> opener) {
        synchronized (this) {
            Entry e = entries.get(key);
            if (e != null) return lease(e);
        }
        OpenNetwork fresh = opener.get();
        synchronized (this) {
            Entry e = entries.get(key);
            if (e != null) {   // another request opened it meanwhile
                fresh.close();
                return lease(e);
            }
            e = new Entry(fresh);
            entries.put(key, e);
            for (Iterator<Entry> it = entries.values().iterator(); entries.size() > MAX && it.hasNext(); ) {
                Entry old = it.next();
                it.remove();
                old.out = true;
                if (old.users == 0) old.network.close();
            }
            return lease(e);
        }
    }

    /** How many networks are kept (for tests and the server's load figures). */
    public synchronized int size() {
        return entries.size();
    }

    private OpenNetwork lease(Entry e) {
        e.users++;
        return new Lease(e);
    }

    private synchronized void release(Entry e) {
        e.users--;
        if (e.out && e.users == 0) e.network.close();
    }

    @Override
    public synchronized void close() {
        for (Entry e : entries.values()) {
            e.out = true;
            if (e.users == 0) e.network.close();
        }
        entries.clear();
    }

    /** A request's use of a kept network: everything but close goes to it; close gives it back, once. */
    private final class Lease implements OpenNetwork {
        private final Entry entry;
        private boolean closed;

        Lease(Entry entry) {
            this.entry = entry;
        }

        @Override
        public NDManager scope() {
            return entry.network.scope();
        }

        @Override
        public NDArray logits(NDArray x) {
            return entry.network.logits(x);
        }

        @Override
        public boolean batchedGradients() {
            return entry.network.batchedGradients();
        }

        @Override
        public int depth() {
            return entry.network.depth();
        }

        @Override
        public NDArray layers(NDArray a, int from, int to) {
            return entry.network.layers(a, from, to);
        }

        @Override
        public Insides insides(NDArray x) {
            return entry.network.insides(x);
        }

        @Override
        public NDArray[] firstFilters(NDManager scope) {
            return entry.network.firstFilters(scope);
        }

        @Override
        public synchronized void close() {
            if (closed) return;
            closed = true;
            release(entry);
        }
    }
}
