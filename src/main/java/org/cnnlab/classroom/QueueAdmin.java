package org.cnnlab.classroom;

import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import java.util.Map;
import org.cnnlab.training.ClassQueue;
import org.cnnlab.training.TrainingLimits;
import org.cnnlab.training.TrainingProgress;
import org.springframework.stereotype.Service;

/**
 * The training queue as the instructor sees and steers it (who trains what; cancel, hold), the
 * class's training limits, and the server's load. Every method needs the instructor role (Spring
 * method security), whichever page or thread calls it.
 */
@Service
@RolesAllowed(Instructors.ROLE)
public class QueueAdmin {
    private final MemberTable members;
    private final ClassQueue training;
    private final Presence presence;

    public QueueAdmin(MemberTable members, ClassQueue training, Presence presence) {
        this.members = members;
        this.training = training;
        this.presence = presence;
    }

    /** A job in the class queue with its student's nickname ("" for a student outside any class). */
    public record QueuedJob(long jobId, String nickname, String name, TrainingProgress.State state, int position, double seconds,
                            int epoch, int epochs, String where) {
    }

    public List<QueuedJob> queue() {
        Map<String, String> names = members.nicknames();
        return training.queue().stream().map(e -> new QueuedJob(e.jobId(), names.getOrDefault(e.student().value(), ""), e.name(), e.state(),
                e.position(), e.seconds(), e.epoch(), e.epochs(), e.where())).toList();
    }

    public void cancelJob(long jobId) {
        training.cancelAny(jobId);
    }

    public void cancelAllJobs() {
        training.cancelAll();
    }

    public void holdQueue(boolean hold) {
        training.holdQueue(hold);
    }

    public TrainingLimits trainingLimits() {
        return training.limits();
    }

    /** The class's training limits (see {@link ClassQueue#adjust}); returns the ones now in force. */
    public TrainingLimits setTrainingLimits(int jobsPerStudent, int maxEpochs, int maxSamples, long maxParameters, int maxWallSeconds) {
        return training.adjust(jobsPerStudent, maxEpochs, maxSamples, maxParameters, maxWallSeconds);
    }

    public ServerLoad load() {
        List<ClassQueue.QueueEntry> q = training.queue();
        int running = (int) q.stream().filter(e -> e.position() == 0).count();
        return ServerLoad.now(presence.studentsOnline(), running, q.size() - running, training.queueHeld());
    }
}
