package org.cnnlab.classroom;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

/** Passwords are BCrypt hashes; instructor-only service methods are checked by method security (@RolesAllowed). */
@Configuration
@EnableMethodSecurity(jsr250Enabled = true)
public class ClassroomConfiguration {

    @Bean
    PasswordEncoder passwordEncoder() {
        return new BCryptPasswordEncoder();
    }
}
