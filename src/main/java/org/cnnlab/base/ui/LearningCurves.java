package org.cnnlab.base.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Tag;
import com.vaadin.flow.component.dependency.JsModule;
import com.vaadin.flow.component.dependency.NpmPackage;
import java.util.List;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** Java twin of {@code frontend/learning-curves.ts}: the one line chart every lesson uses (Chart.js). */
@Tag("learning-curves")
@JsModule("./learning-curves.ts")
@NpmPackage(value = "chart.js", version = "4.6.1")
public class LearningCurves extends Component {

    /** Okabe–Ito colours: distinguishable with the common colour-vision deficiencies. */
    public static final List<String> COLOURS = List.of("#0072B2", "#E69F00", "#009E73", "#D55E00", "#CC79A7", "#56B4E9");

    /** How a series is drawn. */
    public enum Style { LINE, DASHED, DOTS }

    /** One line (or a cloud of dots): points as {x, y} pairs. */
    public record Series(String label, String colour, List<double[]> points, Style style) {
        public Series(String label, String colour, List<double[]> points, boolean dashed) {
            this(label, colour, points, dashed ? Style.DASHED : Style.LINE);
        }
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();

    public LearningCurves(String id) {
        setId(id);
    }

    public void show(String xLabel, String yLabel, List<Series> series) {
        show(xLabel, yLabel, series, false);
    }

    /** @param logY a logarithmic y axis (losses over many orders of magnitude); non-positive values are left out */
    public void show(String xLabel, String yLabel, List<Series> series, boolean logY) {
        ObjectNode root = JSON.createObjectNode();
        getElement().setProperty("locale", Numbers.of(this).locale().toLanguageTag());
        root.put("xLabel", xLabel);
        root.put("yLabel", yLabel);
        root.put("logY", logY);
        ArrayNode lines = root.putArray("series");
        for (Series s : series) {
            ObjectNode line = lines.addObject();
            line.put("label", s.label());
            line.put("color", s.colour());
            line.put("dashed", s.style() == Style.DASHED);
            line.put("dots", s.style() == Style.DOTS);
            ArrayNode points = line.putArray("points");
            for (double[] p : s.points()) {
                if (Double.isFinite(p[1]) && (!logY || p[1] > 0)) points.addArray().add(p[0]).add(p[1]);
            }
        }
        getElement().setProperty("curves", JSON.writeValueAsString(root));
    }
}
