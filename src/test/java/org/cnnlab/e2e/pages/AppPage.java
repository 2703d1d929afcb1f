package org.cnnlab.e2e.pages;

import com.microsoft.playwright.Page;

/** What every page object shares: the Playwright page, opening a route, and choosing from a Vaadin select. */
abstract class AppPage {

    protected final Page page;

    AppPage(Page page) {
        this.page = page;
    }

    public Page page() {
        return page;
    }

    /**
     * Opens a route and waits until the view is shown and the Flow client has nothing in flight (not
     * for "network idle": a page on long polling nearly always has a request open, so that waited on
     * gaps between polls).
     */
    protected void open(String baseUrl, String route, String readySelector) {
        page.navigate(baseUrl + route);
        page.locator(readySelector).first().waitFor();
        Settle.server(page);
    }

    /** Chooses an item of the Vaadin select or radio group with this id by its visible label: see {@link Pick#byLabel}. */
    public void choose(String fieldId, String label) {
        Pick.byLabel(page.locator("#" + fieldId), label);
    }
}
