package org.cnnlab.testing;

import com.vaadin.flow.component.AbstractField;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.ComponentUtil;
import com.vaadin.flow.component.tabs.TabSheet;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Finding a panel's parts by id and acting on them as a student would, in plain JUnit (no server, no browser):
 * the panel tests' shared helpers.
 */
public final class Components {
    private Components() {
    }

    /** The component with {@code id} inside {@code root}, in every tab of a tab sheet too (a sheet shows only its selected tab's content). */
    public static <T extends Component> T byId(Component root, String id, Class<T> type) {
        return find(root, id).map(type::cast).orElseThrow(() -> new AssertionError("no component #" + id));
    }

    /** The first component of {@code type} inside {@code root} (itself included). */
    public static <T extends Component> T first(Component root, Class<T> type) {
        return all(root).filter(type::isInstance).map(type::cast).findFirst().orElseThrow(() -> new AssertionError("no " + type.getSimpleName()));
    }

    private static Stream<Component> all(Component c) {
        return Stream.concat(Stream.of(c), children(c).flatMap(Components::all));
    }

    private static Optional<Component> find(Component c, String id) {
        if (c.getId().orElse("").equals(id)) return Optional.of(c);
        return children(c).map(child -> find(child, id)).flatMap(Optional::stream).findFirst();
    }

    private static Stream<Component> children(Component c) {
        if (c instanceof TabSheet sheet) {
            return Stream.iterate(0, i -> i < sheet.getTabCount(), i -> i + 1).map(i -> sheet.getComponent(sheet.getTabAt(i)));
        }
        return c.getChildren();
    }

    /** Sets {@code value} as the browser would: the field's listeners see an edit from the client. */
    public static <V> void type(AbstractField<?, V> field, V value) {
        V old = field.getValue();
        field.setValue(value);
        fireFromClient(field, old);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static <V> void fireFromClient(AbstractField<?, V> field, V old) {
        // setValue's own event says "from the server"; the listeners that react to the student's typing want this one
        ComponentUtil.fireEvent(field, new AbstractField.ComponentValueChangeEvent(field, field, old, true));
    }
}
