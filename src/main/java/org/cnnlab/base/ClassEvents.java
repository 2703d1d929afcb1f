package org.cnnlab.base;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * The one broadcaster of class events. In memory on one node: every subscriber (services first,
 * then pages, in the order they subscribed) hears every event of every class and picks its own.
 * With more than one app node, a relay (PostgreSQL NOTIFY, in the cluster package) also carries
 * each event published here to the other nodes, which {@link #deliver} it to their own subscribers.
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

    /** This node's students hear the event at once; then the relay, if any, takes it to the other nodes. */
    public void publish(ClassEvent event) {
        deliver(event);
        try {
            relay.accept(event);
        } catch (RuntimeException e) {
            LOG.warn("Could not relay {} to the other app nodes", event, e);
        }
    }

    /** Sets where published events also go (one relay per node). */
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
