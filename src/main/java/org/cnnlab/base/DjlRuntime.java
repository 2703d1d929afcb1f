package org.cnnlab.base;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import jakarta.annotation.PreDestroy;
import org.springframework.stereotype.Component;

/**
 * The one owner of the long-lived DJL root manager (PyTorch engine, CPU). Services open a
 * sub-manager per request from {@link #newScope()} in try-with-resources, so native memory is
 * freed when the request ends; the root is closed when the application stops.
 * DJL is forced offline before the engine loads: nothing is ever downloaded at run time.
 */
@Component
public class DjlRuntime implements AutoCloseable {

    static {
        if (System.getProperty("ai.djl.offline") == null) {
            System.setProperty("ai.djl.offline", "true");
        }
        NativeMemory.keepFreedMemory();
    }

    private final NDManager root;

    public DjlRuntime() {
        this.root = NDManager.newBaseManager(Device.cpu(), "PyTorch");
    }

    public NDManager newScope() {
        return root.newSubManager();
    }

    public String engineDescription() {
        Engine engine = root.getEngine();
        return engine.getEngineName() + " " + engine.getVersion();
    }

    @PreDestroy
    @Override
    public void close() {
        root.close();
    }
}
