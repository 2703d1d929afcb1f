package org.cnnlab.e2e.pages;

import com.microsoft.playwright.Page;

/**
 * Waits on conditions the page itself reports, never on a guessed time: that the Flow client has
 * nothing in flight (the server has answered what the page sent), and that no Vaadin overlay or
 * notification is still animating in or out.
 */
public final class Settle {
    private Settle() {
    }

    /**
     * True while a Flow client on the page has a request to the server open, a message still queued
     * or the server's answer still being applied ({@code Vaadin.Flow.clients[*].isActive()}, what
     * Vaadin TestBench waits on). A DOM event Flow synchronises (a field's {@code value-changed})
     * makes it true in the same task, so there is no gap between an event and this turning true.
     */
    static final String FLOW_ACTIVE = "() => Object.values((window.Vaadin && window.Vaadin.Flow && window.Vaadin.Flow.clients) || {})"
            + ".some(c => typeof c.isActive === 'function' && c.isActive())";

    /** Waits until the server has answered everything the page sent it and the page has applied the answer. */
    public static void server(Page page) {
        page.waitForFunction("() => !(" + FLOW_ACTIVE + ")()");
    }

    /**
     * Waits until no overlay, dialog or notification card (in the page or in any shadow root) carries
     * Vaadin's {@code opening} or {@code closing} attribute, which it has while it animates in or out:
     * for screenshots, and before a click inside a dialog that has just been opened.
     */
    public static void overlays(Page page) {
        page.waitForFunction("() => { const busy = root => root.querySelector('[opening], [closing]') !== null"
                + " || [...root.querySelectorAll('*')].some(e => e.shadowRoot && busy(e.shadowRoot)); return !busy(document); }");
    }
}
