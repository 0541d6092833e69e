package nngrade.submission;

import java.util.List;

import nngrade.problem.Matrix;

/**
 * One quantity as a student handed it in.
 *
 * @param name     the name the student used ({@code dW} or {@code dW1}), for reports
 * @param value    the matrix read, or null when it could not be read
 * @param problems why it could not be read (empty when value is present)
 */
public record Answer(String name, Matrix value, List<String> problems) {

    public Answer {
        problems = List.copyOf(problems);
    }

    public static Answer readable(String name, Matrix value) {
        return new Answer(name, value, List.of());
    }

    public static Answer unreadable(String name, List<String> problems) {
        return new Answer(name, null, problems);
    }

    public boolean isReadable() {
        return value != null;
    }
}
