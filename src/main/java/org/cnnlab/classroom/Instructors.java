package org.cnnlab.classroom;

import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Instant;
import org.cnnlab.base.InvalidInputException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;

/**
 * The instructor's account. There is no default password: it comes from configuration
 * ({@code cnnlab.classroom.instructor-password}, env {@code CNNLAB_INSTRUCTOR_PASSWORD}), or, when
 * none is set, a one-time password is printed once at the first start and must be replaced at the
 * first login. Only BCrypt hashes are stored.
 * <p>
 * Which wins: the configured password sets the account at start, until the instructor changes it on
 * the password page; from then on the page's password stays, whatever the configuration says (a
 * warning at start says it is ignored), until {@code cnnlab.classroom.instructor-password-reset=true}
 * (env {@code CNNLAB_INSTRUCTOR_PASSWORD_RESET}) makes the configured one replace it, e.g. when it was forgotten.
 */
@Service
public class Instructors implements UserDetailsService {
    public static final String ROLE = "INSTRUCTOR";
    public static final int MIN_PASSWORD = 10;
    private static final Logger LOG = LoggerFactory.getLogger(Instructors.class);
    private static final String ALPHABET = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    private final JdbcClient db;
    private final PasswordEncoder encoder;
    private final ClassroomLimits limits;
    private final SecureRandom random = new SecureRandom();

    public Instructors(JdbcClient db, PasswordEncoder encoder, ClassroomLimits limits) {
        this.db = db;
        this.encoder = encoder;
        this.limits = limits;
        ensureAccount();
    }

    private void ensureAccount() {
        String name = limits.instructorUsername();
        boolean exists = db.sql("select count(*) from instructor where username = ?").param(name).query(Integer.class).single() > 0;
        String configured = limits.instructorPassword();
        if (!configured.isEmpty()) {
            if (configured.length() < MIN_PASSWORD) {
                throw new IllegalStateException("cnnlab.classroom.instructor-password must have at least " + MIN_PASSWORD + " characters");
            }
            record Stored(String hash, Timestamp changedInApp) {
            }
            Stored stored = exists ? db.sql("select password_hash, password_changed_at from instructor where username = ?").param(name)
                    .query((rs, n) -> new Stored(rs.getString(1), rs.getTimestamp(2))).single() : null;
            if (stored != null && stored.changedInApp() != null && !limits.instructorPasswordReset()) {
                if (!encoder.matches(configured, stored.hash())) {
                    LOG.warn("The instructor password of '{}' was changed on the password page on {}: the configured one "
                            + "(cnnlab.classroom.instructor-password) is ignored. To set it anyway, start once with "
                            + "cnnlab.classroom.instructor-password-reset=true (CNNLAB_INSTRUCTOR_PASSWORD_RESET=true).", name, stored.changedInApp().toInstant());
                }
            } else if (stored == null || stored.changedInApp() != null || !encoder.matches(configured, stored.hash())) {
                if (stored != null && stored.changedInApp() != null) LOG.warn("The instructor password of '{}' is reset to the configured one", name);
                store(name, configured, false, exists);
            }
        } else if (!exists) {
            String oneTime = oneTimePassword();
            store(name, oneTime, true, false);
            LOG.warn("""

                    ================================================================
                     CNN Lab instructor account: {}
                     one-time password:          {}
                     (replace it at the first login; set cnnlab.classroom.instructor-password
                      or CNNLAB_INSTRUCTOR_PASSWORD to choose it instead)
                    ================================================================""", name, oneTime);
        }
    }

    /** From the configuration or a one-time password: it does not count as changed on the password page. */
    private void store(String name, String password, boolean mustChange, boolean exists) {
        String hash = encoder.encode(password);
        if (exists) {
            db.sql("update instructor set password_hash = ?, must_change = ?, password_changed_at = null where username = ?")
                    .params(hash, mustChange, name).update();
        } else {
            db.sql("insert into instructor (username, password_hash, must_change, created_at) values (?, ?, ?, ?)")
                    .params(name, hash, mustChange, Timestamp.from(Instant.now())).update();
        }
    }

    String oneTimePassword() {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < 16; i++) b.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        return b.toString();
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        return db.sql("select username, password_hash from instructor where username = ?").param(username)
                .query((rs, n) -> User.withUsername(rs.getString(1)).password(rs.getString(2)).roles(ROLE).build())
                .optional().orElseThrow(() -> new UsernameNotFoundException(username));
    }

    public boolean mustChangePassword(String username) {
        return db.sql("select must_change from instructor where username = ?").param(username).query(Boolean.class).optional().orElse(false);
    }

    /** Replaces the password after checking the current one; the new one must be long enough and different. */
    public void changePassword(String username, String current, String next, String repeated) {
        UserDetails user = loadUserByUsername(username);
        if (current == null || !encoder.matches(current, user.getPassword())) throw new InvalidInputException("class.password.wrong");
        if (next == null || next.length() < MIN_PASSWORD) throw new InvalidInputException("class.password.short", MIN_PASSWORD);
        if (!next.equals(repeated)) throw new InvalidInputException("class.password.mismatch");
        if (next.equals(current)) throw new InvalidInputException("class.password.same");
        db.sql("update instructor set password_hash = ?, must_change = false, password_changed_at = ? where username = ?")
                .params(encoder.encode(next), Timestamp.from(Instant.now()), username).update();
        LOG.info("The instructor password of '{}' was changed on the password page; it wins over the configured one from now on", username);
    }
}
