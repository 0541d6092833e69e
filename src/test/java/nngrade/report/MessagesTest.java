package nngrade.report;

import nngrade.problem.Loss;
import nngrade.problem.Tolerance;
import nngrade.problem.WeightLayout;
import nngrade.report.Messages.Lang;
import nngrade.solve.Formulas;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Counted nouns in their CLDR plural form: Romanian one (1), few (0, 2–19, 101–119, any fraction)
 * and other ("de": 20–100, 120 …), English one and other.
 */
class MessagesTest {
    private static final Messages EN = new Messages(Lang.en);
    private static final Messages RO = new Messages(Lang.ro);

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "0     | 0 points    | 0 puncte",
        "1     | 1 point     | 1 punct",
        "2     | 2 points    | 2 puncte",
        "19    | 19 points   | 19 puncte",
        "20    | 20 points   | 20 de puncte",
        "21    | 21 points   | 21 de puncte",
        "100   | 100 points  | 100 de puncte",
        "101   | 101 points  | 101 puncte",
        "119   | 119 points  | 119 puncte",
        "120   | 120 points  | 120 de puncte",
        "0.5   | 0.5 points  | 0,5 puncte",
        "1.5   | 1.5 points  | 1,5 puncte",
        "1.004 | 1 point     | 1 punct",
        "2.999 | 3 points    | 3 puncte",
        "0.333 | 0.33 points | 0,33 puncte"})
    void pointsCarriedForward(double points, String english, String romanian) {
        assertEquals("Computed correctly from your own db1: 0 of " + english + ".",
                EN.get("carried", "db1", EN.points(0), EN.count(points)));
        assertEquals("Calculat corect din propriul tău db1: 0 din " + romanian + ".",
                RO.get("carried", "db1", RO.points(0), RO.count(points)));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "1   | 1 more wrong cell    | o celulă greșită     | 1 decimal    | o zecimală     | 1 significant figure    | o cifră semnificativă",
        "2   | 2 more wrong cells   | 2 celule greșite     | 2 decimals   | 2 zecimale     | 2 significant figures   | 2 cifre semnificative",
        "19  | 19 more wrong cells  | 19 celule greșite    | 19 decimals  | 19 zecimale    | 19 significant figures  | 19 cifre semnificative",
        "20  | 20 more wrong cells  | 20 de celule greșite | 20 decimals  | 20 de zecimale | 20 significant figures  | 20 de cifre semnificative",
        "21  | 21 more wrong cells  | 21 de celule greșite | 21 decimals  | 21 de zecimale | 21 significant figures  | 21 de cifre semnificative",
        "100 | 100 more wrong cells | 100 de celule greșite | 100 decimals | 100 de zecimale | 100 significant figures | 100 de cifre semnificative",
        "101 | 101 more wrong cells | 101 celule greșite   | 101 decimals | 101 zecimale   | 101 significant figures | 101 cifre semnificative",
        "119 | 119 more wrong cells | 119 celule greșite   | 119 decimals | 119 zecimale   | 119 significant figures | 119 cifre semnificative",
        "120 | 120 more wrong cells | 120 de celule greșite | 120 decimals | 120 de zecimale | 120 significant figures | 120 de cifre semnificative"})
    void cellsAndTolerances(int n, String cellsEn, String cellsRo, String decimalsEn, String decimalsRo, String figuresEn,
                            String figuresRo) {
        assertEquals("… and " + cellsEn, EN.get("more.cells", n));
        assertEquals("… și încă " + cellsRo, RO.get("more.cells", n));
        assertEquals(decimalsEn, EN.tolerance(new Tolerance.Decimals(n)));
        assertEquals(decimalsRo, RO.tolerance(new Tolerance.Decimals(n)));
        assertEquals(figuresEn, EN.tolerance(new Tolerance.SigFigs(n)));
        assertEquals(figuresRo, RO.tolerance(new Tolerance.SigFigs(n)));
    }

    @ParameterizedTest(name = "{0} of {1}")
    @CsvSource(delimiter = '|', value = {
        "1  | 1   | 1 | 1 answer right             | 1 răspuns corect",
        "1  | 2   | 2 | 2 answers right            | 2 răspunsuri corecte",
        "15 | 20  | 20 | 20 answers right          | 20 de răspunsuri corecte",
        "0  | 101 | 1.5 | 101 answers right        | 101 răspunsuri corecte"})
    void learningPlatformFeedback(int right, int asked, double max, String answersEn, String answersRo) {
        String en = EN.get("lms.feedback", EN.points(1), EN.points(10), right, asked, EN.points(0.5), EN.count(max));
        String ro = RO.get("lms.feedback", RO.points(1), RO.points(10), right, asked, RO.points(0.5), RO.count(max));
        assertEquals("Score 1 / 10 (0.5 / " + EN.points(max) + (max == 1 ? " point" : " points") + " in your report): " + right
                + " of " + answersEn + ". Your report shows what is right and what to fix.", en);
        String pointsRo = max == 20 ? " de puncte" : max == 1 ? " punct" : " puncte";
        assertEquals("Punctaj 1 / 10 (0,5 / " + RO.points(max) + pointsRo + " în raportul tău): " + right + " din " + answersRo
                + ". Raportul tău arată ce este corect și ce trebuie corectat.", ro);
    }

    @Test
    void formulaWordsComeFromTheBundle() {
        assertEquals(Formulas.Words.ENGLISH, EN.words());
        Formulas.Words ro = RO.words();
        assertEquals("cu", ro.with());
        assertEquals("dacă", ro.ifWord());
        assertEquals("altfel", ro.elseWord());
        assertEquals("unități × intrări", ro.shape(WeightLayout.OUT_IN));
        assertEquals("entropia încrucișată", ro.loss(Loss.CROSS_ENTROPY));
        assertEquals("entropia încrucișată binară", ro.loss(Loss.BINARY_CROSS_ENTROPY));
        assertEquals("0,05", ro.number(0.05));
        assertEquals("0.05", EN.words().number(0.05));
    }

    /** One parsed pattern per key, shared by the threads of a class run. */
    @Test
    void theSameKeyFromManyThreads() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<String>> results = new ArrayList<>();
            for (int i = 0; i < 2000; i++) {
                int n = i % 130;
                results.add(pool.submit(() -> n + ":" + RO.get("more.cells", n)));
            }
            for (int i = 0; i < results.size(); i++) {
                int n = i % 130;
                String form = n == 1 ? "o celulă greșită" : n == 0 || (n % 100 >= 1 && n % 100 <= 19) ? n + " celule greșite"
                        : n + " de celule greșite";
                assertEquals(n + ":… și încă " + form, results.get(i).get());
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
