package nngrade.grade;

import java.nio.file.attribute.FileTime;

/**
 * A hand-in to grade, and whose it is.
 *
 * @param source    how reports and the gradebook name it: the path, or {@code class.zip!/entry}
 * @param modified  when it was last changed (the newest of a student's files counts)
 * @param id        the student's id, as the layout gives it
 * @param layout    the layout that named it
 * @param note      what the layout says of the file ("late"), or why its id is only its file name
 * @param supported whether nngrade reads its format (JSON, CSV, XLSX); a PDF or a photo is still
 *                  its student's row, saying the format cannot be graded
 */
public record SubmissionFile(Location location, String source, FileTime modified, String id, Layout layout, String note,
                             boolean supported) implements Comparable<SubmissionFile> {
    @Override
    public int compareTo(SubmissionFile o) {
        return source.compareTo(o.source);
    }
}
