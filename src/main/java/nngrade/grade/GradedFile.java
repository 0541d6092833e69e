package nngrade.grade;

import java.nio.file.attribute.FileTime;

/**
 * One submission file after grading, before the class's rules are applied.
 *
 * @param index    the file's place among the sorted inputs
 * @param row      its gradebook row, as graded alone
 * @param fileId   the id its file name gives (names a duplicate's report)
 * @param claimed  the report name its reports were staged under while grading, or null when
 *                 they wait under the index (another file of the same name came first)
 * @param variant  the variant code the file carries, as written, or null
 */
public record GradedFile(int index, ClassRow row, FileTime modified, String fileId, String claimed, String variant) {
    public GradedFile(int index, ClassRow row, FileTime modified, String fileId, String claimed) {
        this(index, row, modified, fileId, claimed, null);
    }

    public GradedFile withRow(ClassRow newRow) {
        return new GradedFile(index, newRow, modified, fileId, claimed, variant);
    }
}
