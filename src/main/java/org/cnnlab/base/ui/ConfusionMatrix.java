package org.cnnlab.base.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.dom.Element;
import java.util.List;
import java.util.Locale;

/**
 * A confusion matrix a student can read: the class names on both axes (rows: the real class,
 * columns: the predicted one), each count on a sequential colour proportional to its share of its
 * row (so a rare class's mistakes show as clearly as a common one's), and the diagonal — the right
 * answers — outlined. Used by the training lesson and the classic-pipeline comparison.
 *
 * <p>Counts are {@code td} cells (k×k of them), every label a {@code th} with {@code scope}, so
 * screen readers and tests can tell them apart.
 */
public class ConfusionMatrix extends Div {

    /** The sequential colour scale: from near-white to the app's blue (Okabe–Ito #0072B2). */
    private static final int[] LOW = {0xf7, 0xfb, 0xff};
    private static final int[] HIGH = {0x00, 0x72, 0xb2};

    private final Element table = new Element("table");

    public ConfusionMatrix(String id) {
        setId(id);
        addClassName("confusion-matrix");
        getElement().appendChild(table);
    }

    /**
     * @param caption what the matrix counts (which images)
     * @param classes the class names as the student reads them, in the matrix's order
     * @param counts  counts[real][predicted]
     */
    public void show(String caption, List<String> classes, int[][] counts) {
        int k = counts.length;
        if (classes.size() != k) throw new IllegalArgumentException(classes.size() + " class names for a " + k + "×" + k + " matrix");
        table.removeAllChildren();
        table.appendChild(new Element("caption").setText(caption));
        Numbers numbers = Numbers.of(this);

        Element head = new Element("tr");
        head.appendChild(new Element("th").setAttribute("class", "corner").setAttribute("colspan", "2").setAttribute("rowspan", "2"));
        head.appendChild(new Element("th").setAttribute("class", "axis axis-predicted").setAttribute("colspan", String.valueOf(k))
                .setAttribute("scope", "colgroup").setText(getTranslation("confusion.predicted")));
        Element names = new Element("tr");
        for (String c : classes) names.appendChild(new Element("th").setAttribute("scope", "col").setAttribute("class", "class-predicted").setText(c));
        table.appendChild(head, names);

        for (int t = 0; t < k; t++) {
            Element row = new Element("tr");
            if (t == 0) {
                row.appendChild(new Element("th").setAttribute("class", "axis axis-real").setAttribute("rowspan", String.valueOf(k))
                        .setAttribute("scope", "rowgroup").setText(getTranslation("confusion.real")));
            }
            row.appendChild(new Element("th").setAttribute("scope", "row").setAttribute("class", "class-real").setText(classes.get(t)));
            long total = 0;
            for (int q = 0; q < k; q++) total += counts[t][q];
            for (int q = 0; q < k; q++) {
                double share = total == 0 ? 0 : (double) counts[t][q] / total;
                Element cell = new Element("td").setText(numbers.integer(counts[t][q]));
                cell.setAttribute("class", t == q ? "diagonal" : "off");
                cell.setAttribute("data-share", String.format(Locale.ROOT, "%.4f", share));   // for tests: Locale.ROOT on purpose
                cell.setAttribute("title", classes.get(t) + " → " + classes.get(q) + ": " + numbers.percent(share, 1));
                cell.getStyle().set("background-color", colour(share)).set("color", share > 0.55 ? "#fff" : "inherit");
                row.appendChild(cell);
            }
            table.appendChild(row);
        }
    }

    /** The sequential scale at {@code share} ∈ [0, 1], as CSS. */
    static String colour(double share) {
        double s = Math.max(0, Math.min(1, share));
        int r = (int) Math.round(LOW[0] + s * (HIGH[0] - LOW[0]));
        int g = (int) Math.round(LOW[1] + s * (HIGH[1] - LOW[1]));
        int b = (int) Math.round(LOW[2] + s * (HIGH[2] - LOW[2]));
        return String.format(Locale.ROOT, "rgb(%d, %d, %d)", r, g, b);   // CSS: Locale.ROOT on purpose
    }
}
