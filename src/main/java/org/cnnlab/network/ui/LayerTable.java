package org.cnnlab.network.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.function.SerializableBiConsumer;
import com.vaadin.flow.function.SerializableConsumer;
import java.util.Locale;
import org.cnnlab.base.ui.GlyphButton;
import org.cnnlab.base.ui.Numbers;
import org.cnnlab.network.DesignPrice;
import org.cnnlab.network.LayerReport;
import org.cnnlab.network.NetworkAnalysis;
import org.cnnlab.network.NetworkDesign;

/** One row per layer with its output shape and costs, a bar for its share of the parameters, and the totals. */
class LayerTable extends VerticalLayout {

    private final Grid<LayerReport> grid = new Grid<>();
    private final Paragraph totals = new Paragraph();
    private final Paragraph price = new Paragraph();
    private NetworkDesign design;

    LayerTable(SerializableBiConsumer<Integer, Integer> onMove, SerializableConsumer<Integer> onRemove,
               SerializableConsumer<Integer> onSelect) {
        setPadding(false);
        grid.setId("layer-table");
        grid.setAllRowsVisible(true);
        grid.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT,
                GridVariant.LUMO_COMPACT);
        grid.addColumn(r -> r.index() + 1).setHeader("#").setWidth("3em").setFlexGrow(0);
        grid.addComponentColumn(this::layerCell).setHeader(getTranslation("builder.col.layer")).setFlexGrow(3);
        grid.addColumn(r -> r.failed() ? "—" : r.output().toString()).setHeader(getTranslation("builder.col.output")).setFlexGrow(1).setAutoWidth(true);
        grid.addColumn(r -> Numbers.of(this).integer(r.trainable())).setHeader(getTranslation("builder.col.trainable")).setFlexGrow(1);
        grid.addColumn(r -> Numbers.of(this).integer(r.buffers())).setHeader(getTranslation("builder.col.buffers")).setFlexGrow(1);
        grid.addColumn(r -> Numbers.of(this).count(r.macs())).setHeader(getTranslation("builder.col.macs")).setFlexGrow(1);
        grid.addColumn(r -> Numbers.of(this).size(r.activationBytes())).setHeader(getTranslation("builder.col.memory")).setFlexGrow(1);
        grid.addColumn(this::trainingMemory).setHeader(getTranslation("builder.col.trainingMemory", DesignPrice.BATCH)).setFlexGrow(1);
        grid.addComponentColumn(this::shareBar).setHeader(getTranslation("builder.col.share")).setFlexGrow(1);
        grid.addComponentColumn(r -> actions(r.index(), onMove, onRemove)).setHeader("").setWidth("11em").setFlexGrow(0);
        grid.setPartNameGenerator(r -> r.failed() ? "layer-error" : null);
        grid.addItemClickListener(e -> onSelect.accept(e.getItem().index()));
        totals.setId("network-totals");
        price.setId("network-price");
        add(grid, totals, price);
    }

    void show(NetworkDesign next) {
        design = next;
        grid.setItems(next.analysis().layers());
        NetworkAnalysis a = next.analysis();
        Numbers numbers = Numbers.of(this);
        totals.setText(a.valid()
                ? getTranslation("builder.totals", numbers.integer(a.trainable()), numbers.integer(a.buffers()),
                        numbers.count(a.macs()), numbers.size(a.activationBytes()), a.output().toString(), a.layers().size())
                : getTranslation("builder.totals.invalid", a.layers().size()));
        DesignPrice p = next.price();
        price.setVisible(p != null);
        if (p == null) return;
        price.setText(p.fits()
                ? getTranslation("builder.price", p.batch(), numbers.size(p.totalBytes()), numbers.size(p.budgetBytes()), numbers.percent((double) p.totalBytes() / p.budgetBytes(), 1),
                        p.largestBatch(), p.secondsPerThousandImages())
                : getTranslation("builder.price.over", p.batch(), numbers.size(p.totalBytes()), numbers.size(p.budgetBytes()), (double) p.totalBytes() / p.budgetBytes(),
                        p.largestBatch()));
        price.getElement().setAttribute("theme", p.fits() ? "" : "over-budget");
    }

    private String trainingMemory(LayerReport r) {
        DesignPrice p = design == null ? null : design.price();
        if (p == null || r.failed()) return "—";
        return Numbers.of(this).size(p.layerBytes().get(r.index()));
    }

    private Div layerCell(LayerReport r) {
        Div cell = new Div(new Span(LayerLabels.describe(this, r.layer())));
        if (r.failed()) {
            Span problem = new Span(LayerLabels.problem(this, r));
            problem.addClassName("layer-problem");
            problem.setId("layer-problem-" + r.index());
            cell.add(problem);
        }
        return cell;
    }

    private Div shareBar(LayerReport r) {
        double share = design == null ? 0 : design.share(r);
        Div fill = new Div();
        fill.addClassName("share-fill");
        fill.getStyle().set("width", String.format(Locale.ROOT, "%.1f%%", share * 100));   // CSS: Locale.ROOT on purpose
        Div bar = new Div(fill);
        bar.addClassName("share-bar");
        bar.setTitle(Numbers.of(this).percent(share, 1));
        return bar;
    }

    private HorizontalLayout actions(int index, SerializableBiConsumer<Integer, Integer> onMove, SerializableConsumer<Integer> onRemove) {
        Button up = icon("↑", "builder.up", "layer-up-" + index, () -> onMove.accept(index, -1));
        Button down = icon("↓", "builder.down", "layer-down-" + index, () -> onMove.accept(index, 1));
        Button remove = icon("✕", "builder.remove", "layer-remove-" + index, () -> onRemove.accept(index));
        HorizontalLayout buttons = new HorizontalLayout(up, down, remove);
        buttons.setSpacing(false);
        return buttons;
    }

    private Button icon(String text, String labelKey, String id, Runnable action) {
        Button b = GlyphButton.of(text, getTranslation(labelKey), action);
        b.setId(id);
        return b;
    }

}
