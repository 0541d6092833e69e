package nngrade.serve;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What one check of a student's answers leaves in the store.
 *
 * @param student      the student's id
 * @param problem      the problem's id
 * @param variantCode  the code of the student's variant, "" for a problem without one
 * @param time         when it was checked, kept to the millisecond
 * @param submission   the bytes the student sent, exactly
 * @param contentType  their content type, such as application/json or text/csv
 * @param score        the points the check gave
 * @param maxScore     the points there were
 * @param reportJson   the check report as JSON, as the student was sent it
 * @param diagnoses    per asked quantity in the report's order, its diagnosis codes; quantities
 *                     without any are left out
 */
public record Check(String student, String problem, String variantCode, Instant time, byte[] submission,
                    String contentType, double score, double maxScore, String reportJson,
                    Map<String, List<String>> diagnoses) {

    public Check {
        Objects.requireNonNull(student, "student");
        Objects.requireNonNull(problem, "problem");
        Objects.requireNonNull(variantCode, "variantCode");
        time = time.truncatedTo(ChronoUnit.MILLIS);
        submission = submission.clone();
        Objects.requireNonNull(contentType, "contentType");
        Objects.requireNonNull(reportJson, "reportJson");
        if (!Double.isFinite(score) || !Double.isFinite(maxScore)) {
            throw new IllegalArgumentException("a score is a finite number, not " + score + " of " + maxScore);
        }
        Map<String, List<String>> d = new LinkedHashMap<>();
        diagnoses.forEach((q, codes) -> {
            if (!codes.isEmpty()) {
                d.put(q, List.copyOf(codes));
            }
        });
        diagnoses = Collections.unmodifiableMap(d);
    }

    @Override
    public byte[] submission() {
        return submission.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Check c && student.equals(c.student) && problem.equals(c.problem)
                && variantCode.equals(c.variantCode) && time.equals(c.time) && Arrays.equals(submission, c.submission)
                && contentType.equals(c.contentType) && Double.compare(score, c.score) == 0
                && Double.compare(maxScore, c.maxScore) == 0 && reportJson.equals(c.reportJson)
                && diagnoses.equals(c.diagnoses);
    }

    @Override
    public int hashCode() {
        return Objects.hash(student, problem, variantCode, time, Arrays.hashCode(submission), contentType, score, maxScore,
                reportJson, diagnoses);
    }

    @Override
    public String toString() {
        return "Check[" + student + ", " + problem + ", " + time + ", " + score + "/" + maxScore + ", "
                + submission.length + " bytes of " + contentType + "]";
    }
}
