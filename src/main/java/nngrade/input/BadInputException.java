package nngrade.input;

import java.util.List;

/**
 * The one exception for input that cannot be used: a malformed problem, submission or option.
 * It carries every problem found, each with its place, so the user can fix them all at once.
 */
public final class BadInputException extends RuntimeException {
    private final List<InputError> errors;

    public BadInputException(List<InputError> errors) {
        super(errors.isEmpty() ? "bad input" : errors.get(0).oneLine());
        this.errors = List.copyOf(errors);
    }

    public BadInputException(InputError error) {
        this(List.of(error));
    }

    public List<InputError> errors() {
        return errors;
    }
}
