package nngrade.submission;

import nngrade.input.InputError;
import nngrade.problem.Quantity;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A student's answers as read from one file.
 *
 * @param source  the file, as named on the command line
 * @param problem the problem id the file names, or null
 * @param student the student id the file names, or null
 * @param variant the variant code the file carries (as written, e.g. {@code "7k3m-q9xd"}), or null
 * @param answers the quantities found, in file order
 * @param errors  everything found wrong while reading, each with its place; a file with
 *                errors is still graded on what could be read
 */
public record Submission(String source, String problem, String student, String variant, Map<Quantity, Answer> answers,
                         List<InputError> errors) {

    public Submission {
        answers = Collections.unmodifiableMap(new LinkedHashMap<>(answers));
        errors = List.copyOf(errors);
    }

    /** A submission that carries no variant code. */
    public Submission(String source, String problem, String student, Map<Quantity, Answer> answers, List<InputError> errors) {
        this(source, problem, student, null, answers, errors);
    }

    public Submission withStudent(String id) {
        return new Submission(source, problem, id, variant, answers, errors);
    }
}
