package org.cnnlab.classroom.ui;

import static com.vaadin.flow.spring.security.VaadinSecurityConfigurer.vaadin;

import com.vaadin.flow.spring.security.RequestUtil;
import org.cnnlab.classroom.Instructors;
import org.cnnlab.classroom.LoginThrottle;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;

/**
 * Spring Security through Vaadin's configurer: every view says who may open it (students' lessons
 * {@code @AnonymousAllowed}, the instructor's {@code @RolesAllowed}); the instructor logs in on
 * {@link LoginView}. The instructor's pages ({@code /clase…}) are also closed at the HTTP level.
 * Actuator: health for everyone, everything else for the instructor.
 * <p>
 * CSRF: Vaadin's own requests carry Vaadin's token and are left to it; everything else, the login
 * form's POST included, needs Spring's token (Vaadin's configurer would exempt the login page: a
 * login CSRF, where a forged form logs a browser in). The login form sends it from the page's
 * {@code _csrf} meta tags. Failed logins are throttled ({@link LoginThrottleFilter}).
 */
@Configuration
@EnableWebSecurity
@ConditionalOnWebApplication   // not on a worker node, which serves no pages
public class SecurityConfiguration {

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http, RequestUtil requestUtil, LoginThrottle throttle) throws Exception {
        http.authorizeHttpRequests(auth -> auth
                .requestMatchers("/actuator/health", "/actuator/health/**").permitAll()
                .requestMatchers("/actuator/**").hasRole(Instructors.ROLE)
                .requestMatchers("/clase", "/clase/**").hasRole(Instructors.ROLE));
        http.csrf(csrf -> csrf.ignoringRequestMatchers(requestUtil::isFrameworkInternalRequest));
        http.addFilterBefore(new LoginThrottleFilter(throttle), UsernamePasswordAuthenticationFilter.class);
        // Everything else reaches Vaadin, whose navigation access control checks each view's annotation:
        // a mistyped address then gets the translated "not found" page instead of the instructor's login.
        http.with(vaadin(), vaadin -> vaadin.loginView(LoginView.class).enableCsrfConfiguration(false).anyRequest(url -> url.permitAll()));
        return http.build();
    }
}
