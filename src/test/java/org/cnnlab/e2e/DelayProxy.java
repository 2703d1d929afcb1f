package org.cnnlab.e2e;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Arrays;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * A slow network on loopback: a TCP relay that holds every chunk of bytes, in each direction, for
 * half the round-trip time before passing it on, in order. Unlike Chrome's network emulation it
 * also delays WebSocket frames, which carry Vaadin's push and, with {@code @Push}'s default
 * transport, the page's own requests too.
 */
final class DelayProxy implements AutoCloseable {
    private final ServerSocket server;
    private final int targetPort;
    private final long oneWayNanos;

    private final InetAddress from;

    DelayProxy(int targetPort, long roundTripMillis) throws IOException {
        this(targetPort, roundTripMillis, null);
    }

    /**
     * A relay whose connections to the target come from {@code from} (e.g. 127.0.0.2: to the target,
     * a client on another address than the browser's 127.0.0.1); {@code null}: the system's choice.
     */
    DelayProxy(int targetPort, long roundTripMillis, InetAddress from) throws IOException {
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        this.targetPort = targetPort;
        this.oneWayNanos = roundTripMillis * 1_000_000 / 2;
        this.from = from;
        Thread.ofPlatform().daemon().name("delay-proxy").start(this::accept);
    }

    int port() {
        return server.getLocalPort();
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                Socket upstream = from == null ? new Socket(InetAddress.getLoopbackAddress(), targetPort)
                        : new Socket(InetAddress.getLoopbackAddress(), targetPort, from, 0);
                client.setTcpNoDelay(true);
                upstream.setTcpNoDelay(true);
                relay(client, upstream);
                relay(upstream, client);
            } catch (IOException e) {
                return;   // closed
            }
        }
    }

    private record Chunk(long due, byte[] bytes) {
    }

    /** One direction: a reader stamps each chunk with when it may leave, a writer waits until then. */
    private void relay(Socket from, Socket to) {
        BlockingQueue<Chunk> queue = new LinkedBlockingQueue<>();
        Thread.ofPlatform().daemon().start(() -> {
            byte[] buffer = new byte[64 * 1024];
            try (InputStream in = from.getInputStream()) {
                int n;
                while ((n = in.read(buffer)) > 0) queue.add(new Chunk(System.nanoTime() + oneWayNanos, Arrays.copyOf(buffer, n)));
            } catch (IOException ignored) {
                // the other side closed
            }
            queue.add(new Chunk(0, null));
        });
        Thread.ofPlatform().daemon().start(() -> {
            try (OutputStream out = to.getOutputStream()) {
                while (true) {
                    Chunk c = queue.take();
                    if (c.bytes() == null) break;
                    long wait = c.due() - System.nanoTime();
                    if (wait > 0) Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                    out.write(c.bytes());
                    out.flush();
                }
            } catch (IOException | InterruptedException ignored) {
                // closed
            } finally {
                try {
                    to.shutdownOutput();
                } catch (IOException ignored) {
                    // already closed
                }
            }
        });
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
