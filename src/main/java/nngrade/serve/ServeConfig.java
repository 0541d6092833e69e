package nngrade.serve;

import nngrade.report.Messages;
import nngrade.submission.Roster;
import nngrade.variant.ProblemSource;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * What a running {@link Server} needs, built by {@code cli.ServeCommand} or a test.
 *
 * @param problems   the problems served, each with its variants; their ids are the API's
 * @param roster     the class: only its students have tokens
 * @param tokens     the students' tokens of that roster
 * @param teacher    the teacher's token
 * @param store      where every check is kept; the server does not close it
 * @param bind       the address to listen on, such as 127.0.0.1
 * @param port       the port, 0 for any free one
 * @param deadline   after it checks are refused; the counted attempt is the last one at or before it
 * @param maxChecks  checks per student per problem per hour, when limited
 * @param lang       the language of the feedback
 * @param clock      the time of a check
 */
public record ServeConfig(List<ProblemSource> problems, Roster roster, Tokens tokens, TeacherToken teacher,
                          AttemptStore store, String bind, int port, Optional<Instant> deadline, OptionalInt maxChecks,
                          Messages.Lang lang, Clock clock) {

    public ServeConfig {
        problems = List.copyOf(problems);
        Objects.requireNonNull(roster, "roster");
        Objects.requireNonNull(tokens, "tokens");
        Objects.requireNonNull(teacher, "teacher");
        Objects.requireNonNull(store, "store");
        Objects.requireNonNull(bind, "bind");
        Objects.requireNonNull(deadline, "deadline");
        Objects.requireNonNull(maxChecks, "maxChecks");
        Objects.requireNonNull(lang, "lang");
        Objects.requireNonNull(clock, "clock");
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("a port is 0 to 65535, not " + port);
        }
    }
}
