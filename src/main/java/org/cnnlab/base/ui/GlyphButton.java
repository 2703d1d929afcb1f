package org.cnnlab.base.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;

/**
 * A small button showing one glyph (↑, ✎, ✕) for a row of a table: the label, already translated,
 * is its accessible name and its tooltip. Text glyphs rather than Vaadin icons, which the
 * production bundle did not show for every icon.
 */
public final class GlyphButton {
    private GlyphButton() {
    }

    public static Button of(String glyph, String label, Runnable action) {
        Button b = new Button(glyph, e -> action.run());
        b.addThemeVariants(ButtonVariant.TERTIARY, ButtonVariant.SMALL);
        b.setAriaLabel(label);
        b.setTooltipText(label);
        return b;
    }
}
