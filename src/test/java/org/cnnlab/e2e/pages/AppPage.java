package org.cnnlab.e2e.pages;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.LoadState;

/** What every page object shares: the Playwright page, opening a route, and choosing from a Vaadin select. */
abstract class AppPage {

    protected final Page page;

    AppPage(Page page) {
        this.page = page;
    }

    public Page page() {
        return page;
    }

    protected void open(String baseUrl, String route, String readySelector) {
        page.navigate(baseUrl + route);
        page.waitForLoadState(LoadState.NETWORKIDLE);
        page.locator(readySelector).first().waitFor();
    }

    /** Chooses an item of the Vaadin select or radio group with this id by its visible label: see {@link Pick#byLabel}. */
    public void choose(String fieldId, String label) {
        Pick.byLabel(page.locator("#" + fieldId), label);
    }
}
