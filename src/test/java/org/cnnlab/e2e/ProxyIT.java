package org.cnnlab.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.cnnlab.e2e.pages.ClassPages;
import org.cnnlab.e2e.pages.PlaygroundPage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/**
 * The remote-workshop set-up: Debian's nginx runs the repository's own {@code deploy/nginx/cnnlab.conf}
 * (only its ports, upstream and certificate paths substituted; a self-signed certificate made by
 * openssl) in front of the app, and Chromium reaches the app only through it, over HTTPS. Push runs
 * over a WebSocket through the proxy, the app builds its links from the forwarded scheme and host,
 * and the rejoin cookie is Secure.
 */
@TestPropertySource(properties = {"cnnlab.classroom.instructor-password=" + ProxyIT.PASSWORD,
        "cnnlab.classroom.join-attempts-per-minute=1000"})
class ProxyIT extends BrowserTest {
    static final String PASSWORD = "proxy-it-password";
    private Process nginx;
    private Path dir;
    private int httpsPort;

    @BeforeEach
    void startNginx() throws Exception {
        dir = Files.createTempDirectory("cnnlab-nginx");
        httpsPort = freePort();
        int httpPort = freePort();
        run("openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj", "/CN=localhost",
                "-keyout", dir.resolve("key.pem").toString(), "-out", dir.resolve("cert.pem").toString());
        String site = Files.readString(Path.of("deploy/nginx/cnnlab.conf"))
                .replace("server 127.0.0.1:8080;", "server 127.0.0.1:" + port + ";")
                .replace("listen 80;", "listen 127.0.0.1:" + httpPort + ";")
                .replace("listen 443 ssl http2;", "listen 127.0.0.1:" + httpsPort + " ssl http2;")
                .replace("/etc/letsencrypt/live/cnnlab.example.org/fullchain.pem", dir.resolve("cert.pem").toString())
                .replace("/etc/letsencrypt/live/cnnlab.example.org/privkey.pem", dir.resolve("key.pem").toString());
        assertThat(site).doesNotContain("8080").doesNotContain("letsencrypt").contains(":" + httpsPort + " ssl");
        Files.writeString(dir.resolve("cnnlab.conf"), site);
        Files.writeString(dir.resolve("nginx.conf"), """
                pid %1$s/nginx.pid;
                error_log %1$s/error.log;
                events {}
                http {
                    access_log off;
                    client_body_temp_path %1$s/body;
                    proxy_temp_path %1$s/proxy;
                    fastcgi_temp_path %1$s/fastcgi;
                    uwsgi_temp_path %1$s/uwsgi;
                    scgi_temp_path %1$s/scgi;
                    include %1$s/cnnlab.conf;
                }
                """.formatted(dir));
        String binary = System.getenv().getOrDefault("CNNLAB_NGINX", "/usr/sbin/nginx");
        nginx = new ProcessBuilder(binary, "-p", dir.toString(), "-c", dir.resolve("nginx.conf").toString(), "-g", "daemon off;")
                .redirectErrorStream(true).redirectOutput(dir.resolve("stdout.log").toFile()).start();
        for (int i = 0; i < 50 && !listening(httpsPort); i++) Thread.sleep(100);
        assertThat(listening(httpsPort)).as("nginx listens (see %s/error.log)", dir).isTrue();
    }

    @AfterEach
    void stopNginx() throws Exception {
        if (nginx != null) {
            nginx.destroy();
            nginx.waitFor(10, TimeUnit.SECONDS);
        }
    }

    @Override
    protected BrowserContext newContext() {
        return browser.newContext(new Browser.NewContextOptions().setViewportSize(1400, 1000).setIgnoreHTTPSErrors(true));
    }

    @Test
    void through_the_proxy_the_class_gets_https_links_a_secure_cookie_and_push_over_a_websocket() {
        String proxied = "https://127.0.0.1:" + httpsPort + "/";   // nginx listens on IPv4 loopback only
        ClassPages.Dashboard dashboard = new ClassPages.Dashboard(page).login(proxied, "profesor", PASSWORD);
        String code = dashboard.createSession("Taller " + UUID.randomUUID().toString().substring(0, 6));
        assertThat(page.locator("#join-panel").textContent()).contains(proxied + "unirse?codigo=" + code);   // forwarded scheme and host

        BrowserContext studentContext = newContext();
        try {
            Page studentPage = studentContext.newPage();
            List<String> sockets = new CopyOnWriteArrayList<>();
            studentPage.onWebSocket(ws -> sockets.add(ws.url()));
            new ClassPages.Student(studentPage).join(proxied, code, "Remota");
            assertThat(studentContext.cookies()).filteredOn(c -> c.name.equals("cnnlab-rejoin")).singleElement()
                    .matches(c -> c.secure && c.httpOnly, "Secure and HttpOnly");
            PlaygroundPage playground = new PlaygroundPage(studentPage).open(proxied);
            dashboard.choose("push-kernel-preset", spanish("preset.sobel_f1"));
            page.locator("#push-kernel").click();
            studentPage.waitForCondition(() -> "-2".equals(playground.kernelCell(1).inputValue()));
            assertThat(sockets).anyMatch(url -> url.startsWith("wss://127.0.0.1:" + httpsPort + "/") && url.contains("push"));
            screenshot(studentPage, "proxy-student-kernel-pushed");
        } finally {
            studentContext.close();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private static boolean listening(int port) {
        try (Socket s = new Socket("127.0.0.1", port)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static void run(String... command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor()).as(out).isZero();
    }
}
