package nngrade.variant;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import nngrade.input.BadInputException;
import nngrade.input.Excerpts;
import nngrade.input.InputError;
import nngrade.problem.Fields;
import nngrade.problem.Numbers;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/** A given matrix drawn at random: {@code {"random": "uniform", "min": -1, "max": 1, "step": 0.1, "shape": [3, 3]}}. */
public sealed interface Generator {

    int rows();

    int cols();

    /** One value per cell, row by row, from {@code random}. */
    double[][] draw(SplitMix64 random);

    /** The most values a stepped uniform generator may choose from. */
    BigDecimal MAX_STEPS = BigDecimal.TEN.pow(15);

    /** Values min, min + step, …, max (or any real in [min, max) without a step). */
    record Uniform(int rows, int cols, BigDecimal min, BigDecimal max, BigDecimal step) implements Generator {
        @Override
        public double[][] draw(SplitMix64 random) {
            double[][] out = new double[rows][cols];
            long count = step == null ? 0 : max.subtract(min).divide(step).longValueExact() + 1;
            for (int i = 0; i < rows; i++) {
                for (int j = 0; j < cols; j++) {
                    out[i][j] = step == null
                            ? min.doubleValue() + random.nextDouble() * (max.doubleValue() - min.doubleValue())
                            : min.add(step.multiply(BigDecimal.valueOf(random.nextInt(count)))).doubleValue();
                }
            }
            return out;
        }
    }

    /** Whole numbers from min to max, both included. */
    record Integers(int rows, int cols, long min, long max) implements Generator {
        @Override
        public double[][] draw(SplitMix64 random) {
            double[][] out = new double[rows][cols];
            for (int i = 0; i < rows; i++) {
                for (int j = 0; j < cols; j++) {
                    out[i][j] = min + random.nextInt(max - min + 1);
                }
            }
            return out;
        }
    }

    /** Each row all zeros but one 1, at a uniformly drawn column. */
    record OneHot(int rows, int cols) implements Generator {
        @Override
        public double[][] draw(SplitMix64 random) {
            double[][] out = new double[rows][cols];
            for (int i = 0; i < rows; i++) {
                out[i][(int) random.nextInt(cols)] = 1;
            }
            return out;
        }
    }

    /** The values drawn, as the JSON a literal given would hold. */
    static ArrayNode toJson(double[][] values) {
        ArrayNode rows = JsonNodeFactory.instance.arrayNode();
        for (double[] row : values) {
            ArrayNode r = rows.addArray();
            for (double v : row) {
                if (v == Math.rint(v) && Math.abs(v) < 1e15) {
                    r.add((long) v);
                } else {
                    r.add(v);
                }
            }
        }
        return rows;
    }

    List<String> KINDS = List.of("uniform", "integers", "one-hot");

