package org.cnnlab.classroom.ui;

import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.data.renderer.ComponentRenderer;
import com.vaadin.flow.di.Instantiator;
import com.vaadin.flow.dom.Element;
import com.vaadin.flow.server.VaadinService;
import com.vaadin.flow.server.VaadinSession;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.cnnlab.base.Translations;

/**
 * What the panel tests share: a current UI and a stand-in VaadinService that only hands out the app's
 * translations (no servlet, no Spring, no browser), and finding a panel's parts as a user would.
 */
final class Panels {
    private Panels() {
    }

    /** Makes a UI current, in Spanish, with a service whose i18n is the app's; undo with {@link #stop()}. */
    static UI start() {
        Instantiator instantiator = mock(Instantiator.class);
        when(instantiator.getI18NProvider()).thenReturn(new Translations());
        VaadinService service = mock(VaadinService.class);
        when(service.getInstantiator()).thenReturn(instantiator);
        VaadinService.setCurrent(service);
        VaadinSession session = mock(VaadinSession.class);   // only for the lock a round trip asks for
        when(session.hasLock()).thenReturn(true);
        when(session.getService()).thenReturn(service);
        UI ui = new UI();
        ui.getInternals().setSession(session);
        ui.setLocale(Translations.SPANISH);
        UI.setCurrent(ui);
        return ui;
    }

    static void stop() {
        UI.setCurrent(null);
        VaadinService.setCurrent(null);
    }

    /** {@code root} and every component inside it, depth first; by elements, as a dialog's footer is no component. */
    static Stream<Component> tree(Component root) {
        return elements(root.getElement()).flatMap(e -> e.getComponent().stream());
    }

    private static Stream<Element> elements(Element root) {
        return Stream.concat(Stream.of(root), root.getChildren().flatMap(Panels::elements));
    }

    static <T extends Component> List<T> all(Component root, Class<T> type, Predicate<T> which) {
        return tree(root).filter(type::isInstance).map(type::cast).filter(which).toList();
    }

    static <T extends Component> T byId(Component root, Class<T> type, String id) {
        return all(root, type, c -> c.getId().filter(id::equals).isPresent()).getFirst();
    }

    /** The one button in {@code root} with CSS class {@code className}. */
    static Button button(Component root, String className) {
        List<Button> found = all(root, Button.class, b -> b.hasClassName(className));
        if (found.size() != 1) throw new AssertionError(found.size() + " buttons ." + className);
        return found.getFirst();
    }

    /** The one button in {@code root} labelled {@code label} (its text or, for a glyph button, its accessible name). */
    static Button labelled(Component root, String label) {
        List<Button> found = all(root, Button.class, b -> label.equals(b.getText()) || b.getAriaLabel().filter(label::equals).isPresent());
        if (found.size() != 1) throw new AssertionError(found.size() + " buttons labelled " + label);
        return found.getFirst();
    }

    /**
     * What column {@code column} of {@code grid} shows for {@code item}, made as the grid makes it for
     * the browser (rows are rendered lazily, so a grid never attached has none to look into).
     */
    @SuppressWarnings("unchecked")
    static <T> Component cell(Grid<T> grid, int column, T item) {
        return ((ComponentRenderer<? extends Component, T>) grid.getColumns().get(column).getRenderer()).createComponent(item);
    }

    /** Attaches what was opened (a dialog) during this "round trip", as Flow does before it answers the browser. */
    static void roundTrip(UI ui) {
        ui.getInternals().getStateTree().runExecutionsBeforeClientResponse();
    }

    static String translation(String key, Object... params) {
        return new Translations().getTranslation(key, Translations.SPANISH, params);
    }
}
