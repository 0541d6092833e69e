package nngrade.problem;

import java.util.Arrays;
import java.util.function.DoubleUnaryOperator;

/**
 * An immutable dense matrix of doubles, stored row-major. Vectors are 1×n matrices and
 * scalars are 1×1, so every quantity of a problem has one representation.
 */
public final class Matrix {
    private final int rows;
    private final int cols;
    private final double[] data;

    private Matrix(int rows, int cols, double[] data) {
        this.rows = rows;
        this.cols = cols;
        this.data = data;
    }

    public static Matrix of(double[][] values) {
        int r = values.length;
        int c = r == 0 ? 0 : values[0].length;
        double[] d = new double[r * c];
        for (int i = 0; i < r; i++) {
            if (values[i].length != c) {
                throw new IllegalArgumentException("ragged rows");
            }
            System.arraycopy(values[i], 0, d, i * c, c);
        }
        return new Matrix(r, c, d);
    }

    public static Matrix row(double... values) {
        return new Matrix(1, values.length, values.clone());
    }

    public static Matrix scalar(double value) {
        return new Matrix(1, 1, new double[] {value});
    }

    public static Matrix zeros(int rows, int cols) {
        return new Matrix(rows, cols, new double[rows * cols]);
    }

    /** Wraps an array the caller gives up; used by builders inside this package and the solver. */
    public static Matrix wrap(int rows, int cols, double[] rowMajor) {
        if (rowMajor.length != rows * cols) {
            throw new IllegalArgumentException(rows + "×" + cols + " needs " + rows * cols + " values");
        }
        return new Matrix(rows, cols, rowMajor);
    }

    public int rows() {
        return rows;
    }

    public int cols() {
        return cols;
    }

    public int size() {
        return data.length;
    }

    public double get(int row, int col) {
        return data[row * cols + col];
    }

    /** Cell by row-major index. */
    public double at(int index) {
        return data[index];
    }

    public double[] rowValues(int row) {
        return Arrays.copyOfRange(data, row * cols, (row + 1) * cols);
    }

    public double[] toArray() {
        return data.clone();
    }

    public double[][] toArray2d() {
        double[][] out = new double[rows][];
        for (int i = 0; i < rows; i++) {
            out[i] = rowValues(i);
        }
        return out;
    }

    public boolean sameShape(Matrix other) {
        return rows == other.rows && cols == other.cols;
    }

    public String shape() {
        return rows + "×" + cols;
    }

    public Matrix transpose() {
        double[] t = new double[data.length];
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                t[j * rows + i] = data[i * cols + j];
            }
        }
        return new Matrix(cols, rows, t);
    }

    /** this · other. */
    public Matrix times(Matrix other) {
        if (cols != other.rows) {
            throw new IllegalArgumentException("cannot multiply " + shape() + " by " + other.shape());
        }
        int n = other.cols;
        double[] out = new double[rows * n];
        for (int i = 0; i < rows; i++) {
            for (int k = 0; k < cols; k++) {
                double a = data[i * cols + k];
                if (a == 0) {
                    continue;
                }
                int base = k * n;
                int target = i * n;
                for (int j = 0; j < n; j++) {
                    out[target + j] += a * other.data[base + j];
                }
            }
        }
        return new Matrix(rows, n, out);
    }

    /** this · otherᵀ, without building the transpose. */
    public Matrix timesTransposed(Matrix other) {
        if (cols != other.cols) {
            throw new IllegalArgumentException("cannot multiply " + shape() + " by the transpose of " + other.shape());
        }
        int n = other.rows;
        double[] out = new double[rows * n];
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < n; j++) {
                double s = 0;
                for (int k = 0; k < cols; k++) {
                    s += data[i * cols + k] * other.data[j * cols + k];
                }
                out[i * n + j] = s;
            }
        }
        return new Matrix(rows, n, out);
    }

    /** thisᵀ · other, without building the transpose. */
    public Matrix transposedTimes(Matrix other) {
        if (rows != other.rows) {
            throw new IllegalArgumentException("cannot multiply the transpose of " + shape() + " by " + other.shape());
        }
        int n = other.cols;
        double[] out = new double[cols * n];
        for (int k = 0; k < rows; k++) {
            for (int i = 0; i < cols; i++) {
                double a = data[k * cols + i];
                if (a == 0) {
                    continue;
                }
                for (int j = 0; j < n; j++) {
                    out[i * n + j] += a * other.data[k * n + j];
                }
            }
        }
        return new Matrix(cols, n, out);
    }

    /** Adds a 1×cols row to every row (the bias broadcast of Z = X·W + b). */
    public Matrix plusRow(Matrix row) {
        if (row.rows != 1 || row.cols != cols) {
            throw new IllegalArgumentException("cannot add " + row.shape() + " to every row of " + shape());
        }
        double[] out = data.clone();
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                out[i * cols + j] += row.data[j];
            }
        }
        return new Matrix(rows, cols, out);
    }

    public Matrix plus(Matrix other) {
        requireSameShape(other);
        double[] out = new double[data.length];
        for (int i = 0; i < data.length; i++) {
            out[i] = data[i] + other.data[i];
        }
        return new Matrix(rows, cols, out);
    }

    public Matrix minus(Matrix other) {
        requireSameShape(other);
        double[] out = new double[data.length];
        for (int i = 0; i < data.length; i++) {
            out[i] = data[i] - other.data[i];
        }
        return new Matrix(rows, cols, out);
    }

    /** Element-wise (Hadamard) product. */
    public Matrix hadamard(Matrix other) {
        requireSameShape(other);
        double[] out = new double[data.length];
        for (int i = 0; i < data.length; i++) {
            out[i] = data[i] * other.data[i];
        }
        return new Matrix(rows, cols, out);
    }

    public Matrix scale(double factor) {
        double[] out = new double[data.length];
        for (int i = 0; i < data.length; i++) {
            out[i] = data[i] * factor;
        }
        return new Matrix(rows, cols, out);
    }

    public Matrix map(DoubleUnaryOperator f) {
        double[] out = new double[data.length];
        for (int i = 0; i < data.length; i++) {
            out[i] = f.applyAsDouble(data[i]);
        }
        return new Matrix(rows, cols, out);
    }

    /** Σ over rows: the 1×cols row of column sums. */
    public Matrix columnSums() {
        double[] out = new double[cols];
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                out[j] += data[i * cols + j];
            }
        }
        return new Matrix(1, cols, out);
    }

    public double sum() {
        double s = 0;
        for (double v : data) {
            s += v;
        }
        return s;
    }

    /** Index of the first non-finite cell in row-major order, or −1. */
    public int firstNonFinite() {
        for (int i = 0; i < data.length; i++) {
            if (!Double.isFinite(data[i])) {
                return i;
            }
        }
        return -1;
    }

    private void requireSameShape(Matrix other) {
        if (!sameShape(other)) {
            throw new IllegalArgumentException("shapes differ: " + shape() + " and " + other.shape());
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Matrix m && rows == m.rows && cols == m.cols && Arrays.equals(data, m.data);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * rows + cols) + Arrays.hashCode(data);
    }

    @Override
    public String toString() {
        return Arrays.deepToString(toArray2d());
    }
}
