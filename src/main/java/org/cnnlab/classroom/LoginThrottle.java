package org.cnnlab.classroom;

import io.github.bucket4j.TimeMeter;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/**
 * Failed instructor logins, counted per user name and per network address in token buckets
 * ({@link TokenBuckets}, Bucket4j): {@code login-failures-per-user} and {@code
 * login-failures-per-address} failures, regained gradually over {@code login-failure-window}. While
 * either is spent, a login is refused before the password is even checked (the login form says how
 * long to wait). Every failure is logged with the user name and the address. A user name is counted
 * whether or not the account exists, so the throttle tells nobody which names do.
 */
@Component
public class LoginThrottle {
    private static final Logger LOG = LoggerFactory.getLogger(LoginThrottle.class);
    private final TokenBuckets users;
    private final TokenBuckets addresses;

    public LoginThrottle(ClassroomLimits limits) {
        this.users = new TokenBuckets(limits.loginFailuresPerUser(), limits.loginFailureWindow(), TimeMeter.SYSTEM_NANOTIME);
        this.addresses = new TokenBuckets(limits.loginFailuresPerAddress(), limits.loginFailureWindow(), TimeMeter.SYSTEM_NANOTIME);
    }

    /** Seconds until this user name from this address may try a password again; 0: now. */
    public long secondsToWait(String username, String address) {
        return Math.max(users.secondsUntil(user(username), 1), addresses.secondsUntil(address(address), 1));
    }

    /** A wrong password (or an unknown user name) from this address. */
    public void failed(String username, String address) {
        users.of(user(username)).tryConsume(1);
        addresses.of(address(address)).tryConsume(1);
        LOG.warn("Instructor login failed for user '{}' from {}", printable(username), address(address));
    }

    /** A login refused unchecked because one of the buckets is spent. */
    public void refused(String username, String address, long seconds) {
        LOG.warn("Instructor login refused for user '{}' from {}: too many failures, {} s to wait", printable(username), address(address), seconds);
    }

    @EventListener
    void on(AuthenticationFailureBadCredentialsEvent event) {
        String address = event.getAuthentication().getDetails() instanceof WebAuthenticationDetails web ? web.getRemoteAddress() : null;
        failed(event.getAuthentication().getName(), address);
    }

    private static String user(String username) {
        return printable(username).toLowerCase(Locale.ROOT);
    }

    private static String address(String address) {
        return address == null || address.isBlank() ? "?" : address;
    }

    /** What a client typed, safe for one log line: no control characters, at most 64 of them. */
    private static String printable(String s) {
        String t = s == null ? "" : s.strip().replaceAll("\\p{Cntrl}", "?");
        return t.length() <= 64 ? t : t.substring(0, 64) + "…";
    }
}
