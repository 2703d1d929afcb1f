package org.cnnlab.base.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.applayout.DrawerToggle;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.router.Layout;
import java.util.Locale;
import org.cnnlab.base.Lesson;

/** The frame of every page: title, language switch, and a navigation that follows the lecture. */
@Layout
public class MainLayout extends AppLayout {

    public MainLayout() {
        Span title = new Span(getTranslation("app.title"));
        title.addClassName("cnnlab-title");
        Button language = new Button(getTranslation("app.language.switch"), e -> switchLanguage());
        language.setId("language-switch");
        language.addThemeVariants(ButtonVariant.TERTIARY);
        language.getElement().setAttribute("lang", LanguageSettings.other(getLocale()).getLanguage());
        HorizontalLayout header = new HorizontalLayout(new DrawerToggle(), title, language);
        header.setWidthFull();
        header.setAlignItems(HorizontalLayout.Alignment.CENTER);
        header.expand(title);
        header.addClassName("cnnlab-header");
        addToNavbar(header);

        SideNav nav = new SideNav(getTranslation("nav.outline"));
        nav.setId("lesson-nav");
        nav.addItem(new SideNavItem(getTranslation("nav.home"), ""));
        for (Lesson lesson : Lesson.values()) {
            String label = getTranslation(lesson.titleKey());
            SideNavItem item = new SideNavItem(lesson.built() ? label : label + " · " + getTranslation("nav.soon"), lesson.path());
            item.addClassName(lesson.built() ? "lesson-built" : "lesson-soon");
            nav.addItem(item);
        }
        addToDrawer(nav);
        setPrimarySection(Section.DRAWER);
    }

    private void switchLanguage() {
        Locale next = LanguageSettings.other(getLocale());
        LanguageSettings.choose(next);
        UI.getCurrent().getPage().reload();
    }
}
