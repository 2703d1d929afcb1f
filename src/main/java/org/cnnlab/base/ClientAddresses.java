package org.cnnlab.base;

import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;

/**
 * The network address each student's pages come from, as the servlet container resolved it: the
 * connection's own, or the client's that a trusted proxy forwarded
 * ({@code server.tomcat.remoteip.internal-proxies}). The pages record it (base.ui); the services that
 * cap anonymous students per address ({@link AnonymousLimits}) read it. In memory, per node: a
 * student's pages are all on one node. A student whose address is not known gets no per-address cap.
 */
@Service
public class ClientAddresses implements StudentState {
    private final Map<StudentId, String> addresses = StudentState.store(100_000);

    public void record(StudentId student, String address) {
        if (student != null && address != null && !address.isBlank()) addresses.put(student, address.strip());
    }

    public Optional<String> of(StudentId student) {
        return student == null ? Optional.empty() : Optional.ofNullable(addresses.get(student));
    }

    @Override
    public void forget(StudentId student) {
        addresses.remove(student);
    }
}
