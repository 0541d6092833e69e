package nngrade.grade;

/**
 * The files a class run publishes besides the reports, in the order they are put in place: the
 * gradebook last. {@code MOODLE_GRADES} and {@code CANVAS_GRADES} are a platform's export with the
 * grades filled in ({@link LmsUpload}), when the roster is one.
 */
public enum Artifact {
    SUMMARY_JSON, SUMMARY_HTML, JUNIT_XML, GRADESCOPE, MOODLE_GRADES, CANVAS_GRADES, CHANGES, GRADEBOOK
}
