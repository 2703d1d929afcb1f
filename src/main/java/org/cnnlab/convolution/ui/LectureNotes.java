package org.cnnlab.convolution.ui;

import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import org.cnnlab.convolution.ChannelMode;
import org.cnnlab.convolution.ConvolutionSettings;

/** Where the playground departs from the slides, each in one friendly sentence. */
class LectureNotes extends Details {

    LectureNotes() {
        setId("lecture-notes");
        Div body = new Div();
        for (String key : new String[] {"notes.crossCorrelation", "notes.halfWidth", "notes.count"}) {
            body.add(new Paragraph(getTranslation(key)));
        }
        ConvolutionSettings rgbLayer = ConvolutionSettings.defaults().withChannelMode(ChannelMode.CONV_LAYER);
        body.add(new Paragraph(getTranslation("notes.parameters", rgbLayer.parameterCount(3))));
        add(body);
        setSummaryText(getTranslation("notes.heading"));
        setOpened(true);
    }
}
