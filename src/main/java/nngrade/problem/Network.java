package nngrade.problem;

import java.util.List;

/** The architecture of a problem: inputs, layers 1..L, loss, reduction and weight layout. */
public record Network(int inputs, List<Layer> layers, Loss loss, Reduction reduction, WeightLayout weightLayout) {

    public Network {
        layers = List.copyOf(layers);
    }

    public int depth() {
        return layers.size();
    }

    /** Layer l, 1-based as in the spec. */
    public Layer layer(int l) {
        return layers.get(l - 1);
    }

    public Layer output() {
        return layers.get(layers.size() - 1);
    }

    /** Units feeding layer l: the inputs for l = 1. */
    public int inputsOf(int l) {
        return l == 1 ? inputs : layer(l - 1).units();
    }

    /** {rows, cols} of Wl. */
    public int[] weightShape(int l) {
        return weightLayout.shape(inputsOf(l), layer(l).units());
    }

    /** {rows, cols} of a quantity for a batch of m samples. */
    public int[] shapeOf(Quantity q, int m) {
        return switch (q.kind()) {
            case Z, A, DZ, DA -> new int[] {m, layer(q.layer()).units()};
            case YHAT -> new int[] {m, output().units()};
            case LOSS -> new int[] {1, 1};
            case DW, W_NEXT, VW_NEXT, SW_NEXT, MW_NEXT -> weightShape(q.layer());
            case DB, B_NEXT, VB_NEXT, SB_NEXT, MB_NEXT -> new int[] {1, layer(q.layer()).units()};
            case NODE, D_NODE, NODE_NEXT -> new int[] {1, 1};
        };
    }
}
