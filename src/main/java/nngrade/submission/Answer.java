package nngrade.submission;

import nngrade.problem.Matrix;

import java.util.List;

/**
 * One quantity as a student handed it in.
 *
 * @param name     the name the student used ({@code dW} or {@code dW1}), for reports
 * @param value    the matrix read, or null when it could not be read
 * @param problems why it could not be read (empty when value is present)
 */
public record Answer(String name, Matrix value, List<String> problems) {
    /** Problems listed under one unreadable answer; the file's own list has them all (up to its cap). */
    static final int MAX_PROBLEMS = 10;

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

    /** Adds {@code problem} to an unreadable answer's list unless it is full; the last slot says there are more. */
    static void addProblem(List<String> problems, String problem) {
        if (problems.size() < MAX_PROBLEMS) {
            problems.add(problem);
        } else if (problems.size() == MAX_PROBLEMS) {
            problems.add("and more problems like these (only the first " + MAX_PROBLEMS + " are listed)");
        }
    }
}
