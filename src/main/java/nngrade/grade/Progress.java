package nngrade.grade;

/** Hears how far a class run is; the command line draws a bar from it, a service could answer a poll. */
@FunctionalInterface
public interface Progress {
    Progress NONE = (done, total) -> {
    };

    /** Called a few times a second from one thread, and once when grading is done ({@code done == total}). */
    void update(int done, int total);
}
