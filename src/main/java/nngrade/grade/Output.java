package nngrade.grade;

import java.util.Map;
import java.util.Optional;

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
     * Publishes the staged {@code reports/} folder and {@code artifacts} as one set: all of them
     * are written first, so a target that cannot be written fails the run before anything is
     * replaced; then the old set is switched for the new one, the gradebook last
     * ({@link OutputSwitch}).
     */
    void publish(Map<Artifact, String> artifacts);

    /**
     * An artifact as an earlier run published it, read before this run replaces it (a regrade
     * compares the previous gradebook with the new one): empty when there is none. A file that
     * cannot be read is a {@link nngrade.input.BadInputException} naming it.
     */
    Optional<PreviousFile> previous(Artifact artifact);

    /**
     * An earlier run's artifact.
     *
     * @param name where it is, as messages name it ({@code graded/gradebook.csv})
     * @param text its text, without a byte-order mark
     */
    record PreviousFile(String name, String text) {
    }

    /** Drops whatever is left of the staging area. */
    @Override
    void close();
}
