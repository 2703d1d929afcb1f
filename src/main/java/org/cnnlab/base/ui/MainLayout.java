package org.cnnlab.base.ui;

import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.applayout.DrawerToggle;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.router.AfterNavigationEvent;
import com.vaadin.flow.router.AfterNavigationObserver;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Layout;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.cnnlab.base.ClassEvents;
import org.cnnlab.base.ClassRoom;
import org.cnnlab.base.DatabaseStatus;
import org.cnnlab.base.Lesson;
import org.cnnlab.base.StudentId;

/** The frame of every page: title, language switch, and a navigation that follows the lecture. */
@Layout
@AnonymousAllowed
public class MainLayout extends AppLayout implements AfterNavigationObserver, BeforeEnterObserver {
    private final ClassRoom classRoom;
    private final StudentId student = CurrentStudent.id();
    private final ClassBar classBar;
    private final SideNav nav;
    private final Map<Lesson, SideNavItem> items = new EnumMap<>(Lesson.class);

    public MainLayout(ClassRoom classRoom, ClassEvents events, DatabaseStatus database) {
        this.classRoom = classRoom;
        this.classBar = new ClassBar(classRoom, events, student);
        Span title = new Span(getTranslation("app.title"));
        title.addClassName("cnnlab-title");
        Button language = new Button(getTranslation("app.language.switch"), e -> switchLanguage());
        language.setId("language-switch");
        language.addThemeVariants(ButtonVariant.TERTIARY);
        language.getElement().setAttribute("lang", LanguageSettings.other(getLocale()).getLanguage());
        HorizontalLayout header = new HorizontalLayout(new DrawerToggle(), title, new DatabaseBanner(database), classBar, language);
        header.setWidthFull();
        header.setAlignItems(HorizontalLayout.Alignment.CENTER);
        header.expand(title);
        header.addClassName("cnnlab-header");
        addToNavbar(header);

        nav = new SideNav(getTranslation("nav.outline"));
        nav.setId("lesson-nav");
        nav.addItem(new SideNavItem(getTranslation("nav.home"), ""));
        for (Lesson lesson : Lesson.values()) {
            String label = lesson.number() + ". " + getTranslation(lesson.titleKey());
            SideNavItem item = new SideNavItem(null, lesson.path());
            // the label as an element of its own, so a long title wraps instead of ending in "…" (vaadin/web-components#6715)
            Span text = new Span(label);
            text.addClassName("nav-label");
            item.getElement().appendChild(text.getElement());
            items.put(lesson, item);
            nav.addItem(item);
        }
        SideNav classNav = new SideNav();
        classNav.setId("class-nav");
        classNav.addItem(new SideNavItem(getTranslation("nav.class.join"), "unirse"), new SideNavItem(getTranslation("nav.class.instructor"), "clase"));
        addToDrawer(nav, classNav);
        classBar.onChange(this::pace);
        setPrimarySection(Section.DRAWER);
    }

    /** Pacing: only the lessons the instructor opened are listed; a page of another lesson goes back to the start. */
    private void pace(Optional<ClassRoom.Membership> membership) {
        items.forEach((lesson, item) -> item.setVisible(membership.map(m -> m.allows(lesson)).orElse(true)));
        getUI().ifPresent(ui -> {
            Lesson here = Lesson.byPath(ui.getInternals().getActiveViewLocation().getFirstSegment());
            if (here != null && membership.map(m -> !m.allows(here)).orElse(false)) ui.navigate(HomeView.class);
        });
    }

    /** Pacing: a lesson the instructor has not opened yet leads back to the start page, with a word why. */
    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        Lesson lesson = Lesson.byPath(event.getLocation().getFirstSegment());
        if (lesson != null && classRoom.membership(student).map(m -> !m.allows(lesson)).orElse(false)) {
            event.rerouteTo("");
            Notification.show(getTranslation("class.paced"), 4000, Notification.Position.TOP_CENTER).setId("class-paced");
        }
    }

    @Override
    public void afterNavigation(AfterNavigationEvent event) {
        classRoom.present(student, tab(), event.getLocation().getPath());
    }

    @Override
    protected void onDetach(DetachEvent detachEvent) {
        classRoom.present(student, tab(), null);
        super.onDetach(detachEvent);
    }

    private String tab() {
        return getElement().getNode().getId() + "@" + System.identityHashCode(this);
    }

    private void switchLanguage() {
        Locale next = LanguageSettings.other(getLocale());
        LanguageSettings.choose(next);
        UI.getCurrent().getPage().reload();
    }
}
