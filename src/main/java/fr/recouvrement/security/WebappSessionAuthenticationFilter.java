package fr.recouvrement.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Set;
import org.camunda.bpm.webapp.impl.security.auth.Authentication;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.camunda.bpm.webapp.impl.security.filter.util.CsrfConstants;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Lets a person logged in to Tasklist or Cockpit read {@code /api} with that session: the letter a print-and-post
 * task links to opens in the browser without a second login. Reads (GET, HEAD) only, so the session cannot be ridden
 * to change anything; writes keep HTTP Basic. The one exception is a request that changes nothing either, Cockpit's
 * scenario preview, and only with the session's anti-CSRF token in its {@code X-XSRF-TOKEN} header, as Camunda's own
 * webapp calls carry it: a page of another site cannot read that token.
 */
class WebappSessionAuthenticationFilter extends OncePerRequestFilter {

    private static final String ENGINE = "default";
    private static final Set<String> SESSION_POSTS = Set.of("/api/scenario/preview");

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        HttpSession session = request.getSession(false);
        boolean read = "GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod());
        if (session != null && request.getHeader("Authorization") == null && (read || tokenPost(request, session))) {
            Authentications authentications = AuthenticationUtil.getAuthsFromSession(session);
            Authentication user = authentications == null ? null
                    : authentications.getAuthenticationForProcessEngine(ENGINE);
            if (user instanceof UserAuthentication webappUser) {
                SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                        webappUser.getName(), null,
                        webappUser.getGroupIds().stream().map(SimpleGrantedAuthority::new).toList()));
            }
        }
        chain.doFilter(request, response);
    }

    private static boolean tokenPost(HttpServletRequest request, HttpSession session) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        Object expected = session.getAttribute(CsrfConstants.CSRF_TOKEN_SESSION_ATTR_NAME);
        String given = request.getHeader(CsrfConstants.CSRF_TOKEN_HEADER_NAME);
        return "POST".equals(request.getMethod()) && SESSION_POSTS.contains(path) && expected instanceof String token
                && given != null && MessageDigest.isEqual(token.getBytes(StandardCharsets.UTF_8),
                        given.getBytes(StandardCharsets.UTF_8));
    }
}
