package org.cnnlab.convolution.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import java.util.Locale;
import org.cnnlab.base.ui.ImageUrls;
import org.cnnlab.base.ui.Numbers;
import org.cnnlab.convolution.ConvolutionResult;
import org.cnnlab.convolution.FeatureMap;
import org.cnnlab.convolution.Playground;
import org.cnnlab.imaging.RenderedMap;

/** The input next to its feature map(s), with colour bar, value range, output size and parameter count. */
class ResultPanel extends VerticalLayout {

    private final Image input = new Image();
    private final Div maps = new Div();
    private final Div colourBar = new Div();
    private final Span low = new Span();
    private final Span high = new Span();
    private final Paragraph range = new Paragraph();
    private final Paragraph outputSize = new Paragraph();
    private final Paragraph parameters = new Paragraph();

    ResultPanel() {
        setPadding(false);
        input.setId("input-image");
        input.setAlt(getTranslation("result.input"));
        input.addClassName("pixel-image");
        maps.addClassName("map-row");
        colourBar.setId("colour-bar");
        colourBar.addClassName("colour-bar");
        low.setId("colour-low");
        high.setId("colour-high");
        Div bar = new Div(low, colourBar, high);
        bar.addClassName("colour-bar-row");
        range.setId("value-range");
        outputSize.setId("output-size");
        parameters.setId("parameter-count");
        Div figure = new Div(figure(input, getTranslation("result.input")), maps);
        figure.addClassName("map-row");
        add(figure, bar, range, outputSize, parameters);
    }

    void show(Playground p) {
        input.setSrc(ImageUrls.png(p.state().input().png()));
        maps.removeAll();
        ConvolutionResult result = p.result();
        for (int i = 0; i < result.maps().size(); i++) {
            FeatureMap map = result.maps().get(i);
            Image image = new Image(ImageUrls.png(p.rendered().get(i).png()), getTranslation("result.map"));
            image.setId("feature-map-" + i);
            image.addClassName("pixel-image");
            String caption = map.channel() < 0 ? getTranslation("result.map") : getTranslation("result.map.channel", getTranslation("channel." + map.channel()));
            maps.add(figure(image, caption + " · " + map.height() + "×" + map.width()));
        }
        RenderedMap first = p.rendered().getFirst();
        colourBar.getStyle().setBackground(p.state().colormap().cssGradient());
        Numbers numbers = Numbers.of(this);
        low.setText(number(numbers, first.low()));
        high.setText(number(numbers, first.high()));
        double min = p.rendered().stream().mapToDouble(RenderedMap::min).min().orElse(0);
        double max = p.rendered().stream().mapToDouble(RenderedMap::max).max().orElse(0);
        range.setText(getTranslation("result.range", number(numbers, min), number(numbers, max)));
        FeatureMap map = result.maps().getFirst();
        outputSize.setText(getTranslation("result.outputSize", result.rows().worked(), result.cols().worked(),
                result.rows().size() + "×" + result.cols().size(), map.height() + "×" + map.width()));
        int k = p.state().settings().kernelSize();
        parameters.setText(getTranslation("result.parameters." + p.state().settings().channelMode().name().toLowerCase(Locale.ROOT),
                k, p.state().settings().inputChannels(p.state().input().pixels().channels()), result.parameterCount()));
    }

    private static Div figure(Image image, String caption) {
        Span label = new Span(caption);
        label.addClassName("caption");
        Div figure = new Div(image, label);
        figure.addClassName("figure");
        return figure;
    }

    /** A value of a map or a walkthrough term: two decimals at most, three significant digits when very large or small. */
    static String number(Numbers numbers, double v) {
        if (Math.abs(v) >= 1e5 || (v != 0 && Math.abs(v) < 1e-3)) return numbers.significant(v, 3);
        String fixed = numbers.upTo(v, 2);
        return fixed.matches("-0") ? "0" : fixed;
    }
}
