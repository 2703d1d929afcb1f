package org.cnnlab.classroom.ui;

import static com.vaadin.flow.spring.security.VaadinSecurityConfigurer.vaadin;

import org.cnnlab.classroom.Instructors;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Spring Security through Vaadin's configurer: every view says who may open it (students' lessons
 * {@code @AnonymousAllowed}, the instructor's {@code @RolesAllowed}); the instructor logs in on
 * {@link LoginView}. The instructor's pages ({@code /clase…}) are also closed at the HTTP level.
 * Actuator: health for everyone, everything else for the instructor.
 */
@Configuration
@EnableWebSecurity
@org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication   // not on a worker node, which serves no pages
public class SecurityConfiguration {

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http) throws Exception {
        http.authorizeHttpRequests(auth -> auth
                .requestMatchers("/actuator/health", "/actuator/health/**").permitAll()
                .requestMatchers("/actuator/**").hasRole(Instructors.ROLE)
                .requestMatchers("/clase", "/clase/**").hasRole(Instructors.ROLE));
        // Everything else reaches Vaadin, whose navigation access control checks each view's annotation:
        // a mistyped address then gets the translated "not found" page instead of the instructor's login.
        http.with(vaadin(), vaadin -> vaadin.loginView(LoginView.class).anyRequest(url -> url.permitAll()));
        return http.build();
    }
}
