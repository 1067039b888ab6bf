package fr.recouvrement.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import org.camunda.bpm.webapp.impl.security.auth.Authentication;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Lets a person logged in to Tasklist or Cockpit read {@code /api} with that session: the letter a print-and-post
 * task links to opens in the browser without a second login. Reads only (GET, HEAD), so the session cannot be
 * ridden to change anything; writes keep HTTP Basic.
 */
class WebappSessionAuthenticationFilter extends OncePerRequestFilter {

    private static final String ENGINE = "default";

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        HttpSession session = request.getSession(false);
        boolean read = "GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod());
        if (read && session != null && request.getHeader("Authorization") == null) {
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
}
