package nngrade.cli;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * grade's {@code --jobs}: 0 for one grader per core, else that many, capped at {@link #PER_CORE} per
 * core. Grading is all computation, so more threads than cores only wait; capped rather than refused,
 * so that a CI script written for a large runner still runs on a small one. A thread is a
 * megabyte of stack: {@code --jobs 100000} was an OutOfMemoryError, not a faster grade.
 */
final class Jobs implements ITypeConverter<Integer> {
    static final int PER_CORE = 4;

    @Override
    public Integer convert(String value) {
        String digits = value.strip();
        if (!digits.matches("[0-9]+")) {
            throw new TypeConversionException("expected 0 (one grader per core) or a number of graders, found '"
                    + nngrade.input.Excerpts.escaped(nngrade.input.Excerpts.shown(value)) + "'");
        }
        String significant = digits.replaceFirst("^0+(?=.)", "");
        int n = significant.length() > 9 ? Integer.MAX_VALUE : Integer.parseInt(significant); // a huge number is capped too
        return capped(n, Runtime.getRuntime().availableProcessors());
    }

    static int capped(int jobs, int cores) {
        return (int) Math.min(jobs, (long) PER_CORE * cores);
    }
}
