package org.cnnlab.cluster;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.cnnlab.base.NodeSettings;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.ResponseCookie;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Stickiness for the reverse proxy: every response of an app node carries a cookie naming that
 * node (when the browser's says otherwise), and the proxy sends a request to the node its cookie
 * names (deploy/nginx/cnnlab-nodes.conf). A whole class behind one NAT address still spreads over
 * the nodes, which {@code ip_hash} would not do; when a node dies the proxy falls back to another,
 * whose next response moves the cookie there.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)   // before Spring Security, whose redirects need it too
@ConditionalOnExpression("'${cnnlab.node.role:single}'.equalsIgnoreCase('app')")
class NodeCookie extends OncePerRequestFilter {
    private final String name;
    private final String node;

    NodeCookie(NodeSettings settings) {
        this.name = settings.cookie();
        this.node = settings.name();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!node.equals(current(request))) {
            response.addHeader("Set-Cookie", ResponseCookie.from(name, node).path("/").httpOnly(true).sameSite("Lax")
                    .secure(request.isSecure()).build().toString());
        }
        chain.doFilter(request, response);
    }

    private String current(HttpServletRequest request) {
        if (request.getCookies() == null) return null;
        for (Cookie c : request.getCookies()) {
            if (c.getName().equals(name)) return c.getValue();
        }
        return null;
    }
}
