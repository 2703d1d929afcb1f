package org.cnnlab.classroom.ui;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.cnnlab.classroom.LoginThrottle;
import org.springframework.http.HttpMethod;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * In front of the login form's POST: while the user name or the address has spent its failures
 * ({@link LoginThrottle}), the login goes back to the form with how long to wait, and the password
 * is not checked. The address is the connection's, or the one a trusted proxy forwarded
 * ({@code server.tomcat.remoteip.internal-proxies}).
 */
class LoginThrottleFilter extends OncePerRequestFilter {
    private final LoginThrottle throttle;
    private final RequestMatcher login = PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.POST, "/login");

    LoginThrottleFilter(LoginThrottle throttle) {
        this.throttle = throttle;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain) throws ServletException, IOException {
        if (login.matches(request)) {
            String user = request.getParameter("username");
            long wait = throttle.secondsToWait(user, request.getRemoteAddr());
            if (wait > 0) {
                throttle.refused(user, request.getRemoteAddr(), wait);
                response.sendRedirect(request.getContextPath() + "/login?throttled=" + wait);
                return;
            }
        }
        chain.doFilter(request, response);
    }
}
