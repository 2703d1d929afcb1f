package org.cnnlab.inspection.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.Span;
import java.util.Locale;
import java.util.function.Consumer;
import org.cnnlab.base.ui.ImageUrls;
import org.cnnlab.base.ui.Numbers;
import org.cnnlab.inspection.Inspection;

/** What each layer made of the input (its maps, shape and range), and the first convolution's filters as pictures and numbers. */
class LayersPanel extends Div {

    private final Div layers = new Div();
    private final Div filters = new Div();
    private final H3 filtersTitle = new H3();

    private final Consumer<Inspection.Filter> onOpen;

    LayersPanel(Consumer<Inspection.Filter> onOpen) {
        this.onOpen = onOpen;
        layers.setId("inspect-layers");
        filters.setId("inspect-filters");
        filters.addClassName("dataset-grid");
        filtersTitle.setText(getTranslation("inspect.filters"));
        add(new H3(getTranslation("inspect.layers")), layers, filtersTitle, filters);
    }

    void show(Inspection in) {
        showLayers(in);
        showFilters(in);
    }

    private void showLayers(Inspection in) {
        layers.removeAll();
        if (in.layers().isEmpty()) layers.add(new Span(getTranslation("inspect.noLayers")));
        for (Inspection.Layer l : in.layers()) {
            H4 title = new H4(getTranslation("inspect.layer", l.index() + 1, l.builderType() ? getTranslation("layer." + l.type()) : l.type(), l.shape().toString(),
                    Numbers.of(this).decimal(l.min(), 3), Numbers.of(this).decimal(l.max(), 3)));
            Div maps = new Div();
            maps.addClassName(l.shape().isImage() ? "feature-maps" : "feature-vector");
            for (byte[] png : l.maps()) {
                Image img = new Image(ImageUrls.png(png), l.type());
                img.addClassName("pixel-image");
                maps.add(img);
            }
            if (l.channels() > l.maps().size()) maps.add(new Span(getTranslation("inspect.more", l.channels() - l.maps().size())));
            Div layer = new Div(title, maps);
            layer.addClassName("inspect-layer");
            layers.add(layer);
        }
    }

    private void showFilters(Inspection in) {
        filters.removeAll();
        filtersTitle.setVisible(!in.filters().isEmpty());   // a model whose first convolution the app cannot read shows none
        for (Inspection.Filter f : in.filters()) {
            StringBuilder numbers = new StringBuilder();
            for (int r = 0; r < f.kernel(); r++) {
                for (int c = 0; c < f.kernel(); c++) numbers.append(String.format(Locale.ROOT, c == 0 ? "%.2f" : " %.2f", f.weights()[r * f.kernel() + c]));
                numbers.append('\n');
            }
            Image img = new Image(ImageUrls.png(f.png()), getTranslation("inspect.filter", f.index() + 1));
            img.addClassName("pixel-image");
            img.getElement().setAttribute("title", numbers.toString());
            Span caption = new Span(getTranslation("inspect.filter", f.index() + 1));
            Span weights = new Span(numbers.toString());
            weights.addClassName("filter-numbers");
            Button open = new Button(getTranslation("inspect.openInPlayground"),
                    e -> onOpen.accept(f));
            open.addThemeVariants(ButtonVariant.TERTIARY);
            open.addClassName("open-in-playground");
            Div cell = new Div(img, caption, weights, open);
            cell.addClassName("dataset-cell");
            cell.addClassName("inspect-filter");
            filters.add(cell);
        }
    }
}
