package org.cnnlab.network.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.tabs.TabSheet;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import java.util.function.Supplier;
import org.cnnlab.base.ClassEvent;
import org.cnnlab.base.ClassEvents;
import org.cnnlab.base.InvalidInputException;
import org.cnnlab.base.Lesson;
import org.cnnlab.base.StudentId;
import org.cnnlab.base.ui.ClassListener;
import org.cnnlab.base.ui.CurrentStudent;
import org.cnnlab.base.ui.Messages;
import org.cnnlab.network.NetworkDesign;
import org.cnnlab.network.NetworkDesignService;

/**
 * From MLP to CNN: why a dense first layer costs so much, a counting quiz, and a network builder. The panels hold no
 * service; this view is the one caller of {@link NetworkDesignService}: it answers their events with the results.
 */
@AnonymousAllowed
@Route(Lesson.Paths.NETWORK)
public class NetworkView extends Div implements HasDynamicTitle {

    private final NetworkDesignService designs;
    private final StudentId student = CurrentStudent.id();
    private final BuilderPanel builder = new BuilderPanel();

    public NetworkView(NetworkDesignService designs, ClassEvents events) {
        this.designs = designs;
        addClassName("network-lesson");
        MlpPanel mlp = new MlpPanel();
        mlp.addCompareListener(e -> Messages.attempt(mlp, () ->
                mlp.show(designs.compareMlp(e.width(), e.height(), e.channels(), e.neurons(), e.filters(), e.kernel()))));
        mlp.compare();
        QuizPanel quiz = new QuizPanel();
        quiz.addCheckListener(e -> quiz.mark(e.question(), e.answer(), designs.quizAnalysis(e.question())));
        listenToBuilder();
        TabSheet tabs = new TabSheet();
        tabs.setId("network-tabs");
        tabs.add(getTranslation("network.tab.mlp"), mlp);
        tabs.add(getTranslation("network.tab.quiz"), quiz);
        tabs.add(getTranslation("network.tab.builder"), builder);
        ClassListener.pushed(this, events, student, ClassEvent.Pushed.What.NETWORK, p -> {   // already the design (ClassNetworks)
            edit(() -> designs.current(student));
            tabs.setSelectedIndex(2);
        }, "class.pushed.network");
        add(new H1(getTranslation("lesson.network.title")), new Paragraph(getTranslation("network.intro")), tabs);
    }

    private void listenToBuilder() {
        builder.addPresetListener(e -> edit(() -> designs.usePreset(student, e.preset())));
        builder.addInputListener(e -> edit(() -> designs.changeInput(student, e.channels(), e.height(), e.width())));
        builder.addSaveListener(e -> edit(() -> designs.save(student, e.name())));
        builder.addLoadListener(e -> edit(() -> designs.loadSaved(student, e.name())));
        builder.addInsertLayerListener(e -> edit(() -> designs.insertLayer(student, e.index(), e.layer())));
        builder.addReplaceLayerListener(e -> edit(() -> designs.replaceLayer(student, e.index(), e.layer())));
        builder.addMoveLayerListener(e -> edit(() -> designs.moveLayer(student, e.index(), e.delta())));
        builder.addRemoveLayerListener(e -> edit(() -> designs.removeLayer(student, e.index())));
        builder.addSelectLayerListener(e -> edit(() -> designs.current(student)));
        builder.addImportListener(e -> edit(() -> designs.importJson(student, e.json())));
        builder.addExportListener(e -> builder.showJson(designs.exportJson(student)));
        edit(() -> designs.current(student));
    }

    /** Runs one of the student's edits and shows the design; a refusal is said, and the design as it stands shown. */
    private void edit(Supplier<NetworkDesign> action) {
        try {
            builder.show(action.get());
        } catch (InvalidInputException e) {
            Messages.error(builder, e);
            builder.show(designs.current(student));
        }
    }

    @Override
    public String getPageTitle() {
        return getTranslation("lesson.network.title");
    }
}
