package org.cnnlab.base;

import java.io.Serializable;
import java.util.List;
import java.util.Set;

/**
 * Something the instructor did that every student of one class session must see at once (by push).
 * Events are plain data so that, with more than one app node, they can travel between nodes.
 */
public sealed interface ClassEvent extends Serializable {

    long classId();

    /** Pause on or off; while paused, students' inputs are frozen and the message is shown. */
    record Paused(long classId, boolean paused, String message) implements ClassEvent {
    }

    /** A kernel for everyone's convolution playground: k×k weights, row by row, and a bias. */
    record KernelPushed(long classId, List<StudentId> students, int size, List<Float> weights, float bias, String label)
            implements ClassEvent {
    }

    /**
     * Something else for everyone's page: an input image for the playground (a sample's id), a
     * network for the builder (a preset's name), or a data set for the training page (its id).
     */
    record Pushed(long classId, List<StudentId> students, What what, String value, String label) implements ClassEvent {
        public enum What { IMAGE, NETWORK, DATASET }
    }

    /** A poll opened (question and options) or closed ({@code options} empty). */
    record PollChanged(long classId, long pollId, String question, List<String> options, boolean open) implements ClassEvent {
    }

    /** Pacing: the lessons students may open ({@code null}: all). */
    record Paced(long classId, Set<Lesson> lessons) implements ClassEvent {
    }

    /** A student removed by the instructor, or renamed (their page updates or leaves the class). */
    record MemberChanged(long classId, StudentId student, String nickname, boolean removed) implements ClassEvent {
    }

    /** Something on the instructor's dashboard changed (a join, an answer, a gallery entry). */
    record DashboardChanged(long classId) implements ClassEvent {
    }
}
