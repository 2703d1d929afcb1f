package org.cnnlab.descent.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.tabs.TabSheet;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import java.util.ArrayList;
import java.util.List;
import org.cnnlab.base.Lesson;
import org.cnnlab.base.StudentId;
import org.cnnlab.base.ui.CurrentStudent;
import org.cnnlab.base.ui.Messages;
import org.cnnlab.descent.DescentService;
import org.cnnlab.descent.DescentService.FitSession;

/**
 * The recap lesson: gradient descent you can watch; the work happens in {@link DescentService}. The panels hold no
 * service; this view is the one caller: it answers their events, and owns the live fits it starts for {@link FitPanel}.
 */
@AnonymousAllowed
@Route(Lesson.Paths.RECAP)
public class DescentView extends Div implements HasDynamicTitle {

    private final DescentService service;
    private final StudentId student = CurrentStudent.id();
    private final FitPanel fit = new FitPanel();
    private final List<FitSession> fits = new ArrayList<>();

    public DescentView(DescentService service) {
        this.service = service;
        addClassName("network-lesson");
        listenToFit();
        WidthPanel width = new WidthPanel();
        width.addSweepListener(e -> e.start(service.widthSweep(student, e.base(), e.widths(), e.steps(), e.progress()::accept)));
        SurfacePanel surface = new SurfacePanel();
        surface.addDrawListener(e -> {
            UI ui = UI.getCurrent();
            Messages.attempt(surface, () -> service.surface(e.surface(), e.w1(), e.w2(), e.optimisers(), e.steps())
                    .thenAccept(r -> ui.access(() -> surface.show(r, e.names()))));
        });
        surface.addPointListener(e -> surface.startAt(service.pointAt(e.surface(), e.x(), e.y(), e.shownSize())));
        surface.draw();
        TabSheet tabs = new TabSheet();
        tabs.setId("descent-tabs");
        tabs.setWidthFull();
        tabs.add(getTranslation("descent.tab.fit"), fit);
        tabs.add(getTranslation("descent.tab.width"), width);
        tabs.add(getTranslation("descent.tab.surface"), surface);
        add(new H1(getTranslation("lesson.recap.title")), new Paragraph(getTranslation("descent.intro")), tabs);
    }

    /**
     * The live fits are this view's: started when the panel asks (it does when attached and on "reset"), each
     * snapshot handed to the panel under the UI's lock, and stopped here on the next restart and when the panel is
     * detached (its tab left or the page closed), so no run keeps ticking for a page nobody sees.
     */
    private void listenToFit() {
        fit.addRestartListener(e -> {
            stopFits();
            UI ui = UI.getCurrent();
            for (int i = 0; i < e.runs().size(); i++) {
                int which = i;
                FitSession s = service.fit(student, e.runs().get(i), snapshot -> ui.access(() -> fit.show(which, snapshot)));
                s.speed(e.speed());
                fits.add(s);
            }
        });
        fit.addControlListener(e -> fits.forEach(switch (e.control()) {
            case PLAY -> FitSession::play;
            case PAUSE -> FitSession::pause;
            case STEP -> FitSession::stepOnce;
        }));
        fit.addSpeedListener(e -> fits.forEach(s -> s.speed(e.speed())));
        fit.addDetachListener(e -> stopFits());
    }

    private void stopFits() {
        fits.forEach(FitSession::stop);
        fits.clear();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("lesson.recap.title");
    }
}
