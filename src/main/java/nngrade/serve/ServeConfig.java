package nngrade.serve;

import nngrade.report.Messages;
import nngrade.submission.Roster;
import nngrade.variant.ProblemSource;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Consumer;

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
 * @param lang       the language of the feedback and the pages; when empty, each request's
 *                   Accept-Language chooses (English unless it prefers Romanian)
 * @param reveal     when students may see expected values
 * @param secureCookies whether cookies are marked Secure (the server is reached over https, behind a proxy)
 * @param clock      the time of a check
 * @param log        where the teacher is told of trouble the server works around (one line each; never a token)
 */
public record ServeConfig(List<ProblemSource> problems, Roster roster, Tokens tokens, TeacherToken teacher,
                          AttemptStore store, String bind, int port, Optional<Instant> deadline, OptionalInt maxChecks,
                          Optional<Messages.Lang> lang, Reveal reveal, boolean secureCookies, Clock clock,
                          Consumer<String> log) {

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
        Objects.requireNonNull(reveal, "reveal");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(log, "log");
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("a port is 0 to 65535, not " + port);
        }
    }

    /** A server whose log goes nowhere (the tests' servers, which look at their pages instead). */
    public ServeConfig(List<ProblemSource> problems, Roster roster, Tokens tokens, TeacherToken teacher,
                       AttemptStore store, String bind, int port, Optional<Instant> deadline, OptionalInt maxChecks,
                       Optional<Messages.Lang> lang, Reveal reveal, boolean secureCookies, Clock clock) {
        this(problems, roster, tokens, teacher, store, bind, port, deadline, maxChecks, lang, reveal, secureCookies, clock,
                line -> { });
    }

    /** A server in one language that never reveals expected values, over plain http. */
    public ServeConfig(List<ProblemSource> problems, Roster roster, Tokens tokens, TeacherToken teacher,
                       AttemptStore store, String bind, int port, Optional<Instant> deadline, OptionalInt maxChecks,
                       Messages.Lang lang, Clock clock) {
        this(problems, roster, tokens, teacher, store, bind, port, deadline, maxChecks, Optional.of(lang), Reveal.NEVER,
                false, clock);
    }

    /**
     * The language of an answer: the server's when it has one, else the one of ours the client's
     * Accept-Language prefers, else English.
     */
    public Messages.Lang langFor(String acceptLanguage) {
        if (lang.isPresent()) {
            return lang.get();
        }
        if (acceptLanguage == null || acceptLanguage.isBlank()) {
            return Messages.Lang.en;
        }
        try {
            String tag = Locale.lookupTag(Locale.LanguageRange.parse(acceptLanguage), List.of("en", "ro"));
            return "ro".equals(tag) ? Messages.Lang.ro : Messages.Lang.en;
        } catch (IllegalArgumentException e) { // a malformed header is not worth refusing a request for
            return Messages.Lang.en;
        }
    }
}
