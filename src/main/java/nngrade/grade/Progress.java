package nngrade.grade;

import java.util.List;

/**
 * Hears how a class run goes: the command line draws a bar from it and names the files it could
 * not grade; a service could answer a poll.
 */
public interface Progress {
    Progress NONE = (done, total) -> {
    };

    /** Called a few times a second from one thread, and once when grading is done ({@code done == total}). */
    void update(int done, int total);

    /**
     * Called once grading is done, before anything is published (so a run that then fails to
     * write still says which files were unreadable): the files that could not be graded, in file
     * order, each with why in its note. A duplicate among them still counts here.
     */
    default void invalidFiles(List<ClassRow> rows) {
    }

    /**
     * Called once the class's rules are applied, before anything is published: the rows the
     * teacher must look at before using their grades (a file claiming another student's place,
     * two files claiming one id), each with why in its note.
     */
    default void flaggedRows(List<ClassRow> rows) {
    }

    /**
     * Something the teacher should know that does not stop the run, one line naming its file
     * (an override whose student is not in the class, a previous gradebook that could not be
     * compared); called before anything is published.
     */
    default void warning(String line) {
    }
}
