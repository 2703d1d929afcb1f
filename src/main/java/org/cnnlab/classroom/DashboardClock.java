package org.cnnlab.classroom;

import jakarta.annotation.PreDestroy;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.springframework.stereotype.Component;

/** One clock for every open dashboard: the queue and the server load are pushed every two seconds. */
@Component
public class DashboardClock {
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();
    private final ScheduledExecutorService clock = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "cnnlab-dashboard-clock");
        t.setDaemon(true);
        return t;
    });

    public DashboardClock() {
        clock.scheduleWithFixedDelay(() -> listeners.forEach(l -> {
            try {
                l.run();
            } catch (RuntimeException e) {
                // a closed page: it unsubscribes on detach
            }
        }), 2, 2, TimeUnit.SECONDS);
    }

    public Runnable subscribe(Runnable listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    @PreDestroy
    void stop() {
        clock.shutdownNow();
    }
}
