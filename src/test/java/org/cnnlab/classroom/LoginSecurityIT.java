package org.cnnlab.classroom;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.InetAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * The instructor's login over real HTTP, as a script would try it: the form's POST needs its CSRF
 * token; wrong passwords are throttled per user name and per network address, each failure is
 * logged; and the address is the one the connection comes from, whatever X-Forwarded-For a client
 * sends, unless the connection comes from a trusted proxy (loopback: nginx on the same machine).
 * Untrusted clients connect from 127.0.0.2, which is loopback to the kernel but not a trusted proxy.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"vaadin.productionMode=true", "cnnlab.classroom.instructor-password=" + LoginSecurityIT.PASSWORD})
@ExtendWith(OutputCaptureExtension.class)
class LoginSecurityIT {
    static final String PASSWORD = "login-security-it-password";
    private static final Pattern META = Pattern.compile("<meta\\s+name=\"(_csrf(?:_parameter)?)\"\\s+content=\"([^\"]*)\"");

    @LocalServerPort int port;
    @Autowired JdbcClient db;
    @Autowired PasswordEncoder encoder;

    /** A browser-like client (its own cookies, no redirects followed), connecting from {@code local}. */
    private record Client(HttpClient http, String csrfParameter, String csrfToken) {
    }

    private Client client(String local, String forwardedFor) throws Exception {
        HttpClient http = HttpClient.newBuilder().localAddress(InetAddress.getByName(local)).cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        HttpResponse<String> page = http.send(request("/login", forwardedFor).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).isEqualTo(200);
        String parameter = null;
        String token = null;
        for (Matcher m = META.matcher(page.body()); m.find(); ) {
            if (m.group(1).equals("_csrf")) token = m.group(2);
            else parameter = m.group(2);
        }
        return new Client(http, parameter, token);
    }

    private HttpRequest.Builder request(String path, String forwardedFor) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
        if (forwardedFor != null) b.header("X-Forwarded-For", forwardedFor);
        return b;
    }

    private HttpResponse<String> login(Client c, String user, String password, String forwardedFor, boolean withToken) throws Exception {
        String form = "username=" + URLEncoder.encode(user, StandardCharsets.UTF_8) + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8);
        if (withToken) {
            assertThat(c.csrfToken()).as("the login page carries its CSRF token").isNotBlank();
            form += "&" + c.csrfParameter() + "=" + URLEncoder.encode(c.csrfToken(), StandardCharsets.UTF_8);
        }
        return c.http().send(request("/login", forwardedFor).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private boolean loggedIn(Client c) throws Exception {
        return c.http().send(request("/clase", null).build(), HttpResponse.BodyHandlers.ofString()).statusCode() == 200;
    }

    private static String location(HttpResponse<?> r) {
        return r.headers().firstValue("Location").orElse("");
    }

    /** A second instructor account of this test's own, so throttling it locks nobody else out. */
    private String account(String password) {
        String name = "it-" + UUID.randomUUID().toString().substring(0, 8);
        db.sql("insert into instructor (username, password_hash, must_change, created_at) values (?, ?, false, ?)")
                .params(name, encoder.encode(password), Timestamp.from(Instant.now())).update();
        return name;
    }

    @Test
    void a_login_post_without_its_csrf_token_is_refused() throws Exception {
        Client c = client("127.0.0.1", "198.51.100.1");
        HttpResponse<String> forged = login(c, "profesor", PASSWORD, "198.51.100.1", false);
        assertThat(forged.statusCode()).as("refused, not redirected to the dashboard (%s)", location(forged)).isEqualTo(403);
        assertThat(loggedIn(c)).isFalse();
        HttpResponse<String> real = login(c, "profesor", PASSWORD, "198.51.100.1", true);
        assertThat(real.statusCode()).isEqualTo(302);
        assertThat(location(real)).doesNotContain("error");
        assertThat(loggedIn(c)).isTrue();
    }

    @Test
    void wrong_passwords_for_one_user_name_are_throttled_from_any_address_and_each_failure_is_logged(CapturedOutput output) throws Exception {
        String name = account("the-right-password-1");
        Client c = client("127.0.0.1", null);
        for (int i = 0; i < 5; i++) {   // cnnlab.classroom.login-failures-per-user
            HttpResponse<String> r = login(c, name, "wrong-" + i, "198.51.100." + (10 + i), true);   // each from another address (trusted proxy)
            assertThat(location(r)).as("attempt %d", i).contains("error").doesNotContain("throttled");
        }
        HttpResponse<String> throttled = login(c, name, "wrong-again", "198.51.100.20", true);
        assertThat(location(throttled)).containsPattern("throttled=\\d+");
        HttpResponse<String> right = login(c, name, "the-right-password-1", "198.51.100.21", true);
        assertThat(location(right)).as("even the right password waits").containsPattern("throttled=\\d+");
        assertThat(loggedIn(c)).isFalse();
        assertThat(output.getAll().lines().filter(l -> l.contains("Instructor login failed") && l.contains("'" + name + "'")).count()).isEqualTo(5);
        assertThat(output.getAll()).contains("'" + name + "' from 198.51.100.10");
        // another instructor account is not held up
        String other = account("the-other-password-2");
        assertThat(location(login(c, other, "the-other-password-2", "198.51.100.22", true))).doesNotContain("error").doesNotContain("throttled");
    }

    @Test
    void wrong_passwords_from_one_address_are_throttled_whatever_x_forwarded_for_it_sends() throws Exception {
        Client untrusted = client("127.0.0.2", "203.0.113.250");
        int allowed = 0;
        String last = "";
        for (int i = 0; i < 30; i++) {   // a new user name each time: only the address can tie them together
            last = location(login(untrusted, "nobody-" + i + "-" + UUID.randomUUID(), "wrong", "203.0.113." + i, true));
            if (!last.contains("throttled")) allowed++;
        }
        assertThat(allowed).as("cnnlab.classroom.login-failures-per-address for 127.0.0.2, not one each per spoofed address").isEqualTo(20);
        assertThat(last).containsPattern("throttled=\\d+");
        // through the trusted proxy (loopback), the forwarded address is the client's: another client is not held up
        Client proxied = client("127.0.0.1", "198.51.100.99");
        assertThat(location(login(proxied, "nobody-" + UUID.randomUUID(), "wrong", "198.51.100.99", true))).contains("error").doesNotContain("throttled");
    }
}