    /** Reads a generator, reporting every problem with its field. */
    static Generator parse(String source, String path, JsonNode n) {
        List<InputError> errors = new ArrayList<>();
        String kind = n.path("random").asText();
        List<String> fields = switch (kind) {
            case "uniform" -> List.of("random", "min", "max", "step", "shape");
            case "integers" -> List.of("random", "min", "max", "shape");
            case "one-hot" -> List.of("random", "shape");
            default -> null;
        };
        if (fields == null) {
            throw new BadInputException(InputError.atField(source, path + ".random", Fields.unknownMessage("generator",
                    n.path("random").asText(), KINDS)));
        }
        for (String f : Fields.unknown(n, fields)) {
            errors.add(InputError.atField(source, path + "." + Excerpts.pathName(f), Fields.unknownMessage("field", f, fields)));
        }
        int[] shape = shape(source, path, n.get("shape"), errors);
        Generator g = null;
        switch (kind) {
            case "uniform" -> {
                BigDecimal min = decimal(source, path + ".min", n.get("min"), errors);
                BigDecimal max = decimal(source, path + ".max", n.get("max"), errors);
                BigDecimal step = n.has("step") ? decimal(source, path + ".step", n.get("step"), errors) : null;
                if (min != null && max != null && max.subtract(min).abs().compareTo(BigDecimal.valueOf(1e12)) > 0) {
                    errors.add(InputError.atField(source, path, path + ": max − min must be at most 1e12"));
                } else if (min != null && max != null && min.compareTo(max) > 0) {
                    errors.add(aboveMax(source, path, min, max));
                } else if (min != null && max != null && step != null) {
                    if (step.signum() <= 0) {
                        errors.add(InputError.atField(source, path + ".step", path + ".step must be positive"));
                    } else if (max.subtract(min).remainder(step).signum() != 0) {
                        errors.add(InputError.atField(source, path + ".step", "max − min (" + Excerpts.shown(max.subtract(min).toPlainString())
                                + ") is not a whole number of steps of " + Excerpts.shown(step.toPlainString())));
                    } else if (max.subtract(min).divide(step).compareTo(MAX_STEPS) > 0) {
                        // Beyond this a double tells the grid's values apart no better than no step at all.
                        errors.add(InputError.atField(source, path + ".step", "a step of " + Excerpts.shown(step.toString())
                                + " makes more than 10^15 values between min and max; take a larger step, or none"));
                    }
                }
                if (errors.isEmpty()) {
                    g = new Uniform(shape[0], shape[1], min, max, step);
                }
            }
            case "integers" -> {
                BigDecimal min = decimal(source, path + ".min", n.get("min"), errors);
                BigDecimal max = decimal(source, path + ".max", n.get("max"), errors);
                for (var e : new BigDecimal[] {min, max}) {
                    if (e != null && e.abs().compareTo(BigDecimal.valueOf(1_000_000_000_000L)) > 0) {
                        errors.add(InputError.atField(source, path, path + ": integers needs min and max within ±1e12"));
                    } else if (e != null && e.stripTrailingZeros().scale() > 0) {
                        errors.add(InputError.atField(source, path, path + ": integers needs whole min and max, found " + Excerpts.shown(e.toString())));
                    }
                }
                if (errors.isEmpty() && min.compareTo(max) > 0) {
                    errors.add(aboveMax(source, path, min, max));
                }
                if (errors.isEmpty()) {
                    g = new Integers(shape[0], shape[1], min.longValue(), max.longValue());
                }
            }
            default -> {
                if (errors.isEmpty() && shape[1] < 2) {
                    errors.add(InputError.atField(source, path + ".shape", "a one-hot row needs at least 2 columns"));
                }
                if (errors.isEmpty()) {
                    g = new OneHot(shape[0], shape[1]);
                }
            }
        }
        if (!errors.isEmpty()) {
            throw new BadInputException(errors);
        }
        return g;
    }

    private static InputError aboveMax(String source, String path, BigDecimal min, BigDecimal max) {
        return InputError.atField(source, path, path + ": min " + Excerpts.shown(min.toString()) + " is above max "
                + Excerpts.shown(max.toString()));
    }

    private static int[] shape(String source, String path, JsonNode n, List<InputError> errors) {
        if (n == null || !n.isArray() || n.size() != 2 || !n.get(0).canConvertToInt() || !n.get(1).canConvertToInt()
                || n.get(0).asInt() < 1 || n.get(1).asInt() < 1 || (long) n.get(0).asInt() * n.get(1).asInt() > 1_000_000) {
            errors.add(InputError.atField(source, path + ".shape", "expected [rows, columns] of whole numbers ≥ 1, found "
                    + (n == null ? "nothing" : Excerpts.shown(n.toString()))));
            return new int[] {1, 1};
        }
        return new int[] {n.get(0).asInt(), n.get(1).asInt()};
    }

    private static BigDecimal decimal(String source, String path, JsonNode n, List<InputError> errors) {
        if (n == null) {
            errors.add(InputError.atField(source, path, path + " is missing"));
            return null;
        }
        Numbers.Parsed p = n.isNumber() ? Numbers.finite(n.doubleValue(), n.asText())
                : n.isTextual() ? Numbers.parse(n.asText()) : new Numbers.NotANumber("expected a number, found " + Fields.describe(n));
        if (p instanceof Numbers.NotANumber bad) {
            errors.add(InputError.atField(source, path, bad.reason()));
            return null;
        }
        return n.isNumber() ? n.decimalValue() : BigDecimal.valueOf(((Numbers.Value) p).value());
    }
}
