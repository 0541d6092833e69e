package nngrade.grade;

/** The files a class run publishes besides the reports, in the order they are put in place: the gradebook last. */
public enum Artifact {
    SUMMARY_JSON, SUMMARY_HTML, JUNIT_XML, GRADESCOPE, CHANGES, GRADEBOOK
}
