package org.cnnlab.network.ui;

import com.vaadin.flow.server.auth.AnonymousAllowed;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.tabs.TabSheet;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import org.cnnlab.base.ClassEvent;
import org.cnnlab.base.ClassEvents;
import org.cnnlab.base.Lesson;
import org.cnnlab.base.StudentId;
import org.cnnlab.base.ui.ClassListener;
import org.cnnlab.base.ui.CurrentStudent;
import org.cnnlab.network.NetworkDesignService;

/** From MLP to CNN: why a dense first layer costs so much, a counting quiz, and a network builder. */
@AnonymousAllowed
@Route(Lesson.Paths.NETWORK)
public class NetworkView extends Div implements HasDynamicTitle {

    public NetworkView(NetworkDesignService designs, ClassEvents events) {
        StudentId student = CurrentStudent.id();
        addClassName("network-lesson");
        TabSheet tabs = new TabSheet();
        tabs.setId("network-tabs");
        tabs.add(getTranslation("network.tab.mlp"), new MlpPanel(designs));
        tabs.add(getTranslation("network.tab.quiz"), new QuizPanel(designs));
        BuilderPanel builder = new BuilderPanel(designs, student);
        tabs.add(getTranslation("network.tab.builder"), builder);
        ClassListener.pushed(this, events, student, ClassEvent.Pushed.What.NETWORK, p -> {   // already the design (ClassNetworks)
            builder.refresh();
            tabs.setSelectedIndex(2);
        }, "class.pushed.network");
        add(new H1(getTranslation("lesson.network.title")), new Paragraph(getTranslation("network.intro")), tabs);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("lesson.network.title");
    }
}
