package org.cnnlab.base;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The one broadcaster of class events. In memory on one node: every subscriber (services first,
 * then pages, in the order they subscribed) hears every event of every class and picks its own.
 * With more than one app node, a relay (PostgreSQL NOTIFY, in the cluster package) also carries
 * each event published here to the other nodes, which {@link #deliver} it to their own subscribers.
 * <p>
 * An event published inside a database transaction goes out when that transaction commits, and not
 * at all if it rolls back: a page that hears "a poll opened" reads the poll, so it must be there.
 */
@Service
public class ClassEvents {
    private static final Logger LOG = LoggerFactory.getLogger(ClassEvents.class);
    private final List<Consumer<ClassEvent>> listeners = new CopyOnWriteArrayList<>();

    /** Run the returned action to stop listening (a page does so when it detaches). */
    public Runnable subscribe(Consumer<ClassEvent> listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    private volatile Consumer<ClassEvent> relay = event -> { };

    /**
     * To every node's students: first the relay, if any, takes the event to the other nodes (a few
     * milliseconds: they start while this node's own pages are updated), then this node's
     * subscribers hear it. Inside a transaction, both happen after the commit.
     */
    public void publish(ClassEvent event) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    publishNow(event);
                }
            });
        } else {
            publishNow(event);
        }
    }

    private void publishNow(ClassEvent event) {
        try {
            relay.accept(event);
        } catch (RuntimeException e) {
            LOG.warn("Could not relay {} to the other app nodes", event, e);
        }
        deliver(event);
    }

    /** Sets where published events also go (one relay per node); the relay must commit on its own. */
    public void relayTo(Consumer<ClassEvent> relay) {
        this.relay = relay;
    }

    /** To this node's subscribers only: an event from another node, or one that stays here. */
    public void deliver(ClassEvent event) {
        for (Consumer<ClassEvent> listener : listeners) {
            try {
                listener.accept(event);
            } catch (RuntimeException e) {
                LOG.warn("A class event listener failed on {}", event, e);   // one broken page never stops the others
            }
        }
    }

    public int listeners() {
        return listeners.size();
    }
}
