package org.cnnlab.convolution.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.function.SerializableFunction;
import java.util.ArrayList;
import java.util.List;
import org.cnnlab.base.InvalidInputException;
import org.cnnlab.base.ui.NumberGrid;
import org.cnnlab.base.ui.Numbers;
import org.cnnlab.convolution.FeatureMap;
import org.cnnlab.convolution.Playground;
import org.cnnlab.convolution.Walkthrough;
import org.cnnlab.imaging.PixelImage;

/**
 * Step by step on a small image (the lecture's 7×9 matrix): pick an output cell by click, hover,
 * arrow keys or the step buttons, and see its window, the k·k products and their sum.
 */
class WalkthroughPanel extends VerticalLayout {
    static final int MAX_SIDE = 24;

    private final NumberGrid inputGrid = new NumberGrid("walk-input", false);
    private final NumberGrid outputGrid = new NumberGrid("walk-output", true);
    private final Div terms = new Div();
    private final Paragraph sum = new Paragraph();
    private final SerializableFunction<int[], Walkthrough.Cell> explainer;
    private FeatureMap map;
    private int inputCols;

    WalkthroughPanel(SerializableFunction<int[], Walkthrough.Cell> explainer) {
        this.explainer = explainer;
        setPadding(false);
        Paragraph intro = new Paragraph(getTranslation("walk.intro"));
        intro.addClassName("help");
        terms.setId("walk-terms");
        terms.addClassName("terms");
        sum.setId("walk-sum");
        Button previous = new Button(getTranslation("walk.previous"), e -> step(-1));
        previous.setId("step-prev");
        Button next = new Button(getTranslation("walk.next"), e -> step(1));
        next.setId("step-next");
        outputGrid.addCellSelectedListener(e -> select(e.row(), e.col()));
        Div grids = new Div(inputGrid, outputGrid);
        grids.addClassName("map-row");
        add(new H3(getTranslation("walk.heading")), intro, grids, new HorizontalLayout(previous, next), sum, terms);
    }

    /** Shows the grids when the input is small enough to read as numbers; hides the panel otherwise. */
    void show(Playground p, PixelImage seen) {
        boolean small = seen.height() <= MAX_SIDE && seen.width() <= MAX_SIDE;
        setVisible(small);
        if (!small) {
            return;
        }
        map = p.result().maps().getFirst();
        inputCols = seen.width();
        int channel = Math.max(map.channel(), 0);
        inputGrid.show(getTranslation("walk.input"), seen.height(), seen.width(), seen.plane(channel), digits(seen.plane(channel)));
        outputGrid.show(getTranslation("walk.output"), map.height(), map.width(), map.values(), digits(map.values()));
        select(0, 0);
    }

    private void step(int delta) {
        if (map == null) return;
        int cells = map.height() * map.width();
        int current = Math.max(0, currentCell);
        int next = Math.floorMod(current + delta, cells);
        select(next / map.width(), next % map.width());
    }

    private int currentCell = -1;

    private void select(int row, int col) {
        currentCell = row * map.width() + col;
        outputGrid.select(currentCell);
        Walkthrough.Cell cell;
        try {
            cell = explainer.apply(new int[] {Math.max(map.channel(), 0), row, col});
        } catch (InvalidInputException staleGrid) {
            return; // a cell of a grid the state no longer has (e.g. changed in another tab): the next show() redraws it
        }
        List<Integer> window = new ArrayList<>();
        boolean summedChannels = cell.terms().stream().map(Walkthrough.Term::channel).distinct().count() > 1;
        terms.removeAll();
        for (Walkthrough.Term t : cell.terms()) {
            if (!t.padding()) {
                window.add(t.row() * inputCols + t.col());
            }
            // with several input channels (a conv layer) each term names its channel: f_R[u,v]·F_R[r,c]
            String c = summedChannels ? "_" + getTranslation("channel.letter." + t.channel()) : "";
            String pixel = t.padding() ? getTranslation("walk.padding") : "F" + c + "[" + t.row() + "," + t.col() + "]";
            Numbers numbers = Numbers.of(this);
            Span line = new Span("f" + c + "[" + t.u() + "," + t.v() + "]·" + pixel + " = " + ResultPanel.number(numbers, t.weight())
                    + " × " + ResultPanel.number(numbers, t.pixel()) + " = " + ResultPanel.number(numbers, t.product()));
            line.addClassName("term");
            terms.add(line);
        }
        inputGrid.highlight(window);
        sum.setText(getTranslation("walk.sum", row, col, cell.terms().size(), ResultPanel.number(Numbers.of(this), cell.bias()),
                ResultPanel.number(Numbers.of(this), cell.sum())));
    }

    private static int digits(float[] values) {
        for (float v : values) {
            if (v != Math.rint(v)) return 2;
        }
        return 0;
    }
}
