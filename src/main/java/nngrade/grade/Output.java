package nngrade.grade;

import java.util.Map;

/**
 * Where a class run's files go. While grading, reports and pieces are written to a staging
 * area under relative names ({@code reports/ana.html}, {@code 17.junit}); at the end the
 * staged {@code reports/} folder and the artifacts are published together: every file is
 * complete before it is renamed into place, and a file that cannot be written fails the run
 * before anything is replaced. A file that cannot be written is a
 * {@link nngrade.input.BadInputException} naming it.
 */
public interface Output extends AutoCloseable {

    /** Writes a staged file. Called from one thread at a time. */
    void stage(String name, String text);

    /** Renames a staged file (it exists; {@code to} does not). */
    void restage(String from, String to);

    /** Reads a staged file back. */
    String staged(String name);

    /**
     * Publishes the staged {@code reports/} folder and {@code artifacts}: each artifact is
     * written beside its target first, so a target that cannot be written fails the run before
     * anything is replaced; then the reports folder, then the artifacts in {@link Artifact}
     * order.
     */
    void publish(Map<Artifact, String> artifacts);

    /** Drops whatever is left of the staging area. */
    @Override
    void close();
}
