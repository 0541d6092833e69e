package nngrade.grade;

import java.nio.file.Path;
import java.nio.file.attribute.FileTime;

/**
 * A submission file to grade, and when it was last changed (the newest of a student's files
 * counts). The path stays the walk's own: text decoded from a file name need not name the
 * same file again (bytes that are not UTF-8, a C locale).
 */
public record SubmissionFile(Path file, FileTime modified) implements Comparable<SubmissionFile> {
    @Override
    public int compareTo(SubmissionFile o) {
        return file.compareTo(o.file);
    }
}
